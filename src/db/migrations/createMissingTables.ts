import { Table, type QueryRunner } from 'typeorm';
import { dialectOf } from '../dialect';
import { mysqlCharsetCollate } from './mysqlCharsetCollate';
import type { TableDefinition } from '../tableDefinition';

/**
 * Creates each table that does not exist yet and returns the prefixed names of those it created. Existing tables are
 * never touched (not even to add an index), so wc-host can share a live WordPress database. A table's name is its
 * entity's, with the DataSource's table prefix (see entities/tablePrefix.ts).
 */
export async function createMissingTables(
  queryRunner: QueryRunner,
  tables: readonly TableDefinition[],
): Promise<string[]> {
  const dataSource = queryRunner.connection;
  const dialect = dialectOf(dataSource);
  let charsetCollate: string | undefined;
  const created: string[] = [];
  for (const definition of tables) {
    const name = dataSource.getMetadata(definition.entity).tableName;
    if (await queryRunner.hasTable(name)) continue;
    let statements: string[] | null = null;
    if (dialect === 'mysql' && definition.mysql) {
      statements = [definition.mysql(name, (charsetCollate ??= await mysqlCharsetCollate(queryRunner)))];
    }
    if (dialect === 'sqlite' && definition.sqlite) statements = definition.sqlite(name);
    if (statements === null) {
      await queryRunner.createTable(tableFromEntity(queryRunner, definition), false, false, true);
    } else {
      // A table one database does not need (its SQL is empty there) is not created.
      if (statements.length === 0) continue;
      for (const statement of statements) await queryRunner.query(statement);
    }
    created.push(name);
  }
  return created;
}

/**
 * The table TypeORM would build from the entity, translated for SQLite as the written-out tables are (see
 * ../tableDefinition.ts): an auto-increment id is INTEGER (SQLite refuses AUTOINCREMENT on a `bigint`), varchar/char
 * columns compare with NOCASE as MySQL's table collation does, and each index is named `{table}_{index}` because
 * SQLite index names are global to the file (two table prefixes can share one).
 */
function tableFromEntity(queryRunner: QueryRunner, definition: TableDefinition): Table {
  const { connection } = queryRunner;
  const table = Table.create(connection.getMetadata(definition.entity), connection.driver);
  if (dialectOf(connection) !== 'sqlite') return table;
  for (const column of table.columns) {
    if (column.isGenerated && column.generationStrategy === 'increment') column.type = 'integer';
    if (SQLITE_CHARACTER_TYPES.has(column.type) && !column.collation) column.collation = 'NOCASE';
  }
  for (const index of table.indices) index.name = `${table.name}_${index.name ?? ''}`;
  return table;
}

const SQLITE_CHARACTER_TYPES = new Set([
  'varchar',
  'character',
  'nchar',
  'nvarchar',
  'varying character',
  'native character',
]);
