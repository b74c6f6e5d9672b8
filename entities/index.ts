import { WpApiKey } from './WpApiKey';
import { WpDownloadPermission } from './WpDownloadPermission';
import { WpOption } from './WpOption';
import { WpPost } from './WpPost';
import { WpPostMeta } from './WpPostMeta';
import { WpUser } from './WpUser';
import { WpUserMeta } from './WpUserMeta';

export { WpApiKey, WpDownloadPermission, WpOption, WpPost, WpPostMeta, WpUser, WpUserMeta };
export { TablePrefixNamingStrategy, assertTablePrefix, tablePrefixOf } from './tablePrefix';

/** Every entity wc-host maps, for `new DataSource({ entities })`. */
export const wcHostEntities = [WpUser, WpUserMeta, WpOption, WpPost, WpPostMeta, WpApiKey, WpDownloadPermission];
