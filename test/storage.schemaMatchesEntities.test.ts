import { Column, Entity, Index, PrimaryGeneratedColumn, type DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { mysqlTypeOf } from '../entities/MysqlType';
import { createDataSource } from '../src/db/createDataSource';
import { createDb } from '../src/db/createDb';
import { migrate } from '../src/db/migrate';
import { hostTables } from '../src/db/migrations/tables';
import type { TableDefinition } from '../src/db/tableDefinition';
import type { Db } from '../src/db/types';
import { createLogger } from '../src/host/logger';
import { definePlugin } from '../src/host/definePlugin';
import { builtinPlugins, createTestDatabase, type TestDatabase } from './helpers/testDatabase';

/** A plugin table declared only as an entity, which the host builds from it (no written-out DDL). */
@Entity('acme_badges')
@Index('holder', ['user_id', 'awarded'])
@Index('slug', ['slug'], { unique: true })
class AcmeBadge {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: number;

  @Column({ type: 'bigint', unsigned: true, default: 0 })
  user_id!: number;

  @Column({ type: 'varchar', length: 64 })
  slug!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'int', default: 1 })
  awarded!: number;
}
const badgesPlugin = definePlugin({ name: 'acme/badges', tables: [{ entity: AcmeBadge }], register: () => undefined });

/** Every table the host and the built-in plugins create, and one built from its entity alone. */
const plugins = [...builtinPlugins(), badgesPlugin];
const TABLES: readonly TableDefinition[] = [...hostTables, ...plugins.flatMap((plugin) => plugin.tables ?? [])];

/** One column, in terms both the entity and the database can be read in. */
interface ColumnShape {
  name: string;
  /** The MySQL column type without integer display widths (`bigint unsigned`, `varchar(60)`, `datetime`). */
  type: string;
  nullable: boolean;
  /** The default as text; null for NULL; undefined for none. */
  default: string | null | undefined;
  autoIncrement: boolean;
}

interface TableShape {
  columns: ColumnShape[];
  primaryKey: string[];
  /** `[UNIQUE ]name (a,b)`, sorted. */
  indexes: string[];
}

/** What the entity declares, in MySQL's terms (MysqlType says what TypeORM's portable type stands for). */
function entityShape(dataSource: DataSource, definition: TableDefinition): TableShape {
  const metadata = dataSource.getMetadata(definition.entity);
  const columns = metadata.columns.map((column): ColumnShape => {
    const autoIncrement = column.isGenerated && column.generationStrategy === 'increment';
    const declared = column.default as unknown;
    return {
      name: column.databaseName,
      type: mysqlColumnType(definition, column),
      nullable: column.isNullable,
      default:
        declared === undefined ? (column.isNullable ? null : undefined) : declared === null ? null : String(declared),
      autoIncrement,
    };
  });
  return {
    columns,
    primaryKey: metadata.primaryColumns.map((column) => column.databaseName),
    indexes: metadata.indices
      .map(
        (index) =>
          `${index.isUnique ? 'UNIQUE ' : ''}${index.name} (${index.columns.map((column) => column.databaseName).join(',')})`,
      )
      .sort(),
  };
}

function mysqlColumnType(definition: TableDefinition, column: ColumnMetadata): string {
  const declared = mysqlTypeOf(definition.entity, column.propertyName);
  const type = String(declared ?? column.type);
  if (type === 'char' || type === 'varchar') return `${type}(${column.length})`;
  if (type === 'decimal') return `decimal(${column.precision},${column.scale})`;
  if (/^(tinyint|smallint|int|bigint)$/.test(type)) return column.unsigned ? `${type} unsigned` : type;
  return type;
}

/**
 * The SQLite declared type the written-out tables use for a MySQL type (see src/db/tableDefinition.ts), or TypeORM
 * uses when it builds the table from the entity.
 */
function sqliteDeclaredType(column: ColumnShape): string[] {
  if (column.autoIncrement) return ['integer'];
  if (/^(datetime|text|longtext)$/.test(column.type)) return ['text'];
  if (column.type === 'int') return ['integer', 'int'];
  return [column.type.replace(' unsigned', '')];
}

