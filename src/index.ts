/** Public API of wc-host for embedders and plugin authors. */
export { createHost } from './host/createHost';
export { definePlugin } from './host/definePlugin';
export { createLogger } from './host/logger';
export { RestError } from './rest/RestError';
export { RestRequest } from './rest/RestRequest';
export { RestResponse } from './rest/RestResponse';
export type { Host, HostOptions, HostCloseOptions, Plugin, PluginHost, Logger, OptionsApi, OptionValue, OptionParser, HostConfig } from './host/types';
export type { Hooks, FilterCallback, ActionCallback } from './hooks/types';
export type { RestApi, RouteEndpoint, RouteArg, RouteArgs, RouteParams, JsonSchema, HttpMethod, MethodSpec } from './rest/types';
export { READABLE, CREATABLE, EDITABLE, DELETABLE, ALLMETHODS } from './rest/routes/routeMethods';
export type { CurrentUser, AuthenticatedKey } from './auth/types';
export type { Db } from './db/types';
export type { MigrationClass } from './host/types';
export type { TableDefinition, EntityClass } from './db/tableDefinition';
export { sqliteIndex } from './db/tableDefinition';
export type { Row, DriverRow } from './db/rows';
export { MysqlType, WpDateColumn } from '../entities';
