import { wordPressTables } from './tables';
import { TableCreatingMigration } from './TableCreatingMigration';

/**
 * The WordPress core tables (users, usermeta, options, posts, postmeta). Earlier versions created WooCommerce's tables
 * here too; those now belong to plugins, which create whichever are missing (see src/db/createPluginTables.ts).
 */
export class CreateWordPressTables1764115200000 extends TableCreatingMigration {
  readonly name = 'CreateWordPressTables1764115200000';
  protected readonly tables = wordPressTables;
}
