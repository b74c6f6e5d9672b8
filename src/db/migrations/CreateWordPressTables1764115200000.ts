import { wordPressTables } from './tables';
import { TableCreatingMigration } from './TableCreatingMigration';

/** The WordPress and WooCommerce tables the customers API uses (users, usermeta, options, posts, postmeta, keys…). */
export class CreateWordPressTables1764115200000 extends TableCreatingMigration {
  readonly name = 'CreateWordPressTables1764115200000';
  protected readonly tables = wordPressTables;
}
