import { WcHostRateLimit } from './WcHostRateLimit';
import { WcHostState } from './WcHostState';
import { WpOption } from './WpOption';
import { WpPost } from './WpPost';
import { WpPostMeta } from './WpPostMeta';
import { WpUser } from './WpUser';
import { WpUserMeta } from './WpUserMeta';

export { WcHostRateLimit, WcHostState, WpOption, WpPost, WpPostMeta, WpUser, WpUserMeta };
export { TablePrefixNamingStrategy, assertTablePrefix, tablePrefixOf } from './tablePrefix';
export { MysqlType, mysqlTypeOf } from './MysqlType';
export { WpDateColumn } from './WpDateColumn';

/**
 * Every entity of the host's own tables: WordPress core's and wc-host's. Plugins bring the entities of theirs (see
 * Plugin.tables in src/host/types.ts).
 */
export const wcHostEntities = [WpUser, WpUserMeta, WpOption, WpPost, WpPostMeta, WcHostState, WcHostRateLimit];
