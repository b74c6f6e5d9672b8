import supertest from 'supertest';
import { createHost } from '../src/host/createHost';
import { createLogger } from '../src/host/logger';
import { createApiKey } from '../src/auth/apiKeys';
import { seedCustomers } from '../bench/seedCustomers';
import { createTestDatabase } from '../test/helpers/testDatabase';
import { createOrderStatsSource } from '../plugins/customers/orders/orderStatsSource';

const CUSTOMERS = 5000, ORDERS_PER = 4, RUNS = 200;

async function main() {
  const database = await createTestDatabase();
  const host = await createHost({ databaseUrl: database.url, logger: createLogger('silent'), pluginModules: [], homeUrl: null });
  const db = host.db;
  try {
    const { firstId } = await seedCustomers(db, CUSTOMERS, () => {});
    const statuses = ['wc-completed', 'wc-processing', 'wc-on-hold', 'wc-cancelled'];
    let orderId = 100000;
    for (let offset = 0; offset < CUSTOMERS; offset += 500) {
      await db.transaction(async (tx) => {
        const posts: unknown[] = [], meta: unknown[] = [], hpos: unknown[] = [];
        for (let i = offset; i < Math.min(offset + 500, CUSTOMERS); i++) {
          for (let k = 0; k < ORDERS_PER; k++) {
            const id = orderId++;
            posts.push(id, statuses[k]);
            meta.push(id, '_customer_user', String(firstId + i), id, '_order_total', '12.34', id, '_order_key', `wc_order_${id}`);
            hpos.push(id, statuses[k], '12.34', firstId + i);
          }
        }
        const n = posts.length / 2;
        await tx.execute(`INSERT INTO ${tx.table('posts')} (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_type) VALUES ${Array(n).fill(`(?, 1, '2024-01-01 00:00:00', '2024-01-01 00:00:00', '', 'o', '', ?, '', '', '', '2024-01-01 00:00:00', '2024-01-01 00:00:00', '', 'shop_order')`).join(',')}`, posts);
        await tx.execute(`INSERT INTO ${tx.table('postmeta')} (post_id, meta_key, meta_value) VALUES ${Array(n * 3).fill('(?, ?, ?)').join(',')}`, meta);
        await tx.execute(`INSERT INTO ${tx.table('wc_orders')} (id, status, type, total_amount, customer_id, date_created_gmt) VALUES ${Array(n).fill(`(?, ?, 'shop_order', ?, ?, '2024-01-01 00:00:00')`).join(',')}`, hpos);
      });
    }
    const key = await createApiKey(db, { userId: 1, permissions: 'read', description: 'b' });
    const http = supertest(host.app);
    const source = createOrderStatsSource(db, host.options, host.hooks);
    const ids = Array.from({ length: 100 }, (_, i) => firstId + 1000 + i);
    for (const storage of ['no', 'yes']) {
      await host.options.update('woocommerce_custom_orders_table_enabled', storage);
      const time = async (fn: () => Promise<unknown>) => { for (let i = 0; i < 10; i++) await fn(); const s = process.hrtime.bigint(); for (let i = 0; i < RUNS; i++) await fn(); return Number(process.hrtime.bigint() - s) / 1e6 / RUNS; };
      const statsMs = await time(() => source.statsFor(ids));
      const pageMs = await time(() => http.get('/wp-json/wc/v2/customers?per_page=100&page=11').auth(key.consumerKey, key.consumerSecret).expect(200));
      const v3Ms = await time(() => http.get('/wp-json/wc/v3/customers?per_page=100&page=11').auth(key.consumerKey, key.consumerSecret).expect(200));
      console.log(JSON.stringify({ db: db.dialect, storage: storage === 'yes' ? 'hpos' : 'posts', customers: CUSTOMERS, orders: CUSTOMERS * ORDERS_PER, statsFor100Ms: statsMs.toFixed(2), v2Page100Ms: pageMs.toFixed(2), v3Page100NoTotalsMs: v3Ms.toFixed(2) }));
    }
  } finally {
    await host.close();
    await database.drop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
