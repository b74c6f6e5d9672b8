import type { Db } from '../../../src/db/types';
import type { IndexProgress } from '../../../src/host/databaseIndexes';

/** The key on `{prefix}postmeta` that finds a customer's orders in posts storage. */
export interface PostmetaCustomerIndex {
  /** The index's name (SQLite's are global to the file, so they carry the table's). */
  name: string;
  /** `table.index`, as readSchemaCatalog lists it. */
  catalogName: string;
  /** SQLite's CREATE INDEX. */
  create: string;
  /** MySQL: builds the key online (the table stays writable), reporting MariaDB's progress figure. */
  createOnline(db: Db, progress: (step: IndexProgress) => void): Promise<void>;
  drop: string;
}

const NAME = 'wc_host_customer_user';

/**
 * WooCommerce finds a customer's orders in posts storage with `meta_key = '_customer_user' AND meta_value = <id>`,
 * which WordPress's postmeta keys (post_id; meta_key alone) answer only by reading every order's `_customer_user`
 * row — seconds per page at millions of orders. This key makes it a lookup. SQLite gets a partial index over the
 * `_customer_user` rows only.
 */
export function postmetaCustomerIndex(db: Pick<Db, 'dialect' | 'table' | 'prefix'>): PostmetaCustomerIndex {
  const table = db.table('postmeta');
  if (db.dialect === 'sqlite') {
    const name = `${db.prefix}postmeta_${NAME}`;
    return {
      name,
      catalogName: `${db.prefix}postmeta.${name}`,
      create: `CREATE INDEX "${name}" ON ${table} (meta_value) WHERE meta_key = '_customer_user'`,
      createOnline: () => Promise.reject(new Error('createOnline is for MySQL')),
      drop: `DROP INDEX IF EXISTS "${name}"`,
    };
  }
  const create = `CREATE INDEX ${NAME} ON ${table} (meta_key(20), meta_value(20))`;
  return {
    name: NAME,
    catalogName: `${db.prefix}postmeta.${NAME}`,
    create,
    async createOnline(mysql, progress) {
      const runner = mysql.dataSource.createQueryRunner();
      try {
        const [{ id }] = (await runner.query('SELECT CONNECTION_ID() AS id')) as Array<{ id: number }>;
        const phase = `adding index ${NAME} to ${db.prefix}postmeta`;
        const poll = setInterval(() => {
          mysql
            .query<{ progress: number | string | null }>(
              'SELECT PROGRESS AS progress FROM information_schema.PROCESSLIST WHERE ID = ?',
              [id],
            )
            .then((rows) =>
              progress({ phase, done: Math.round(Number(rows[0]?.progress ?? 0)), total: 100, unit: '%' }),
            )
            .catch(() => undefined); // MySQL has no PROGRESS column: the step is then shown without a figure.
        }, 1000);
        try {
          await runner.query(`${create} ALGORITHM=INPLACE LOCK=NONE`);
        } finally {
          clearInterval(poll);
        }
        progress({ phase, done: 100, total: 100, unit: '%' });
      } finally {
        await runner.release();
      }
    },
    drop: `DROP INDEX ${NAME} ON ${table}`,
  };
}
