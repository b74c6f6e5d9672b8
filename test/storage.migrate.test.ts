import { migrate } from '../src/db/migrate';
import { wpInsertUserMetaRows } from './helpers/wordPressUserMeta';
import { phpUnserialize } from '../src/wp/phpSerialize';
import type { Db } from '../src/db/types';
import type { Logger } from '../src/host/types';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** The tables as WordPress/WooCommerce define them: columns in order with MySQL types, and keys in WordPress syntax. */
const EXPECTED_TABLES: Record<string, { columns: Array<[name: string, mysqlType: string]>; keys: string[] }> = {
  users: {
    columns: [
      ['ID', 'bigint unsigned'],
      ['user_login', 'varchar(60)'],
      ['user_pass', 'varchar(255)'],
      ['user_nicename', 'varchar(50)'],
      ['user_email', 'varchar(100)'],
      ['user_url', 'varchar(100)'],
      ['user_registered', 'datetime'],
      ['user_activation_key', 'varchar(255)'],
      ['user_status', 'int'],
      ['display_name', 'varchar(250)'],
    ],
    keys: [
      'PRIMARY KEY (ID)',
      'KEY user_login_key (user_login)',
      'KEY user_nicename (user_nicename)',
      'KEY user_email (user_email)',
    ],
  },
  usermeta: {
    columns: [
      ['umeta_id', 'bigint unsigned'],
      ['user_id', 'bigint unsigned'],
      ['meta_key', 'varchar(255)'],
      ['meta_value', 'longtext'],
    ],
    keys: ['PRIMARY KEY (umeta_id)', 'KEY user_id (user_id)', 'KEY meta_key (meta_key(191))'],
  },
  options: {
    columns: [
      ['option_id', 'bigint unsigned'],
      ['option_name', 'varchar(191)'],
      ['option_value', 'longtext'],
      ['autoload', 'varchar(20)'],
    ],
    keys: ['PRIMARY KEY (option_id)', 'UNIQUE KEY option_name (option_name)', 'KEY autoload (autoload)'],
  },
  postmeta: {
    columns: [
      ['meta_id', 'bigint unsigned'],
      ['post_id', 'bigint unsigned'],
      ['meta_key', 'varchar(255)'],
      ['meta_value', 'longtext'],
    ],
    keys: ['PRIMARY KEY (meta_id)', 'KEY post_id (post_id)', 'KEY meta_key (meta_key(191))'],
  },
  posts: {
    columns: [
      ['ID', 'bigint unsigned'],
      ['post_author', 'bigint unsigned'],
      ['post_date', 'datetime'],
      ['post_date_gmt', 'datetime'],
      ['post_content', 'longtext'],
      ['post_title', 'text'],
      ['post_excerpt', 'text'],
      ['post_status', 'varchar(20)'],
      ['comment_status', 'varchar(20)'],
      ['ping_status', 'varchar(20)'],
      ['post_password', 'varchar(255)'],
      ['post_name', 'varchar(200)'],
      ['to_ping', 'text'],
      ['pinged', 'text'],
      ['post_modified', 'datetime'],
      ['post_modified_gmt', 'datetime'],
      ['post_content_filtered', 'longtext'],
      ['post_parent', 'bigint unsigned'],
      ['guid', 'varchar(255)'],
      ['menu_order', 'int'],
      ['post_type', 'varchar(20)'],
      ['post_mime_type', 'varchar(100)'],
      ['comment_count', 'bigint'],
    ],
    keys: [
      'PRIMARY KEY (ID)',
      'KEY post_name (post_name(191))',
      'KEY type_status_date (post_type,post_status,post_date,ID)',
      'KEY post_parent (post_parent)',
      'KEY post_author (post_author)',
    ],
  },
  woocommerce_api_keys: {
    columns: [
      ['key_id', 'bigint unsigned'],
      ['user_id', 'bigint unsigned'],
      ['description', 'varchar(200)'],
      ['permissions', 'varchar(10)'],
      ['consumer_key', 'char(64)'],
      ['consumer_secret', 'char(43)'],
      ['nonces', 'longtext'],
      ['truncated_key', 'char(7)'],
      ['last_access', 'datetime'],
    ],
    keys: ['PRIMARY KEY (key_id)', 'KEY consumer_key (consumer_key)', 'KEY consumer_secret (consumer_secret)'],
  },
  woocommerce_downloadable_product_permissions: {
    columns: [
      ['permission_id', 'bigint unsigned'],
      ['download_id', 'varchar(36)'],
      ['product_id', 'bigint unsigned'],
      ['order_id', 'bigint unsigned'],
      ['order_key', 'varchar(200)'],
      ['user_email', 'varchar(200)'],
      ['user_id', 'bigint unsigned'],
      ['downloads_remaining', 'varchar(9)'],
      ['access_granted', 'datetime'],
      ['access_expires', 'datetime'],
      ['download_count', 'bigint unsigned'],
    ],
    keys: [
      'PRIMARY KEY (permission_id)',
      'KEY download_order_key_product (product_id,order_id,order_key(16),download_id)',
      'KEY download_order_product (download_id,order_id,product_id)',
      'KEY order_id (order_id)',
      'KEY user_order_remaining_expires (user_id,order_id,downloads_remaining,access_expires)',
      'KEY idx_user_email (user_email(100))',
    ],
  },
  wc_product_download_directories: {
    columns: [
      ['url_id', 'bigint unsigned'],
      ['url', 'varchar(256)'],
      ['enabled', 'tinyint(1)'],
    ],
    keys: ['PRIMARY KEY (url_id)', 'KEY url (url(191))'],
  },
  wc_orders: {
    columns: [
      ['id', 'bigint unsigned'],
      ['status', 'varchar(20)'],
      ['currency', 'varchar(10)'],
      ['type', 'varchar(20)'],
      ['tax_amount', 'decimal(26,8)'],
      ['total_amount', 'decimal(26,8)'],
      ['customer_id', 'bigint unsigned'],
      ['billing_email', 'varchar(320)'],
      ['date_created_gmt', 'datetime'],
      ['date_updated_gmt', 'datetime'],
      ['parent_order_id', 'bigint unsigned'],
      ['payment_method', 'varchar(100)'],
      ['payment_method_title', 'text'],
      ['transaction_id', 'varchar(100)'],
      ['ip_address', 'varchar(100)'],
      ['user_agent', 'text'],
      ['customer_note', 'text'],
    ],
    keys: [
      'PRIMARY KEY (id)',
      'KEY status (status)',
      'KEY date_created (date_created_gmt)',
      'KEY customer_id_billing_email (customer_id,billing_email(171))',
      'KEY billing_email (billing_email(191))',
      'KEY type_status_date (type,status,date_created_gmt)',
      'KEY parent_order_id (parent_order_id)',
      'KEY date_updated (date_updated_gmt)',
    ],
  },
  wc_order_addresses: {
    columns: [
      ['id', 'bigint unsigned'],
      ['order_id', 'bigint unsigned'],
      ['address_type', 'varchar(20)'],
      ['first_name', 'text'],
      ['last_name', 'text'],
      ['company', 'text'],
      ['address_1', 'text'],
      ['address_2', 'text'],
      ['city', 'text'],
      ['state', 'text'],
      ['postcode', 'text'],
      ['country', 'text'],
      ['email', 'varchar(320)'],
      ['phone', 'varchar(100)'],
    ],
    keys: [
      'PRIMARY KEY (id)',
      'KEY order_id (order_id)',
      'UNIQUE KEY address_type_order_id (address_type,order_id)',
      'KEY email (email(191))',
      'KEY phone (phone)',
    ],
  },
  wc_order_operational_data: {
    columns: [
      ['id', 'bigint unsigned'],
      ['order_id', 'bigint unsigned'],
      ['created_via', 'varchar(100)'],
      ['woocommerce_version', 'varchar(20)'],
      ['prices_include_tax', 'tinyint(1)'],
      ['coupon_usages_are_counted', 'tinyint(1)'],
      ['download_permission_granted', 'tinyint(1)'],
      ['cart_hash', 'varchar(100)'],
      ['new_order_email_sent', 'tinyint(1)'],
      ['order_key', 'varchar(100)'],
      ['order_stock_reduced', 'tinyint(1)'],
      ['date_paid_gmt', 'datetime'],
      ['date_completed_gmt', 'datetime'],
      ['shipping_tax_amount', 'decimal(26,8)'],
      ['shipping_total_amount', 'decimal(26,8)'],
      ['discount_tax_amount', 'decimal(26,8)'],
      ['discount_total_amount', 'decimal(26,8)'],
      ['recorded_sales', 'tinyint(1)'],
    ],
    keys: ['PRIMARY KEY (id)', 'UNIQUE KEY order_id (order_id)', 'KEY order_key (order_key)'],
  },
  wc_orders_meta: {
    columns: [
      ['id', 'bigint unsigned'],
      ['order_id', 'bigint unsigned'],
      ['meta_key', 'varchar(255)'],
      ['meta_value', 'text'],
    ],
    keys: [
      'PRIMARY KEY (id)',
      'KEY meta_key_value (meta_key(100),meta_value(82))',
      'KEY order_id_meta_key_meta_value (order_id,meta_key(100),meta_value(82))',
    ],
  },
  wc_host_state: {
    columns: [
      ['name', 'varchar(191)'],
      ['value', 'longtext'],
    ],
    keys: ['PRIMARY KEY (name)'],
  },
};

