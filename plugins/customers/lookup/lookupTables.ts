import type { Db } from '../../../src/db/types';

/**
 * The tables wc-host owns to answer customer lists fast (see docs/customer-lookup.md). Nothing here is a WordPress
 * table: `db index --drop` removes every one of them.
 */
export const LOOKUP_TABLES = {
  /** One row per user whose data changed since the lookup last read it (`dirty`), and a version per user. */
  versions: 'wc_host_user_versions',
  /** One row per user: role group, sort keys, folded search columns. */
  lookup: 'wc_host_customer_lookup',
  /** One row per distinct `{prefix}capabilities` value, with how many users hold it. */
  roles: 'wc_host_customer_roles',
  /** The lookup's own flags and counters (name → integer), see lookupState.ts. */
  state: 'wc_host_customer_lookup_state',
  /**
   * What wild searches read. SQLite: an FTS5 trigram index over the folded columns (candidates; the lookup's folds
   * decide). MySQL: one narrow row per user with all folded columns in one value, scanned when a search is new.
   */
  search: 'wc_host_customer_search',
  /**
   * Each customer's orders summed per order storage and status, as of the customer's version (orderTotals.ts): a
   * header row (kind 0) per customer and storage, and one row per status (kind 1).
   */
  orders: 'wc_host_customer_orders',
  /**
   * One row per user: its users row and every meta row as one JSON value, labelled with the user's version when it
   * was read (writeUserSnapshots.ts) — what a list page reads instead of each customer's few dozen meta rows.
   */
  snapshots: 'wc_host_user_snapshots',
} as const;

/** How WordPress's own columns compare on this server, copied onto the lookup's copies of them. */
export interface SourceCollations {
  /** `{prefix}users.display_name`, e.g. `utf8mb4_unicode_520_ci`. */
  displayName: { charset: string; collation: string };
  /** `{prefix}usermeta.meta_value`. */
  metaValue: { charset: string; collation: string };
  /** `{prefix}posts.post_status`: order statuses are compared as WooCommerce's queries compare them. */
  postStatus: { charset: string; collation: string };
}

/** The CREATE statements, in order. `collations` is required on MySQL. */
export function createLookupTablesSql(db: Pick<Db, 'dialect' | 'table'>, collations?: SourceCollations): string[] {
  const t = (name: keyof typeof LOOKUP_TABLES) => db.table(LOOKUP_TABLES[name]);
  if (db.dialect === 'sqlite') {
    const index = (table: keyof typeof LOOKUP_TABLES, name: string, columns: string, where = '') =>
      `CREATE INDEX "${db.table(LOOKUP_TABLES[table]).slice(1, -1)}_${name}" ON ${t(table)} (${columns})${where}`;
    return [
      `CREATE TABLE ${t('state')} ("name" TEXT NOT NULL PRIMARY KEY, "value" INTEGER NOT NULL)`,
      `CREATE TABLE ${t('versions')} ("user_id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "dirty" INTEGER NOT NULL)`,
      index('versions', 'dirty', 'user_id', ' WHERE dirty = 1'),
      `CREATE TABLE ${t('roles')} ("role_group" INTEGER NOT NULL PRIMARY KEY, "capabilities" TEXT, "value_hash" BLOB NOT NULL UNIQUE, "users" INTEGER NOT NULL)`,
      // name_key: sortKeyUnicode520(display_name), a BLOB whose byte order is MySQL's utf8mb4_unicode_520_ci order.
      `CREATE TABLE ${t('lookup')} (
  "user_id" INTEGER NOT NULL PRIMARY KEY,
  "role_group" INTEGER NOT NULL,
  "name_key" BLOB NOT NULL,
  "registered" TEXT NOT NULL,
  "fold_login" BLOB NOT NULL,
  "fold_url" BLOB NOT NULL,
  "fold_email" BLOB NOT NULL,
  "fold_nicename" BLOB NOT NULL,
  "fold_display" BLOB NOT NULL
)`,
      ...lookupIndexes('sqlite').map(([name, columns]) => index('lookup', name, columns)),
      // It keeps its own copy of the text (rather than contentless_delete, SQLite 3.43+), so SQLite tools back to 3.34
      // can open it; detail = none: it only narrows candidates by trigram, the lookup's folds decide.
      `CREATE VIRTUAL TABLE ${t('search')} USING fts5(text, tokenize = 'trigram case_sensitive 1', detail = none)`,
      createOrderTotalsTableSql(db),
      createUserSnapshotsTableSql(db),
    ];
  }
  if (!collations) throw new Error('createLookupTablesSql needs the source collations on MySQL');
  const display = `CHARACTER SET ${collations.displayName.charset} COLLATE ${collations.displayName.collation}`;
  const meta = `CHARACTER SET ${collations.metaValue.charset} COLLATE ${collations.metaValue.collation}`;
  const keys = lookupIndexes('mysql').map(([name, columns]) => `  KEY ${name} (${columns})`);
  return [
    `CREATE TABLE ${t('state')} (name varchar(64) NOT NULL, value bigint NOT NULL, PRIMARY KEY (name)) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin`,
    `CREATE TABLE ${t('versions')} (
  user_id bigint(20) unsigned NOT NULL,
  version bigint(20) unsigned NOT NULL,
  dirty tinyint(1) NOT NULL,
  PRIMARY KEY (user_id),
  KEY dirty (dirty, user_id)
) ENGINE=InnoDB`,
    `CREATE TABLE ${t('roles')} (
  role_group int NOT NULL,
  capabilities longtext ${meta} NULL,
  value_hash binary(20) NOT NULL,
  users bigint NOT NULL,
  PRIMARY KEY (role_group),
  UNIQUE KEY value_hash (value_hash)
) ENGINE=InnoDB`,
    // name_key copies display_name with its own collation, so ORDER BY name_key is WordPress's ORDER BY display_name.
    `CREATE TABLE ${t('lookup')} (
  user_id bigint(20) unsigned NOT NULL,
  role_group int NOT NULL,
  name_key varchar(250) ${display} NOT NULL,
  registered varbinary(19) NOT NULL,
  fold_login varbinary(240) NOT NULL,
  fold_url varbinary(400) NOT NULL,
  fold_email varbinary(400) NOT NULL,
  fold_nicename varbinary(200) NOT NULL,
  fold_display varbinary(1000) NOT NULL,
  PRIMARY KEY (user_id),
${keys.join(',\n')}
) ENGINE=InnoDB`,
    // folded: the five folded columns joined by byte 0x02, which no fold contains; name_sort: sortKeyUnicode520.
    `CREATE TABLE ${t('search')} (
  user_id bigint(20) unsigned NOT NULL,
  role_group int NOT NULL,
  name_sort varbinary(1200) NOT NULL,
  registered varbinary(19) NOT NULL,
  folded varbinary(2300) NOT NULL,
  PRIMARY KEY (user_id)
) ENGINE=InnoDB`,
    createOrderTotalsTableSql(db, collations),
    createUserSnapshotsTableSql(db),
  ];
}

