import type { Db, Dialect } from '../../../../src/db/types';
import { inList, listPosition } from '../../../../src/db/boundList';
import { SQLITE_LIKE_520, SQLITE_SORT_KEY_520 } from '../../../../src/db/sqlite/sqliteFunctions';
import type { ParsedUserQuery, RoleClauses, UserOrderColumn } from './parseUserQuery';
import { idMatchedBy, searchPattern } from './searchTerm';
import type { MetaQueryClause, UserQueryResult } from './userQueryArgs';

/**
 * WP_User_Query's own SQL (single site), as WordPress sends it to MySQL: the role filters are WP_Meta_Query joins
 * on `{prefix}capabilities` with `LIKE '%"role"%'` (so a user with two matching capabilities rows is listed twice,
 * as WordPress lists it), the search is `column LIKE pattern` per column, then include/exclude, ORDER BY and LIMIT;
 * the total is the count of that same query (SQL_CALC_FOUND_ROWS). Its one addition: ties are broken by ID in
 * the query's direction, where MySQL's order among equal names is unspecified.
 *
 * On SQLite the same query runs with LIKE and text ORDER BY done by MySQL's utf8mb4_unicode_520_ci semantics
 * (src/collation), so both databases answer alike. This is what the lookup's fast path is proven against, and what
 * answers whatever the fast path does not take. It reads every user the filters touch: slow at millions of users.
 */
export async function plainUserQuery(
  db: Db,
  query: ParsedUserQuery,
  read = db.query.bind(db),
): Promise<UserQueryResult> {
  const sqlite = db.dialect === 'sqlite';
  const like = (expression: string, negate = false) =>
    sqlite
      ? `${negate ? 'NOT ' : ''}${SQLITE_LIKE_520}(${expression}, ?)`
      : `${expression} ${negate ? 'NOT LIKE' : 'LIKE'} ?`;
  const users = db.table('users');
  const usermeta = db.table('usermeta');
  const joins: string[] = [];
  const where: string[] = [];
  const params: unknown[] = [];

  const roles = roleSql(query.roles, `${db.prefix}capabilities`, like);
  joins.push(...roles.aliases.map((alias) => `INNER JOIN ${usermeta} ${alias} ON (u.ID = ${alias}.user_id)`));
  if (roles.where) {
    where.push(roles.where);
    params.push(...roles.params);
  }

  const { search } = query;
  if (search) {
    const pattern = searchPattern(search.term, search.leadingWild, search.trailingWild);
    const parts = search.columns.map((column) => {
      if (column !== 'ID') {
        params.push(pattern);
        return like(`u.${column}`);
      }
      const id = idMatchedBy(search.term);
      if (id === null) return '1 = 0';
      params.push(id);
      return 'u.ID = ?';
    });
    where.push(`(${parts.join(' OR ')})`);
  }
  const ids =
    query.include.length > 0
      ? inList(db.dialect, 'u.ID', query.include)
      : query.exclude.length > 0
        ? inList(db.dialect, 'u.ID', query.exclude, true)
        : null;
  if (ids) {
    where.push(ids.sql);
    params.push(...ids.params);
  }
  for (const clause of metaQueryClauses(db.dialect, query.metaQuery, usermeta, like)) {
    where.push(clause.sql);
    params.push(...clause.params);
  }

  const select = `SELECT ${roles.distinct ? 'DISTINCT ' : ''}u.ID FROM ${users} u ${joins.join(' ')} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  const order = orderBySql(query, db.dialect);
  const limit = query.number > 0 ? ' LIMIT ? OFFSET ?' : '';
  const limitParams = query.number > 0 ? [query.number, query.offset] : [];
  const [page, count] = await Promise.all([
    read<{ ID: number | string }>(`${select} ORDER BY ${order.sql}${limit}`, [
      ...params,
      ...order.params,
      ...limitParams,
    ]),
    read<{ total: number | string }>(`SELECT COUNT(*) AS total FROM (${select}) AS found`, params),
  ]);
  return { ids: page.map((row) => Number(row.ID)), total: Number(count[0]?.total ?? 0) };
}

type LikeSql = (expression: string, negate?: boolean) => string;

/**
 * WP_User_Query's role_queries through WP_Meta_Query: `role` clauses joined with AND (one join each), `role__in`
 * with OR (one shared join, and DISTINCT: an explicit OR relation), `role__not_in` with AND NOT LIKE (one shared
 * join: same key and a negative compare). A group of one clause gets one join.
 */
function roleSql(roles: RoleClauses, capabilitiesKey: string, like: LikeSql) {
  const aliases: string[] = [];
  const parts: string[] = [];
  const params: unknown[] = [];
  const newAlias = () => {
    const alias = `m${aliases.length}`;
    aliases.push(alias);
    return alias;
  };
  const clause = (alias: string, role: string, negate: boolean) => {
    params.push(capabilitiesKey, searchPattern(`"${role}"`, true, true));
    return `(${alias}.meta_key = ? AND ${like(`${alias}.meta_value`, negate)})`;
  };
  if (roles.all.length > 0) parts.push(`(${roles.all.map((role) => clause(newAlias(), role, false)).join(' AND ')})`);
  if (roles.any.length > 0) {
    const alias = newAlias();
    parts.push(`(${roles.any.map((role) => clause(alias, role, false)).join(' OR ')})`);
  }
  if (roles.none.length > 0) {
    const alias = newAlias();
    parts.push(`(${roles.none.map((role) => clause(alias, role, true)).join(' AND ')})`);
  }
  return { aliases, where: parts.length > 0 ? `(${parts.join(' AND ')})` : '', params, distinct: roles.any.length > 0 };
}

/** ORDER BY, with the include list bound as one value (request numbers never go into the SQL text). */
function orderBySql(query: ParsedUserQuery, dialect: Dialect): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = (column: string) => (dialect === 'sqlite' ? `${SQLITE_SORT_KEY_520}(u.${column})` : `u.${column}`);
  const expression = (column: UserOrderColumn): string => {
    if (column === 'ID') return 'u.ID';
    if (column === 'user_registered') return 'u.user_registered';
    if (column === 'include') {
      // WordPress's FIELD(ID, …): the position in the list.
      const position = listPosition(dialect, 'u.ID', query.include);
      params.push(...position.params);
      return position.sql;
    }
    return text(column);
  };
  const parts = query.orderBy.map(({ column, direction }) => `${expression(column)} ${direction}`);
  const last = query.orderBy[query.orderBy.length - 1];
  if (!query.orderBy.some(({ column }) => column === 'ID')) parts.push(`u.ID ${last.direction}`);
  return { sql: parts.join(', '), params };
}

/** The meta_query subset the customers query filter may add: each clause an IN / NOT IN test on the user's rows. */
function metaQueryClauses(
  dialect: Dialect,
  metaQuery: ParsedUserQuery['metaQuery'],
  usermeta: string,
  like: LikeSql,
): Array<{ sql: string; params: unknown[] }> {
  if (!metaQuery) return [];
  const clauses = metaQuery
    .filter((clause: MetaQueryClause) => clause && typeof clause.key === 'string')
    .map((clause: MetaQueryClause) => {
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
        ({ sql: test, params } = inList(dialect, 'meta_value', values));
      } else if (compare === 'LIKE' || compare === 'NOT LIKE') {
        test = like('meta_value');
        params = [searchPattern(values[0], true, true)];
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
