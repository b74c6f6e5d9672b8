import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMissingTables } from './createMissingTables';
import type { TableDefinition } from '../tableDefinition';

/**
 * A TypeORM migration that creates whichever of its tables are missing. It remembers what its last run created, so
 * migrate() can tell a brand-new database (it created `users`) from a WordPress database it was pointed at.
 */
export abstract class TableCreatingMigration implements MigrationInterface {
  abstract readonly name: string;
  protected abstract readonly tables: readonly TableDefinition[];
  createdTables: string[] = [];

  async up(queryRunner: QueryRunner): Promise<void> {
    this.createdTables = await createMissingTables(queryRunner, this.tables);
  }

  /** Refuses: the tables may hold a live WordPress site's users, options and orders. */
  async down(): Promise<void> {
    throw new Error(
      `${this.name} cannot be reverted: wc-host never drops WordPress tables; drop them yourself if you mean to`,
    );
  }
}
