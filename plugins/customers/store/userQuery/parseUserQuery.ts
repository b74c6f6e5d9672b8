import { wpParseIdList } from '../../../../src/wp/absint';
import type { MetaQueryClause, UserQueryArgs } from './userQueryArgs';

/** A users column WP_User_Query can sort by here, or `include` (the order of the include list). */
export type UserOrderColumn =
  'ID' | 'user_login' | 'user_nicename' | 'user_email' | 'user_url' | 'user_registered' | 'display_name' | 'include';
export type OrderDirection = 'ASC' | 'DESC';

/** WP_User_Query's search: the term without its `*` wildcards, where they were, and the columns it looks in. */
export interface UserSearch {
  term: string;
  leadingWild: boolean;
  trailingWild: boolean;
  /** `ID` and users columns; WooCommerce's `user_search_columns` filter has appended display_name. */
  columns: string[];
}

/** The role part of the query, as WP_User_Query turns it into `{prefix}capabilities LIKE '%"role"%'` clauses. */
export interface RoleClauses {
  /** `role`: the user has every one. */
  all: string[];
  /** `role__in`: at least one. */
  any: string[];
  /** `role__not_in`: none. */
  none: string[];
}

export interface ParsedUserQuery {
  roles: RoleClauses;
  /** Non-empty: only these ids (and `exclude` is ignored, as WordPress does). */
  include: number[];
  exclude: number[];
  search: UserSearch | null;
  orderBy: Array<{ column: UserOrderColumn; direction: OrderDirection }>;
  /** > 0: a page of this many; otherwise every match. */
  number: number;
  offset: number;
  metaQuery: (MetaQueryClause[] & { relation?: 'AND' | 'OR' }) | null;
  /** Argument names given a value this implementation does not act on. */
  unsupported: string[];
}

const HANDLED = new Set([
  'number',
  'offset',
  'paged',
  'role',
  'role__in',
  'role__not_in',
  'search',
  'search_columns',
  'include',
  'exclude',
  'orderby',
  'order',
  'meta_query',
]);
const SEARCHABLE = ['ID', 'user_login', 'user_email', 'user_url', 'user_nicename', 'display_name'];
const ORDER_ALIASES: Record<string, UserOrderColumn> = {
  login: 'user_login',
  nicename: 'user_nicename',
  email: 'user_email',
  url: 'user_url',
  registered: 'user_registered',
  user_login: 'user_login',
  user_nicename: 'user_nicename',
  user_email: 'user_email',
  user_url: 'user_url',
  user_registered: 'user_registered',
  name: 'display_name',
  display_name: 'display_name',
  ID: 'ID',
  id: 'ID',
};

/** WP_User_Query::prepare_query's reading of its arguments (single site), shared by both ways of answering it. */
export function parseUserQuery(args: UserQueryArgs): ParsedUserQuery {
  const include = wpParseIdList(args.include);
  const parsedOrder = parseOrder(args.order === undefined ? 'ASC' : args.order);
  const number = Number(args.number ?? -1);
  const offset = Number(args.offset ?? 0);
  const paged = Math.max(1, Number(args.paged ?? 1) || 1);
  return {
    roles: {
      all: roleList(args.role),
      any: Array.isArray(args.role__in) ? args.role__in.map(String) : args.role__in ? [String(args.role__in)] : [],
      none: Array.isArray(args.role__not_in)
        ? args.role__not_in.map(String)
        : args.role__not_in
          ? [String(args.role__not_in)]
          : [],
    },
    include,
    exclude: include.length > 0 ? [] : wpParseIdList(args.exclude),
    search: parseSearch(args.search, args.search_columns),
    orderBy: parseOrderBy(args.orderby, parsedOrder, include),
    number: Number.isFinite(number) && number > 0 ? Math.min(Number.MAX_SAFE_INTEGER, Math.floor(number)) : -1,
    // Past 2^53 no page can hold a user; clamping keeps the number a plain integer in SQL.
    offset: Math.min(
      Number.MAX_SAFE_INTEGER,
      offset > 0 ? Math.floor(offset) : number > 0 ? Math.floor(number) * (paged - 1) : 0,
    ),
    metaQuery: Array.isArray(args.meta_query) && args.meta_query.length > 0 ? args.meta_query : null,
    unsupported: Object.keys(args).filter((key) => !HANDLED.has(key) && !isEmptyArg(args[key])),
  };
}

/** `role`: an array as given, or a comma list split and trimmed (empty pieces kept, as explode() keeps them). */
function roleList(role: unknown): string[] {
  if (Array.isArray(role)) return role.map(String);
  if (typeof role === 'string' && role !== '' && role !== '0') return role.split(',').map((item) => item.trim());
  return [];
}

/** WP_User_Query::parse_order: anything but ASC (case-insensitive) is DESC, the empty string included. */
function parseOrder(order: unknown): OrderDirection {
  return typeof order === 'string' && order.toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
}

function parseOrderBy(orderby: unknown, direction: OrderDirection, include: number[]): ParsedUserQuery['orderBy'] {
  const fields = typeof orderby === 'string' ? orderby.split(/[,\s]+/).filter((field) => field !== '') : [];
  const parsed: ParsedUserQuery['orderBy'] = [];
  for (const field of fields) {
    if (field === 'include') {
      if (include.length > 0) parsed.push({ column: 'include', direction });
      continue;
    }
    const column = ORDER_ALIASES[field];
    if (column) parsed.push({ column, direction });
  }
  // No valid field: WordPress orders by user_login.
  return parsed.length > 0 ? parsed : [{ column: 'user_login', direction }];
}

/** WP_User_Query's search handling, with WooCommerce's `user_search_columns` filter adding display_name. */
function parseSearch(search: unknown, requested: unknown): UserSearch | null {
  const raw = String(search ?? '').trim();
  if (raw === '') return null;
  const leadingWild = raw.startsWith('*');
  const trailingWild = raw.endsWith('*');
  const term = leadingWild || trailingWild ? raw.replace(/^\*+|\*+$/g, '') : raw;
  let columns = Array.isArray(requested) ? requested.map(String).filter((column) => SEARCHABLE.includes(column)) : [];
  if (columns.length === 0) {
    if (term.includes('@')) columns = ['user_email'];
    else if (isNumeric(term)) columns = ['user_login', 'ID'];
    else if (/^https?:\/\//.test(term)) columns = ['user_url'];
    else columns = ['user_login', 'user_url', 'user_email', 'user_nicename', 'display_name'];
  }
  return { term, leadingWild, trailingWild, columns: [...columns, 'display_name'] };
}

/** PHP's is_numeric (PHP 8: leading and trailing whitespace allowed). */
export function isNumeric(text: string): boolean {
  return /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/.test(text);
}

function isEmptyArg(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}
