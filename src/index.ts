/**
 * Public API of wc-host for embedders and plugin authors: the package's `.` export. Everything a plugin needs is
 * here or in `wc-host/customers` (plugins/customers/index.ts); package.json's `exports` map refuses any other path.
 */

// The host.
export { createHost } from './host/createHost';
export { definePlugin } from './host/definePlugin';
export { createLogger } from './host/logger';
export type {
  Host,
  HostOptions,
  HostCloseOptions,
  Plugin,
  PluginHost,
  Logger,
  LogLevel,
  OptionsApi,
  OptionValue,
  OptionParser,
  HostConfig,
} from './host/types';

// Hooks: the hook map (extend it with `declare module 'wc-host' { interface FilterMap { … } }`) and the registry.
export { HOST_HOOKS, type FilterMap, type ActionMap } from './hooks/hookMap';
export type {
  Hooks,
  UntypedHooks,
  UntypedCallback,
  FilterName,
  FilterValue,
  FilterArgs,
  FilterCallback,
  ActionName,
  ActionArgs,
  ActionCallback,
} from './hooks/types';

// The REST layer: requests, responses, errors, pagination.
export { RestError, isRestError } from './rest/RestError';
export { RestRequest } from './rest/RestRequest';
export { RestResponse, isRestResponse, type RestLink } from './rest/RestResponse';
export { setPaginationHeaders, type PaginationInfo } from './rest/pagination';
export type {
  RestApi,
  RouteEndpoint,
  RouteArg,
  RouteArgs,
  RouteParams,
  RouteHandler,
  JsonSchema,
  HttpMethod,
  MethodSpec,
} from './rest/types';
export { READABLE, CREATABLE, EDITABLE, DELETABLE, ALLMETHODS } from './rest/routes/routeMethods';
export type { CurrentUser, AuthenticatedKey } from './auth/types';
export type { UserPermissionContext } from './auth/restPermissions';
export type { Db } from './db/types';

// A plugin's own tables and migrations.
export type { MigrationClass } from './host/types';
export type { TableDefinition, EntityClass } from './db/tableDefinition';
export { sqliteIndex } from './db/tableDefinition';
export type { Row, DriverRow } from './db/rows';
export { MysqlType, WpDateColumn } from '../entities';

// WordPress's PHP helpers, with WordPress's results for the same input.
export { absint, wpParseIdList } from './wp/absint';
export { sanitizeTextField } from './wp/sanitizeTextField';
export { sanitizeEmail } from './wp/sanitizeEmail';
export { sanitizeTitle } from './wp/sanitizeTitle';
export { sanitizeUser, validateUsername } from './wp/sanitizeUser';
export { isEmail } from './wp/isEmail';
export { escHtml } from './wp/escHtml';
export { wpStripAllTags } from './wp/wpStripAllTags';
export { wcClean, type WcCleanInput, type WcCleanOutput } from './wp/wcClean';
export { maybeSerialize, maybeUnserialize, isSerialized } from './wp/phpSerialize';