/** What the database has: information_schema on MySQL, PRAGMA table_info/index_list on SQLite, in the same terms. */
async function databaseShape(db: Db, table: string): Promise<TableShape> {
  if (db.dialect === 'mysql') {
    const rows = await db.query<{
      name: string;
      type: string;
      nullable: string;
      dflt: string | null;
      extra: string;
      key: string;
    }>(
      `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
      [table],
    );
    const statistics = await db.query<{ name: string; nonUnique: number | string; column: string }>(
      `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS \`column\` FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
      [table],
    );
    return {
      columns: rows.map((row) => ({
        name: row.name,
        type: row.type.replace(/^(tinyint|smallint|int|bigint)\(\d+\)/, '$1'),
        nullable: row.nullable === 'YES',
        default: sqlDefault(row.dflt),
        autoIncrement: row.extra.includes('auto_increment'),
      })),
      primaryKey: statistics.filter((row) => row.name === 'PRIMARY').map((row) => row.column),
      indexes: groupIndexes(
        statistics
          .filter((row) => row.name !== 'PRIMARY')
          .map((row) => ({ ...row, unique: Number(row.nonUnique) === 0 })),
      ),
    };
  }
  const [{ sql }] = await db.query<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [
    table,
  ]);
  const rows = await db.query<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
    `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid`,
    [table],
  );
  const indexRows: Array<{ name: string; unique: boolean; column: string }> = [];
  for (const index of await db.query<{ name: string; unique: number }>(
    `SELECT name, "unique" FROM pragma_index_list(?) WHERE origin = 'c'`,
    [table],
  )) {
    for (const { name } of await db.query<{ name: string }>(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`, [
      index.name,
    ])) {
      // Index names carry the table (global to the file, see createMissingTables); the entity's do not.
      indexRows.push({ name: index.name.replace(`${table}_`, ''), unique: index.unique === 1, column: name });
    }
  }
  return {
    columns: rows.map((row) => ({
      name: row.name,
      type: row.type.toLowerCase().replace(/^(tinyint|smallint|int|bigint)\(\d+\)/, '$1'),
      // An INTEGER PRIMARY KEY is the rowid: never NULL whatever table_info says.
      nullable: row.notnull === 0 && row.pk === 0,
      // A nullable column without a default defaults to NULL (MySQL says so, SQLite leaves it out).
      default: sqlDefault(
        row.dflt_value?.replace(/^\((.*)\)$/, '$1') ?? (row.notnull === 0 && row.pk === 0 ? 'NULL' : null),
      ),
      autoIncrement: row.pk > 0 && /AUTOINCREMENT/i.test(sql) && row.type.toUpperCase() === 'INTEGER',
    })),
    primaryKey: rows
      .filter((row) => row.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((row) => row.name),
    indexes: groupIndexes(indexRows),
  };
}

/** `'yes'` → yes, `NULL` → null, `0` → 0; a missing default (SQL NULL) → undefined. */
function sqlDefault(value: string | null): string | null | undefined {
  if (value === null) return undefined;
  if (value === 'NULL') return null;
  const quoted = /^'(.*)'$/s.exec(value);
  return quoted ? quoted[1].replace(/''/g, "'") : value;
}

function groupIndexes(rows: ReadonlyArray<{ name: string; unique: boolean; column: string }>): string[] {
  const indexes = new Map<string, string[]>();
  for (const row of rows) {
    const key = `${row.unique ? 'UNIQUE ' : ''}${row.name}`;
    indexes.set(key, [...(indexes.get(key) ?? []), row.column]);
  }
  return [...indexes].map(([key, columns]) => `${key} (${columns.join(',')})`).sort();
}

describe('the tables the migrations and plugins create match their entities column for column', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, tablePrefix: 'wp_', plugins });
    await dataSource.initialize();
    db = createDb(dataSource, 'wp_');
    await migrate(db, createLogger('silent'));
  });

  afterAll(async () => {
    await db.close();
    await dataSource.destroy();
    await database.drop();
  });

  it("covers every table: the host's, the built-in plugins' and one built from an entity alone", () => {
    expect(TABLES.map((definition) => dataSource.getMetadata(definition.entity).givenTableName)).toEqual([
      'users',
      'usermeta',
      'options',
      'postmeta',
      'posts',
      'wc_host_state',
      'wc_host_rate_limits',
      'woocommerce_api_keys',
      'woocommerce_downloadable_product_permissions',
      'wc_product_download_directories',
      'wc_orders',
      'wc_order_addresses',
      'wc_order_operational_data',
      'wc_orders_meta',
      'acme_badges',
    ]);
  });

  it.each(TABLES.map((definition) => [definition.entity.name, definition] as const))(
    '%s',
    async (_name, definition) => {
      const table = dataSource.getMetadata(definition.entity).tableName;
      if (db.dialect === 'sqlite' && definition.sqlite?.(table).length === 0) {
        // Not made on SQLite (the rate-limit counters live in memory there).
        expect(await db.query(`SELECT name FROM sqlite_master WHERE name = ?`, [table])).toEqual([]);
        return;
      }
      const expected = entityShape(dataSource, definition);
      const actual = await databaseShape(db, table);
      expect(actual.columns.map((column) => column.name)).toEqual(expected.columns.map((column) => column.name));
      for (const [index, column] of expected.columns.entries()) {
        const { type, ...rest } = actual.columns[index];
        expect({ column: column.name, ...rest }).toEqual({
          column: column.name,
          name: column.name,
          nullable: column.nullable,
          default: column.default,
          autoIncrement: column.autoIncrement,
        });
        if (db.dialect === 'mysql') expect([column.name, type]).toEqual([column.name, column.type]);
        else expect([column.name, sqliteDeclaredType(column)]).toEqual([column.name, expect.arrayContaining([type])]);
      }
      expect(actual.primaryKey).toEqual(expected.primaryKey);
      expect(actual.indexes).toEqual(expected.indexes);
    },
  );
});
