import type { Db } from '../../../src/db/types';

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
  /** ID, display_name, registered, include, login, email, nicename, url, user_login… */
  orderby?: string;
  order?: string;
  meta_query?: MetaQueryClause[] & { relation?: 'AND' | 'OR' };
  [key: string]: unknown;
}

export interface UserQueryResult {
  ids: number[];
  /** Matching users ignoring number/offset (WP_User_Query::get_total). */
  total: number;
}

const SEARCHABLE = new Set(['ID', 'user_login', 'user_email', 'user_url', 'user_nicename', 'display_name']);
const LIKE_ESCAPE = '!';

/** WordPress's esc_like, with an escape character both MySQL and SQLite accept the same way. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (char) => LIKE_ESCAPE + char);
}

/**
 * WP_User_Query (single site) as the customers list uses it: role filters on `{prefix}capabilities` with WordPress's
 * `LIKE '%"role"%'`, its search-column rules, include/exclude, ordering and paging. The page and the total are
 * computed from the same WHERE clause; a page costs one or two queries however many users match.
 */
export async function queryUsers(db: Db, args: UserQueryArgs): Promise<UserQueryResult> {
  const where: string[] = [];
  const params: unknown[] = [];
  const users = db.table('users');
  const usermeta = db.table('usermeta');
  const capabilitiesKey = `${db.prefix}capabilities`;

  const roleClause = (role: string, negate: boolean) => {
    params.push(capabilitiesKey, `%${escapeLike(`"${role}"`)}%`);
    return `u.ID ${negate ? 'NOT IN' : 'IN'} (SELECT user_id FROM ${usermeta} WHERE meta_key = ? AND meta_value LIKE ? ESCAPE '${LIKE_ESCAPE}')`;
  };
  for (const role of roleList(args.role)) where.push(roleClause(role, false));
  const roleIn = (args.role__in ?? []).filter((role) => role !== '');
  if (roleIn.length > 0) where.push(`(${roleIn.map((role) => roleClause(role, false)).join(' OR ')})`);
  for (const role of args.role__not_in ?? []) where.push(roleClause(role, true));

  const include = (args.include ?? []).map(Number).filter(Number.isFinite);
  if (include.length > 0) {
    where.push(`u.ID IN (${include.map(() => '?').join(', ')})`);
    params.push(...include);
  } else if ((args.exclude ?? []).length > 0) {
    const exclude = (args.exclude ?? []).map(Number).filter(Number.isFinite);
    where.push(`u.ID NOT IN (${exclude.map(() => '?').join(', ')})`);
    params.push(...exclude);
  }

  const search = searchClause(String(args.search ?? '').trim(), args.search_columns);
  if (search) {
    where.push(search.sql);
    params.push(...search.params);
  }

  for (const clause of metaQueryClauses(args.meta_query, usermeta)) {
    where.push(clause.sql);
    params.push(...clause.params);
  }

  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order = String(args.order ?? 'ASC').toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const orderSql = orderByClause(String(args.orderby ?? ''), order, include);
  const number = args.number !== undefined ? Number(args.number) : -1;
  const offset = Math.max(0, Number(args.offset ?? 0) || 0);
  const limitSql = number > 0 ? ` LIMIT ${Math.floor(number)} OFFSET ${Math.floor(offset)}` : '';

  if (where.length === 0) {
    // Unfiltered: the count is cheap on its own and a plain ORDER BY … LIMIT keeps the top-N sort.
    const [page, countRows] = await Promise.all([
      db.query<{ ID: number | string }>(`SELECT u.ID FROM ${users} u ORDER BY ${orderSql}${limitSql}`, params),
      db.query<{ total: number | string }>(`SELECT COUNT(*) AS total FROM ${users} u`, params),
    ]);
    return { ids: page.map((row) => Number(row.ID)), total: Number(countRows[0]?.total ?? 0) };
  }
  // Filtered: the page and the total in one pass over the matching users (a window count), where WordPress runs
  // the expensive role/search filter twice (the page, then FOUND_ROWS or a COUNT). A page past the end counts alone.
  const rows = await db.query<{ ID: number | string; total: number | string }>(
    `SELECT u.ID, COUNT(*) OVER () AS total FROM ${users} u ${whereSql} ORDER BY ${orderSql}${limitSql}`,
    params,
  );
  if (rows.length > 0) return { ids: rows.map((row) => Number(row.ID)), total: Number(rows[0].total) };
  const countRows = await db.query<{ total: number | string }>(`SELECT COUNT(*) AS total FROM ${users} u ${whereSql}`, params);
  return { ids: [], total: Number(countRows[0]?.total ?? 0) };
}