/** The users' snapshots (writeUserSnapshots.ts): JSON text, compared by no one (utf8mb4_bin keeps any text as is). */
export function createUserSnapshotsTableSql(db: Pick<Db, 'dialect' | 'table'>): string {
  const table = db.table(LOOKUP_TABLES.snapshots);
  if (db.dialect === 'sqlite')
    return `CREATE TABLE ${table} ("user_id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "data" TEXT NOT NULL)`;
  return `CREATE TABLE ${table} (
  user_id bigint(20) unsigned NOT NULL,
  version bigint(20) unsigned NOT NULL,
  data longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  PRIMARY KEY (user_id)
) ENGINE=InnoDB`;
}

/**
 * The per-status order totals (orderTotals.ts). `total` sums HPOS's DECIMAL amounts exactly (MySQL); `total_float`
 * the posts storage's `_order_total` texts, which MySQL sums as doubles, as WooCommerce's own query does. `status`
 * compares as the order tables' status columns do (MySQL: posts.post_status's collation; SQLite: NOCASE, as wc-host
 * declares post_status and wc_orders.status).
 */
export function createOrderTotalsTableSql(db: Pick<Db, 'dialect' | 'table'>, collations?: SourceCollations): string {
  const table = db.table(LOOKUP_TABLES.orders);
  if (db.dialect === 'sqlite') {
    return `CREATE TABLE ${table} (
  "storage" INTEGER NOT NULL,
  "customer_id" INTEGER NOT NULL,
  "kind" INTEGER NOT NULL,
  "status" TEXT NOT NULL COLLATE NOCASE,
  "version" INTEGER NOT NULL,
  "orders" INTEGER NOT NULL,
  "last_id" INTEGER,
  "last_date_gmt" TEXT,
  "last_date" TEXT,
  "total" REAL,
  "total_float" REAL,
  PRIMARY KEY ("customer_id", "storage", "kind", "status")
) WITHOUT ROWID`;
  }
  if (!collations) throw new Error('createOrderTotalsTableSql needs the source collations on MySQL');
  return `CREATE TABLE ${table} (
  storage tinyint NOT NULL,
  customer_id bigint(20) unsigned NOT NULL,
  kind tinyint NOT NULL,
  status varchar(20) CHARACTER SET ${collations.postStatus.charset} COLLATE ${collations.postStatus.collation} NOT NULL,
  version bigint(20) unsigned NOT NULL,
  orders bigint NOT NULL,
  last_id bigint(20) unsigned NULL,
  last_date_gmt varchar(19) CHARACTER SET ascii NULL,
  last_date varchar(19) CHARACTER SET ascii NULL,
  total decimal(40,8) NULL,
  total_float double NULL,
  PRIMARY KEY (customer_id, storage, kind, status)
) ENGINE=InnoDB`;
}

/**
 * The lookup's secondary indexes: each order (name, registered date; the id is the primary key) over all users and
 * per role group, so a page is a short index range whichever role is asked for.
 */
function lookupIndexes(dialect: Db['dialect']): Array<[name: string, columns: string]> {
  return [
    ['name_all', 'name_key, user_id, role_group'],
    ['registered_all', 'registered, user_id, role_group'],
    ['group_name', 'role_group, name_key, user_id'],
    ['group_registered', 'role_group, registered, user_id'],
    ['group_id', 'role_group, user_id'],
    // `email=…` looks a folded address up exactly.
    ['email', dialect === 'mysql' ? 'fold_email(191)' : 'fold_email'],
  ];
}

/** DROP statements for whatever of the lookup's tables exist. */
export function dropLookupTablesSql(db: Pick<Db, 'dialect' | 'table'>): string[] {
  return Object.values(LOOKUP_TABLES).map((name) => `DROP TABLE IF EXISTS ${db.table(name)}`);
}