/**
 * The tables a first run creates, in order: woocommerce/core's, woocommerce/customers' (it requires core), then the
 * host's migrations' (the rate-limit counters on MySQL only).
 */
function createdInOrder(): string[] {
  const plugins = [
    'woocommerce_api_keys',
    'woocommerce_downloadable_product_permissions',
    'wc_product_download_directories',
    'wc_orders',
    'wc_order_addresses',
    'wc_order_operational_data',
    'wc_orders_meta',
  ];
  const host = ['users', 'usermeta', 'options', 'postmeta', 'posts', 'wc_host_state', 'wc_host_rate_limits'];
  return [...plugins, ...host];
}

interface ColumnInfo {
  name: string;
  /** MySQL COLUMN_TYPE without integer display widths, or the SQLite declared type. */
  type: string;
  /** The text columns' collation (MySQL) or whether they are COLLATE NOCASE (SQLite). */
  caseInsensitive: boolean | null;
}

async function columnsOf(db: Db, table: string): Promise<ColumnInfo[]> {
  if (db.dialect === 'mysql') {
    const rows = await db.query<{ name: string; type: string; collation: string | null }>(
      `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, COLLATION_NAME AS collation FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
      [table],
    );
    return rows.map(({ name, type, collation }) => ({
      name,
      type: type.replace(/^(bigint|int)\(\d+\)/, '$1'),
      caseInsensitive: collation === null ? null : collation.endsWith('_ci'),
    }));
  }
  const [{ sql }] = await db.query<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [
    table,
  ]);
  const rows = await db.query<{ name: string; type: string }>(`SELECT name, type FROM pragma_table_info(?)`, [table]);
  return rows.map(({ name, type }) => ({
    name,
    type,
    caseInsensitive: /^(varchar|char)/i.test(type) ? new RegExp(`"${name}"[^,]*COLLATE NOCASE`).test(sql) : null,
  }));
}

/** Keys in WordPress's DDL syntax, read back from the database. SQLite keys drop the prefix lengths MySQL uses. */
async function keysOf(db: Db, table: string): Promise<string[]> {
  if (db.dialect === 'mysql') {
    const rows = await db.query<{ name: string; nonUnique: number; column: string; subPart: number | null }>(
      `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS \`column\`, SUB_PART AS subPart
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
      [table],
    );
    const keys = new Map<string, { unique: boolean; columns: string[] }>();
    for (const row of rows) {
      const key = keys.get(row.name) ?? { unique: Number(row.nonUnique) === 0, columns: [] };
      key.columns.push(row.subPart === null ? row.column : `${row.column}(${row.subPart})`);
      keys.set(row.name, key);
    }
    return [...keys].map(([name, { unique, columns }]) =>
      name === 'PRIMARY'
        ? `PRIMARY KEY (${columns.join()})`
        : `${unique ? 'UNIQUE KEY' : 'KEY'} ${name} (${columns.join()})`,
    );
  }
  const primary = await db.query<{ name: string }>(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`, [
    table,
  ]);
  const indexes = await db.query<{ name: string; unique: number }>(
    `SELECT name, "unique" FROM pragma_index_list(?) WHERE origin = 'c'`,
    [table],
  );
  const keys = [`PRIMARY KEY (${primary.map((column) => column.name).join()})`];
  for (const index of indexes) {
    const columns = await db.query<{ name: string }>(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`, [
      index.name,
    ]);
    keys.push(`${index.unique ? 'UNIQUE KEY' : 'KEY'} ${index.name} (${columns.map((column) => column.name).join()})`);
  }
  return keys;
}

/** The expected keys as SQLite has them: index names carry the table name, no prefix lengths. */
function expectedKeys(db: Db, table: string, keys: string[]): string[] {
  if (db.dialect === 'mysql') return keys;
  return keys.map((key) =>
    key.startsWith('PRIMARY') ? key : key.replace(/KEY (\w+) /, `KEY ${table}_$1 `).replace(/\(\d+\)/g, ''),
  );
}

describe('migrate() on an empty database', () => {
  let database: TestDatabase;
  let opened: OpenDb;
  let db: Db;
  const logged: string[] = [];
  let firstRun: Awaited<ReturnType<typeof migrate>>;
  const startedAt = Date.now();

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url);
    db = opened.db;
    const recording: Logger = {
      ...silent,
      debug: (message, fields) => logged.push(`${message} ${JSON.stringify(fields ?? {})}`),
    };
    firstRun = await migrate(db, recording);
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it("creates every table — the plugins' first, in load order, then the host's — and seeds, and says so", () => {
    expect(firstRun).toEqual({ createdTables: createdInOrder().map((name) => `wp_${name}`), seeded: true });
    expect(logged).toContain('Created table {"table":"wp_users"}');
    expect(logged.some((line) => line.startsWith('Seeded'))).toBe(true);
  });

  it.each(Object.entries(EXPECTED_TABLES))(
    'creates wp_%s column for column and key for key',
    async (base, expected) => {
      const table = `wp_${base}`;
      const columns = await columnsOf(db, table);
      expect(columns.map((column) => column.name)).toEqual(expected.columns.map(([name]) => name));
      if (db.dialect === 'mysql')
        expect(columns.map((column) => column.type)).toEqual(expected.columns.map(([, type]) => type));
      for (const column of columns) {
        if (column.caseInsensitive !== null) expect([column.name, column.caseInsensitive]).toEqual([column.name, true]);
      }
      expect((await keysOf(db, table)).sort()).toEqual(expectedKeys(db, table, expected.keys).sort());
    },
  );

  it("creates the shared throttling counters (rate-limiter-flexible's columns) on both databases", async () => {
    const columns = await columnsOf(db, 'wp_wc_host_rate_limits');
    expect(columns.map((column) => [column.name, column.type])).toEqual(
      db.dialect === 'mysql'
        ? [
            ['key', 'varchar(191)'],
            ['points', 'int'],
            ['expire', 'bigint unsigned'],
          ]
        : [
            ['key', 'varchar(191)'],
            ['points', 'INT'], // SQLite spells the type names it knows as keywords in capitals
            ['expire', 'bigint'],
          ],
    );
    expect(await keysOf(db, 'wp_wc_host_rate_limits')).toEqual(['PRIMARY KEY (key)']);
  });

  it('uses WordPress collation and zero-date defaults', async () => {
    if (db.dialect === 'mysql') {
      const tables = await db.query<{ collation: string }>(
        `SELECT DISTINCT TABLE_COLLATION AS collation FROM information_schema.TABLES
          WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (${Object.keys(EXPECTED_TABLES)
            .map(() => '?')
            .join()})`,
        Object.keys(EXPECTED_TABLES).map((name) => `wp_${name}`),
      );
      expect(tables).toEqual([{ collation: 'utf8mb4_unicode_520_ci' }]);
    }
    await db.execute(`INSERT INTO ${db.table('users')} (user_login) VALUES ('defaults')`);
    const [row] = await db.query<Record<string, unknown>>(
      `SELECT * FROM ${db.table('users')} WHERE user_login = 'defaults'`,
    );
    expect(row).toMatchObject({
      user_registered: '0000-00-00 00:00:00',
      user_status: 0,
      user_email: '',
      display_name: '',
    });
    await db.execute(`DELETE FROM ${db.table('users')} WHERE user_login = 'defaults'`);
  });

  it('records the migration in {prefix}wc_host_migrations, and a second run creates and seeds nothing', async () => {
    const applied = await db.query<{ name: string }>(`SELECT name FROM ${db.table('wc_host_migrations')}`);
    expect(applied).toEqual([
      { name: 'CreateWordPressTables1764115200000' },
      { name: 'CreateWcHostState1765000000000' },
      { name: 'CreateWcHostRateLimits1766000000000' },
      { name: 'CreateWcHostRateLimitsOnSqlite1767000000000' },
    ]);
    const [{ users }] = await db.query<{ users: number }>(`SELECT COUNT(*) AS users FROM ${db.table('users')}`);
    expect(await migrate(db, silent)).toEqual({ createdTables: [], seeded: false });
    const [{ again }] = await db.query<{ again: number }>(`SELECT COUNT(*) AS again FROM ${db.table('users')}`);
    expect(Number(again)).toBe(Number(users));
  });

  it('refuses to revert the migration, leaving the tables alone', async () => {
    await expect(opened.dataSource.undoLastMigration({ transaction: 'none' })).rejects.toThrow(/cannot be reverted/);
    expect(await db.query(`SELECT ID FROM ${db.table('users')}`)).toEqual([{ ID: 1 }]);
  });

  it('seeds wp_user_roles with the seven roles of WordPress and WooCommerce', async () => {
    const [option] = await db.query<{ option_value: string; autoload: string }>(
      `SELECT option_value, autoload FROM ${db.table('options')} WHERE option_name = 'wp_user_roles'`,
    );
    expect(option.autoload).toBe('on');
    expect(option.option_value).toContain(
      's:8:"customer";a:2:{s:4:"name";s:8:"Customer";s:12:"capabilities";a:1:{s:4:"read";b:1;}}',
    );
    const roles = phpUnserialize(option.option_value) as Record<
      string,
      { name: string; capabilities: Record<string, boolean> }
    >;
    expect(Object.keys(roles)).toEqual([
      'administrator',
      'editor',
      'author',
      'contributor',
      'subscriber',
      'customer',
      'shop_manager',
    ]);
    expect(roles.administrator.name).toBe('Administrator');
    expect(roles.administrator.capabilities).toMatchObject({
      promote_users: true,
      list_users: true,
      create_users: true,
      delete_users: true,
      edit_users: true,
      create_customers: true,
      manage_woocommerce: true,
      view_woocommerce_reports: true,
      edit_shop_orders: true,
      assign_product_terms: true,
      level_10: true,
    });
    expect(Object.keys(roles.administrator.capabilities)).toHaveLength(61 + 54);
    expect(roles.shop_manager).toMatchObject({
      name: 'Shop manager',
      capabilities: { list_users: true, create_customers: true, manage_woocommerce: true, level_9: true },
    });
    expect(roles.shop_manager.capabilities).not.toHaveProperty('promote_users');
    expect(roles.shop_manager.capabilities).not.toHaveProperty('edit_users');
    expect(roles.customer).toEqual({ name: 'Customer', capabilities: { read: true } });
    expect(roles.subscriber).toEqual({ name: 'Subscriber', capabilities: { read: true, level_0: true } });
    expect(Object.keys(roles.editor.capabilities)).toHaveLength(34);
    expect(Object.keys(roles.author.capabilities)).toHaveLength(10);
    expect(roles.contributor.capabilities).toEqual({
      edit_posts: true,
      read: true,
      level_1: true,
      level_0: true,
      delete_posts: true,
    });
  });

  it('seeds the site options the customers module reads', async () => {
    const rows = await db.query<{ option_name: string; option_value: string; autoload: string }>(
      `SELECT option_name, option_value, autoload FROM ${db.table('options')} WHERE option_name <> 'wp_user_roles' ORDER BY option_id`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.option_name, [row.option_value, row.autoload]]))).toEqual({
      siteurl: ['http://127.0.0.1:8080', 'on'],
      home: ['http://127.0.0.1:8080', 'on'],
      blogname: ['wc-host', 'on'],
      blogdescription: ['', 'on'],
      admin_email: ['admin@example.com', 'on'],
      gmt_offset: ['0', 'on'],
      default_role: ['subscriber', 'on'],
      db_version: ['60421', 'on'],
      show_avatars: ['1', 'on'],
      avatar_rating: ['G', 'on'],
      avatar_default: ['mystery', 'on'],
      timezone_string: ['', 'on'],
      woocommerce_registration_generate_username: ['yes', 'on'],
      woocommerce_registration_generate_password: ['yes', 'on'],
      woocommerce_downloads_grant_access_after_payment: ['yes', 'on'],
      woocommerce_version: ['9.9.5', 'auto'],
      woocommerce_custom_orders_table_enabled: ['no', 'auto'],
    });
  });

  it('seeds the administrator "admin" as ID 1 with an unusable random password and wp_insert_user meta in order', async () => {
    const [admin] = await db.query<Record<string, unknown>>(`SELECT * FROM ${db.table('users')}`);
    expect(admin).toMatchObject({
      ID: 1,
      user_login: 'admin',
      user_nicename: 'admin',
      user_email: 'admin@example.com',
      user_url: 'http://127.0.0.1:8080',
      user_activation_key: '',
      user_status: 0,
      display_name: 'admin',
    });
    expect(admin.user_pass).toMatch(/^\$wp\$2y\$10\$[./A-Za-z0-9]{53}$/);
    const registered = Date.parse(`${String(admin.user_registered).replace(' ', 'T')}Z`);
    expect(registered).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000 - 1000);
    expect(registered).toBeLessThanOrEqual(Date.now());

    const meta = await db.query<{ user_id: number; meta_key: string; meta_value: string }>(
      `SELECT user_id, meta_key, meta_value FROM ${db.table('usermeta')} ORDER BY umeta_id`,
    );
    expect(meta.every((row) => row.user_id === 1)).toBe(true);
    expect(meta.map((row) => [row.meta_key, row.meta_value])).toEqual([
      ...wpInsertUserMetaRows('admin'),
      ['wp_capabilities', 'a:1:{s:13:"administrator";b:1;}'],
      ['wp_user_level', '10'],
      ['default_password_nag', '1'],
      ['show_welcome_panel', '1'],
    ]);
  });

  it('compares logins, e-mails and meta keys case-insensitively, as MySQL does', async () => {
    expect(await db.query(`SELECT ID FROM ${db.table('users')} WHERE user_email = ?`, ['ADMIN@Example.COM'])).toEqual([
      { ID: 1 },
    ]);
    expect(await db.query(`SELECT ID FROM ${db.table('users')} WHERE user_login = ?`, ['Admin'])).toEqual([{ ID: 1 }]);
    expect(
      await db.query(`SELECT meta_value FROM ${db.table('usermeta')} WHERE user_id = 1 AND meta_key = ?`, ['NICKNAME']),
    ).toEqual([{ meta_value: 'admin' }]);
    await expect(
      db.execute(`INSERT INTO ${db.table('options')} (option_name, option_value) VALUES ('SITEURL', 'duplicate')`),
    ).rejects.toThrow(/duplicate|unique/i);
  });

  it('honours another table prefix in the same database, and passes seed settings through', async () => {
    const other = await openDb(database.url, 'wc_');
    try {
      const result = await migrate(other.db, silent, {
        siteUrl: 'https://shop.example/',
        adminEmail: 'owner@shop.example',
      });
      expect(result).toEqual({ createdTables: createdInOrder().map((name) => `wc_${name}`), seeded: true });
      const options = await other.db.query<{ option_name: string; option_value: string }>(
        `SELECT option_name, option_value FROM ${other.db.table('options')}
          WHERE option_name IN ('home', 'admin_email', 'wc_user_roles', 'wp_user_roles') ORDER BY option_id`,
      );
      expect(options.map((row) => row.option_name)).toEqual(['home', 'admin_email', 'wc_user_roles']);
      expect(options.slice(0, 2).map((row) => row.option_value)).toEqual([
        'https://shop.example',
        'owner@shop.example',
      ]);
      expect(
        await other.db.query(
          `SELECT meta_key FROM ${other.db.table('usermeta')} WHERE meta_key IN (?, ?, ?, ?) ORDER BY umeta_id`,
          ['wc_capabilities', 'wc_user_level', 'wp_capabilities', 'wp_user_level'],
        ),
      ).toEqual([{ meta_key: 'wc_capabilities' }, { meta_key: 'wc_user_level' }]);
      expect(await other.db.query(`SELECT user_email FROM ${other.db.table('users')}`)).toEqual([
        { user_email: 'owner@shop.example' },
      ]);
      expect(await db.query(`SELECT COUNT(*) AS n FROM ${db.table('users')}`)).toEqual([{ n: 1 }]);
    } finally {
      await other.close();
    }
  });
});
