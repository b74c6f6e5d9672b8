import type { QueryRunner } from 'typeorm';
import { tablePrefixOf } from '../../../entities/tablePrefix';
import { dialectOf } from '../dialect';
import { mysqlCharsetCollate } from './mysqlCharsetCollate';
import type { WordPressTable } from './tables';

/**
 * Creates each table that does not exist yet and returns the prefixed names of those it created. Existing tables are
 * never touched (not even to add an index), so wc-host can share a live WordPress database.
 */
export async function createMissingTables(
  queryRunner: QueryRunner,
  tables: readonly WordPressTable[],
): Promise<string[]> {
  const dataSource = queryRunner.connection;
  const prefix = tablePrefixOf(dataSource);
  const dialect = dialectOf(dataSource);
  const charsetCollate = dialect === 'mysql' ? await mysqlCharsetCollate(queryRunner) : '';
  const created: string[] = [];
  for (const table of tables) {
    const name = prefix + table.baseName;
    if (await queryRunner.hasTable(name)) continue;
    const statements = dialect === 'mysql' ? [table.mysql(name, charsetCollate)] : table.sqlite(name);
    // A table one database does not need (its SQL is empty there) is not created.
    if (statements.length === 0) continue;
    for (const statement of statements) await queryRunner.query(statement);
    created.push(name);
  }
  return created;
}
