import { createHash } from 'node:crypto';
import type { Db } from '../../../src/db/types';
import { LOOKUP_TABLES } from './lookupTables';

/** One trigger: the WordPress table it watches and its CREATE statement. */
export interface LookupTrigger {
  name: string;
  /** Unprefixed WordPress table, e.g. `usermeta`. */
  table: string;
  create: string;
}

type Event = 'INSERT' | 'UPDATE' | 'DELETE';
type Row = 'NEW' | 'OLD';

/**
 * Triggers that mark a user "dirty" (and bump the user's version) in the same transaction as any write that can
 * change what the customers API shows for that user: the user row, any of its meta, and — for orders_count and
 * total_spent — its orders in either storage. Whoever writes (wc-host, WordPress, WooCommerce, a SQL import), the
 * very next list request sees the mark and brings the lookup up to date first.
 *
 * The bodies only ever insert into wc-host's own versions table, use built-in SQL only (the SQLite file stays usable
 * by any SQLite tool) and never fail a WordPress write: customer ids are cast only when they are plain digits, so a
 * strict sql_mode cannot turn a truncation warning into an error.
 */
export function lookupTriggers(
  db: Pick<Db, 'dialect' | 'table' | 'prefix'>,
  tables: { hposOrders: boolean },
): LookupTrigger[] {
  const sqlite = db.dialect === 'sqlite';
  const versions = db.table(LOOKUP_TABLES.versions);
  const postmeta = db.table('postmeta');
  const upsert = sqlite
    ? 'ON CONFLICT(user_id) DO UPDATE SET version = version + 1, dirty = 1'
    : 'ON DUPLICATE KEY UPDATE version = version + 1, dirty = 1';
  /** Marks the user `id` (an expression over NEW/OLD); `when` guards it. */
  const mark = (id: string, when?: string) => {
    if (sqlite)
      return `INSERT INTO ${versions} (user_id, version, dirty) SELECT ${id}, 1, 1 WHERE ${when ?? 'TRUE'} ${upsert};`;
    const insert = `INSERT INTO ${versions} (user_id, version, dirty) VALUES (${id}, 1, 1) ${upsert};`;
    return when ? `IF ${when} THEN ${insert} END IF;` : insert;
  };
  const digits = (column: string) =>
    sqlite
      ? `(${column} GLOB '[0-9]*' AND ${column} NOT GLOB '*[^0-9]*' AND length(${column}) <= 18)`
      : `${column} REGEXP '^[0-9]{1,19}$'`;
  const toId = (column: string) => (sqlite ? `CAST(${column} AS INTEGER)` : `CAST(${column} AS UNSIGNED)`);
  /** Marks the customer of order post `postId` (its `_customer_user` meta). */
  const markOrderCustomer = (postId: string) =>
    `INSERT INTO ${versions} (user_id, version, dirty)
       SELECT ${toId('customer.meta_value')}, 1, 1 FROM ${postmeta} customer
        WHERE customer.post_id = ${postId} AND customer.meta_key = '_customer_user' AND ${digits('customer.meta_value')}
          AND ${toId('customer.meta_value')} > 0 ${upsert};`;

  const triggers: LookupTrigger[] = [];
  const add = (table: string, event: Event, statements: (row: Row, other: Row | null) => string[], when?: string) => {
    const row: Row = event === 'DELETE' ? 'OLD' : 'NEW';
    const other: Row | null = event === 'UPDATE' ? 'OLD' : null;
    const name = triggerName(db.prefix, table, event);
    const body = statements(row, other);
    const target = db.table(table);
    const create = sqlite
      ? `CREATE TRIGGER "${name}" AFTER ${event} ON ${target}${when ? ` WHEN ${when}` : ''} BEGIN\n  ${body.join('\n  ')}\nEND`
      : `CREATE TRIGGER \`${name}\` AFTER ${event} ON ${target} FOR EACH ROW BEGIN\n  ${
          when ? `IF ${when} THEN\n  ${body.join('\n  ')}\n  END IF;` : body.join('\n  ')
        }\nEND`;
    triggers.push({ name, table, create });
  };
  const events: Event[] = ['INSERT', 'UPDATE', 'DELETE'];

  for (const event of events) {
    add('users', event, (row, other) => [
      mark(`${row}.ID`),
      ...(other ? [mark(`${other}.ID`, `${other}.ID <> ${row}.ID`)] : []),
    ]);
    add('usermeta', event, (row, other) => [
      mark(`${row}.user_id`),
      ...(other ? [mark(`${other}.user_id`, `${other}.user_id <> ${row}.user_id`)] : []),
    ]);
    if (tables.hposOrders) {
      add('wc_orders', event, (row, other) => [
        mark(`${row}.customer_id`, `${row}.customer_id > 0`),
        ...(other
          ? [mark(`${other}.customer_id`, `${other}.customer_id > 0 AND ${other}.customer_id <> ${row}.customer_id`)]
          : []),
      ]);
    }
    // Posts storage: an order's status or date lives on the post, its customer and total in postmeta.
    const orderPost = (row: Row) => `${row}.post_type = 'shop_order'`;
    add(
      'posts',
      event,
      (row) => [markOrderCustomer(`${row}.ID`)],
      event === 'UPDATE' ? `${orderPost('NEW')} OR ${orderPost('OLD')}` : orderPost(event === 'DELETE' ? 'OLD' : 'NEW'),
    );
    const orderMeta = (row: Row) => `${row}.meta_key IN ('_customer_user', '_order_total')`;
    add(
      'postmeta',
      event,
      (row, other) => [
        mark(toId(`${row}.meta_value`), `${row}.meta_key = '_customer_user' AND ${digits(`${row}.meta_value`)}`),
        ...(other
          ? [
              mark(
                toId(`${other}.meta_value`),
                `${other}.meta_key = '_customer_user' AND ${digits(`${other}.meta_value`)}`,
              ),
            ]
          : []),
        markOrderCustomer(`${row}.post_id`),
      ],
      event === 'UPDATE' ? `${orderMeta('NEW')} OR ${orderMeta('OLD')}` : orderMeta(event === 'DELETE' ? 'OLD' : 'NEW'),
    );
  }
  if (!sqlite) {
    // MySQL's collation makes '12 ', '１２' or '12\0' equal '12', so WooCommerce's query counts such a
    // `_customer_user` for customer 12, and no trigger can tell whose it is: the posts storage's kept order totals
    // stop being used (readOrderTotals.ts) once one is written — or found when totals are summed (writeOrderTotals.ts).
    // SQLite compares them as different texts.
    for (const event of ['INSERT', 'UPDATE'] as const) {
      const name = triggerName(db.prefix, 'postmeta_odd', event);
      triggers.push({
        name,
        table: 'postmeta',
        create: `CREATE TRIGGER \`${name}\` AFTER ${event} ON ${db.table('postmeta')} FOR EACH ROW BEGIN
  IF NEW.meta_key = '_customer_user' AND NEW.meta_value <> '' AND NOT (${digits('NEW.meta_value')}) THEN
    INSERT INTO ${db.table(LOOKUP_TABLES.state)} (name, value) VALUES ('${ODD_CUSTOMER_USER}', 1) ON DUPLICATE KEY UPDATE value = 1;
  END IF;
END`,
      });
    }
  }
  return triggers;
}

/** The lookup state's flag set when an order's `_customer_user` that is not plain digits was seen (MySQL). */
export const ODD_CUSTOMER_USER = 'odd_customer_user';

/** `{prefix}wc_host_{table}_{ai|au|ad}`; hashed to MySQL's 64 characters when a long prefix would overflow it. */
export function triggerName(prefix: string, table: string, event: Event): string {
  const name = `${prefix}wc_host_${table}_a${event[0].toLowerCase()}`;
  if (name.length <= 64) return name;
  return `wc_host_${createHash('sha256').update(name).digest('hex').slice(0, 40)}_a${event[0].toLowerCase()}`;
}