function roleList(role: UserQueryArgs['role']): string[] {
  if (Array.isArray(role)) return role.map(String).filter((r) => r !== '');
  if (typeof role === 'string' && role !== '') return role.split(',').map((r) => r.trim()).filter((r) => r !== '');
  return [];
}

/** PHP's is_numeric for the search term (decides whether ID is searched). */
function isNumeric(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());
}

function searchClause(raw: string, requestedColumns: string[] | undefined): { sql: string; params: unknown[] } | null {
  if (raw === '') return null;
  const leading = raw.startsWith('*');
  const trailing = raw.endsWith('*');
  const term = leading || trailing ? raw.replace(/^\*+|\*+$/g, '') : raw;
  let columns = (requestedColumns ?? []).filter((column) => SEARCHABLE.has(column));
  if (columns.length === 0) {
    if (term.includes('@')) columns = ['user_email'];
    else if (isNumeric(term)) columns = ['user_login', 'ID'];
    else if (/^https?:\/\//.test(term)) columns = ['user_url'];
    else columns = ['user_login', 'user_url', 'user_email', 'user_nicename', 'display_name'];
  }
  // WooCommerce's `user_search_columns` filter (wc_user_search_columns) always adds display_name.
  columns = [...columns, 'display_name'];
  const pattern = (leading ? '%' : '') + escapeLike(term) + (trailing ? '%' : '');
  const wild = leading || trailing;
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const column of columns) {
    if (column === 'ID') {
      parts.push('u.ID = ?');
      params.push(term);
    } else if (wild) {
      parts.push(`u.${column} LIKE ? ESCAPE '${LIKE_ESCAPE}'`);
      params.push(pattern);
    } else {
      parts.push(`u.${column} = ?`);
      params.push(term);
    }
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

function orderByClause(orderby: string, order: string, include: number[]): string {
  const column = (() => {
    if (['login', 'nicename', 'email', 'url', 'registered'].includes(orderby)) return `u.user_${orderby}`;
    if (['user_login', 'user_nicename', 'user_email', 'user_url', 'user_registered'].includes(orderby)) return `u.${orderby}`;
    if (orderby === 'name' || orderby === 'display_name') return 'u.display_name';
    if (orderby === 'ID' || orderby === 'id') return 'u.ID';
    if (orderby === 'include' && include.length > 0) {
      // FIELD(ID, …) in a form both databases understand.
      return `CASE u.ID ${include.map((id, index) => `WHEN ${Math.trunc(id)} THEN ${index}`).join(' ')} END`;
    }
    return 'u.user_login';
  })();
  // WordPress adds no tie-breaker; ID keeps pages stable when names are equal.
  return column === 'u.ID' ? `u.ID ${order}` : `${column} ${order}, u.ID ${order}`;
}

function metaQueryClauses(metaQuery: UserQueryArgs['meta_query'], usermeta: string): Array<{ sql: string; params: unknown[] }> {
  if (!Array.isArray(metaQuery) || metaQuery.length === 0) return [];
  const clauses = metaQuery
    .filter((clause) => clause && typeof clause.key === 'string')
    .map((clause) => {
      const compare = (clause.compare ?? '=').toUpperCase();
      if (compare === 'EXISTS' || compare === 'NOT EXISTS') {
        return {
          sql: `u.ID ${compare === 'EXISTS' ? 'IN' : 'NOT IN'} (SELECT user_id FROM ${usermeta} WHERE meta_key = ?)`,
          params: [clause.key] as unknown[],
        };
      }
      const values = Array.isArray(clause.value) ? clause.value.map(String) : [String(clause.value ?? '')];
      const negate = compare.startsWith('NOT') || compare === '!=';
      let test: string;
      let params: unknown[];
      if (compare === 'IN' || compare === 'NOT IN') {
        test = `meta_value IN (${values.map(() => '?').join(', ')})`;
        params = values;
      } else if (compare === 'LIKE' || compare === 'NOT LIKE') {
        test = `meta_value LIKE ? ESCAPE '${LIKE_ESCAPE}'`;
        params = [`%${escapeLike(values[0])}%`];
      } else {
        test = 'meta_value = ?';
        params = [values[0]];
      }
      return {
        sql: `u.ID ${negate ? 'NOT IN' : 'IN'} (SELECT user_id FROM ${usermeta} WHERE meta_key = ? AND ${test})`,
        params: [clause.key, ...params],
      };
    });
  if (clauses.length === 0) return [];
  if (metaQuery.relation === 'OR') {
    return [{ sql: `(${clauses.map((c) => c.sql).join(' OR ')})`, params: clauses.flatMap((c) => c.params) }];
  }
  return clauses;
}
