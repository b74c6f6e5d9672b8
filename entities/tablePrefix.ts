import { DefaultNamingStrategy, type DataSource, type NamingStrategyInterface } from 'typeorm';

const PREFIX_PATTERN = /^[A-Za-z0-9_]*$/;

/** Throws unless `prefix` is a valid WordPress table prefix (letters, digits, underscores; `wp_` by default). */
export function assertTablePrefix(prefix: string): void {
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new Error(`The table prefix may contain only letters, digits and underscores, got "${prefix}"`);
  }
}

/**
 * Prefixes every entity table with the site's table prefix (`wp_` → `wp_users`), as WordPress's `$table_prefix` does.
 * Entities declare the WordPress base name (`@Entity('users')`); the prefix is chosen per DataSource at run time.
 */
export class TablePrefixNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  constructor(readonly tablePrefix: string) {
    super();
    assertTablePrefix(tablePrefix);
  }

  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return this.tablePrefix + super.tableName(targetName, userSpecifiedName);
  }
}

/** The table prefix a DataSource was built with (see createDataSource); migrations use it to name their tables. */
export function tablePrefixOf(dataSource: DataSource): string {
  const strategy = dataSource.namingStrategy;
  if (!(strategy instanceof TablePrefixNamingStrategy)) {
    throw new Error('This DataSource was not built with a table prefix; create it with createDataSource()');
  }
  return strategy.tablePrefix;
}
