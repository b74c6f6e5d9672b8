/** One meta_query clause (WP_Meta_Query subset): compares the user's meta rows of `key`. */
export interface MetaQueryClause {
  key: string;
  value?: string | number | Array<string | number>;
  compare?: '=' | '!=' | 'LIKE' | 'NOT LIKE' | 'IN' | 'NOT IN' | 'EXISTS' | 'NOT EXISTS';
}

/** The WP_User_Query arguments the customers list builds (and `woocommerce_rest_customer_query` may change). */
export interface UserQueryArgs {
  number?: number;
  offset?: number;
  /** One role, or several (a user must have all of them); a comma string is split as WordPress does. */
  role?: string | string[];
  role__in?: string[];
  role__not_in?: string[];
  /** `*term*` wildcards as WordPress takes them. */
  search?: string;
  search_columns?: string[];
  include?: number[];
  exclude?: number[];
  /** ID, display_name, registered, include, login, email, nicename, url, user_login… (comma/space separated) */
  orderby?: string;
  order?: string;
  meta_query?: MetaQueryClause[] & { relation?: 'AND' | 'OR' };
  [key: string]: unknown;
}

export interface UserQueryResult {
  ids: number[];
  /** Matching users ignoring number/offset (WP_User_Query::get_total). */
  total: number;
  /** The next pages' ids, page by page, when the pages are being read one after the other (worth preparing ahead). */
  next?: number[][];
}
