import type { DataSource } from 'typeorm';
import type { TableDefinition } from './tableDefinition';

/** The tables one plugin owns (see Plugin.tables). */
export interface PluginTables {
  plugin: string;
  tables: readonly TableDefinition[];
}

const byDataSource = new WeakMap<DataSource, readonly PluginTables[]>();

/** Remembers which plugins' tables a DataSource maps (createDataSource calls it), for migrate() to create them. */
export function rememberPluginTables(dataSource: DataSource, plugins: readonly PluginTables[]): void {
  byDataSource.set(dataSource, plugins);
}

/** The plugins' tables of a DataSource, in the order their plugins load. */
export function pluginTablesOf(dataSource: DataSource): readonly PluginTables[] {
  return byDataSource.get(dataSource) ?? [];
}
