import { GenerationCache } from '../../../src/cache/generationCache';
import { inList } from '../../../src/db/boundList';
import type { Db } from '../../../src/db/types';
import type { ParsedUserQuery } from '../store/userQuery/parseUserQuery';
import type { UserQueryResult } from '../store/userQuery/userQueryArgs';
import { LOOKUP_TABLES } from './lookupTables';
import { lookupStatusColumns, lookupStatusOf, type LookupStatus, type LookupStatusRow } from './lookupState';
import { PageAnchors } from './pageAnchors';
import { readRoleGroups, type RoleGroup } from './roleGroups';
import { selectRoleGroups, type GroupSelection } from './roleMatching';
import { joinedSearchPredicate, lookupSearch, type SqlPart } from './searchPredicate';

/** Reads that may take long (a search over every user): off the event loop on SQLite. */
export type Read = <T>(sql: string, params: readonly unknown[]) => Promise<T[]>;

/** How many pages ahead of a walk through every page their ids are handed out, to be prepared in advance. */
const PAGES_AHEAD = 4;

/** Searches matching more users than this are not remembered whole (their pages are read one by one). */
const REMEMBERED_MATCHES = 200_000;

type SortColumn = 'name' | 'registered' | 'id';
const SORT_KEY: Record<SortColumn, string> = { name: 'l.name_key', registered: 'l.registered', id: 'l.user_id' };

/**
 * Answers a parsed WP_User_Query from the lookup table, or returns null when it cannot (then WordPress's own query
 * answers). Every answer equals WordPress's: the lookup holds each user's role group, sort keys and folded search
 * columns exactly as of the last change, and role counts are kept per group.
 *
 * - include: the listed users' rows, filtered and sorted in SQL (never more rows than ids given);
 * - search: every match, sorted, read once per lookup generation and remembered (WordPress's own user-query cache
 *   works the same way: results salted with the users' last-changed time);
 * - otherwise: the page is an index range of the order asked for, started from the nearest row already seen
 *   (PageAnchors), and the total is the sum of the selected role groups' counts.
 */
export class LookupUserQuery {
  private readonly groups = new GenerationCache<Promise<RoleGroup[]>>(1);
  private readonly selections = new GenerationCache<Promise<GroupSelection | null>>(256);
  private readonly searches = new GenerationCache<Promise<{ ids: number[] } | { total: number }>>(64);
  private readonly anchors = new GenerationCache<PageAnchors>(256);

  constructor(
    private readonly db: Db,
    private readonly readLong: Read,
  ) {}

  async run(query: ParsedUserQuery, generation: number): Promise<UserQueryResult | null> {
    const sort = servedSort(query);
    if (!sort) return null;
    const selection = await this.selection(query, generation);
    if (!selection) return null;
    if (query.include.length > 0) return this.included(query, selection, sort);
    if (query.search) return this.searched(query, selection, sort, generation);
    return this.walked(query, selection, sort, generation);
  }

  private async selection(query: ParsedUserQuery, generation: number): Promise<GroupSelection | null> {
    let groups = this.groups.get(generation, 'all');
    if (!groups) this.groups.set(generation, 'all', (groups = readRoleGroups(this.db)));
    const key = JSON.stringify(query.roles);
    let selection = this.selections.get(generation, key);
    if (!selection)
      this.selections.set(
        generation,
        key,
        (selection = groups.then((list) => selectRoleGroups(this.db, query.roles, list))),
      );
    return selection;
  }

  /** `include`: at most as many rows as ids given; `orderby=include` keeps the list's order. */
  private async included(query: ParsedUserQuery, selection: GroupSelection, sort: Sort): Promise<UserQueryResult> {
    const { where, order, hint } = this.includedSql(query, selection, sort);
    const rows = await this.db.query<{ user_id: number | string }>(
      `SELECT l.user_id FROM ${this.db.table(LOOKUP_TABLES.lookup)} l${hint} WHERE ${joinSql(where)} ORDER BY ${order}`,
      where.flatMap((part) => part.params),
    );
    return includedPage(query, sort, rows);
  }

  /**
   * `include` read in one statement with the lookup's state, for the generation the last state read showed (whose
   * role-group selection is at hand): a round trip less. The rows count only if the state read with them — the same
   * snapshot — is that generation, ready, with no user marked; the caller decides. Null when the query is no include
   * the lookup serves, or that generation's selection is not known here.
   */
  async includedWithStatus(
    query: ParsedUserQuery,
    generation: number,
  ): Promise<{ status: LookupStatus; result: UserQueryResult } | null> {
    const sort = servedSort(query);
    if (!sort || query.include.length === 0) return null;
    const selection = await this.selections.get(generation, JSON.stringify(query.roles));
    if (!selection) return null;
    const { where, order, hint } = this.includedSql(query, selection, sort);
    // One row at least (the state's), whatever matches: the users come LEFT JOINed to it.
    const rows = await this.db.query<LookupStatusRow & { user_id: number | string | null }>(
      `SELECT st.*, l.user_id FROM (SELECT ${lookupStatusColumns(this.db)}) st
         LEFT JOIN ${this.db.table(LOOKUP_TABLES.lookup)} l${hint} ON ${joinSql(where)} ORDER BY ${order}`,
      where.flatMap((part) => part.params),
    );
    return {
      status: lookupStatusOf(rows[0]),
      result: includedPage(
        query,
        sort,
        rows.filter((row): row is typeof row & { user_id: number | string } => row.user_id !== null),
      ),
    };
  }

  private includedSql(query: ParsedUserQuery, selection: GroupSelection, sort: Sort) {
    // The ids are the way in (a primary-key lookup each); SQLite would rather walk a role group's index past every
    // user of the group, unless `+` keeps its other terms from using an index. MariaDB takes the (role_group,
    // user_id) index for a range per id and group, then reads each row's sort key by primary key again: the primary
    // key alone costs it about half the CPU (docs/customer-lookup.md).
    const unindexed = this.db.dialect === 'sqlite' ? '+' : '';
    const hint = this.db.dialect === 'mysql' ? ' FORCE INDEX (PRIMARY)' : '';
    const where: SqlPart[] = [
      inList(this.db.dialect, 'l.user_id', query.include),
      groupCondition(this.db, selection, unindexed),
      ...(query.search ? [lookupSearch(this.db, query.search).test] : []),
    ];
    return { where, order: orderSql(sort, unindexed), hint };
  }

  /** A search: all matches sorted, once per generation; a page is then a slice. */
  private async searched(
    query: ParsedUserQuery,
    selection: GroupSelection,
    sort: Sort,
    generation: number,
  ): Promise<UserQueryResult> {
    const search = query.search!;
    const key = JSON.stringify([selection, query.exclude, search, sort]);
    const matches = this.matchesSql(query, selection, sort);
    let pending = this.searches.get(generation, key);
    if (!pending) {
      // One read per search and generation, however many requests ask for it meanwhile.
      pending = this.readMatches(matches);
      this.searches.set(generation, key, pending);
      pending.catch(() => this.searches.delete(generation, key));
    }
    const found = await pending;
    if ('ids' in found) {
      return {
        ids: query.number > 0 ? found.ids.slice(query.offset, query.offset + query.number) : [...found.ids],
        total: found.ids.length,
      };
    }
    const limit = query.number > 0 ? ' LIMIT ? OFFSET ?' : '';
    const rows = await this.readLong<{ user_id: number | string }>(
      `${matches.select} ${matches.from} ORDER BY ${matches.order}${limit}`,
      [...matches.params, ...(query.number > 0 ? [query.number, query.offset] : [])],
    );
    return { ids: rows.map((row) => Number(row.user_id)), total: found.total };
  }

  /**
   * The SQL of a search's matches. MySQL scans its narrow search table for wild terms, sorted by the binary name key
   * (the collation's long sort keys would make that sort slow); otherwise the lookup, entered from the candidates
   * when an index has them (an exact term, SQLite's trigrams) — joined in that order, so no planner walks a sorted
   * index past every user instead.
   */
  private matchesSql(query: ParsedUserQuery, selection: GroupSelection, sort: Sort) {
    const search = query.search!;
    const conditions = [groupCondition(this.db, selection), excludeCondition(this.db, query)];
    if (this.db.dialect === 'mysql' && (search.leadingWild || search.trailingWild)) {
      const where = [...conditions, joinedSearchPredicate(search)];
      const column = sort.column === 'name' ? 'l.name_sort' : SORT_KEY[sort.column === 'include' ? 'id' : sort.column];
      return {
        select: 'SELECT l.user_id',
        sortKey: column,
        from: `FROM ${this.db.table(LOOKUP_TABLES.search)} l WHERE ${joinSql(where)}`,
        order:
          column === 'l.user_id'
            ? `l.user_id ${sort.direction}`
            : `${column} ${sort.direction}, l.user_id ${sort.direction}`,
        params: where.flatMap((part) => part.params),
      };
    }
    const { candidates, test } = lookupSearch(this.db, search);
    const where = [...conditions, test];
    const lookup = `${this.db.table(LOOKUP_TABLES.lookup)} l`;
    const join = this.db.dialect === 'sqlite' ? 'CROSS JOIN' : 'STRAIGHT_JOIN';
    const source = candidates ? `(${candidates.sql}) c ${join} ${lookup} ON l.user_id = c.user_id` : lookup;
    return {
      select: 'SELECT l.user_id',
      sortKey: SORT_KEY[sort.column === 'include' ? 'id' : sort.column],
      from: `FROM ${source} WHERE ${joinSql(where)}`,
      order: orderSql(sort),
      params: [...(candidates?.params ?? []), ...where.flatMap((part) => part.params)],
    };
  }

  /** Every match in order, or only their count when there are too many to remember. */
  private async readMatches(
    matches: ReturnType<LookupUserQuery['matchesSql']>,
  ): Promise<{ ids: number[] } | { total: number }> {
    const { select, sortKey, from, order, params } = matches;
    let ids: number[];
    if (this.db.dialect === 'sqlite') {
      // One text value instead of a row per match: rows cross from the worker thread by structured clone, which for
      // tens of thousands of them would stall the event loop this read is kept off.
      const direction = order.endsWith('DESC') ? 'DESC' : 'ASC';
      const [row] = await this.readLong<{ ids: string | null }>(
        `SELECT group_concat(user_id, ',' ORDER BY sort_key ${direction}, user_id ${direction}) AS ids
           FROM (${select} AS user_id, ${sortKey} AS sort_key ${from} ORDER BY ${order} LIMIT ?)`,
        [...params, REMEMBERED_MATCHES + 1],
      );
      ids = row?.ids ? row.ids.split(',').map(Number) : [];
    } else {
      const rows = await this.readLong<{ user_id: number | string }>(`${select} ${from} ORDER BY ${order} LIMIT ?`, [
        ...params,
        REMEMBERED_MATCHES + 1,
      ]);
      ids = rows.map((row) => Number(row.user_id));
    }
    if (ids.length <= REMEMBERED_MATCHES) return { ids };
    const [{ total }] = await this.readLong<{ total: number | string }>(`SELECT COUNT(*) AS total ${from}`, params);
    return { total: Number(total) };
  }

  /** No search, no include: an index range from the nearest known row; the total from the role counts. */
  private async walked(
    query: ParsedUserQuery,
    selection: GroupSelection,
    sort: Sort,
    generation: number,
  ): Promise<UserQueryResult> {
    const total = selection.users - (await this.excludedCount(query, selection));
    if (sort.column === 'include') return { ids: [], total };
    const key = JSON.stringify([selection.all ? 'all' : selection.groups, query.exclude, sort]);
    let anchors = this.anchors.get(generation, key);
    if (!anchors) this.anchors.set(generation, key, (anchors = new PageAnchors()));

    const wanted = query.number > 0 ? query.number : Number.MAX_SAFE_INTEGER;
    if (query.offset >= total) return { ids: [], total };
    const anchor = anchors.before(query.offset);
    // Unless the row just before the page is known, read it too, so that the next request for this page starts there.
    const start = anchor && anchor.offset === query.offset - 1 ? query.offset : Math.max(0, query.offset - 1);
    const skip = anchor ? start - anchor.offset - 1 : start;
    const column = SORT_KEY[sort.column];
    const where = [
      groupCondition(this.db, selection),
      excludeCondition(this.db, query),
      ...(anchor ? [afterAnchor(column, sort.direction, anchor.key, anchor.id)] : []),
    ];
    // Right after the last page sent: a walk through every page (an export). Read the next pages' ids too.
    const walking = query.number > 0 && anchor?.offset === query.offset - 1 && anchor.pageEnd;
    const count = Math.min(
      Number.MAX_SAFE_INTEGER,
      wanted + (query.offset - start) + (walking ? query.number * PAGES_AHEAD : 0),
    );
    const sql =
      `SELECT l.user_id, ${column} AS sort_key FROM ${this.db.table(LOOKUP_TABLES.lookup)} l${indexHint(this.db, sort.column, selection)} ` +
      `WHERE ${joinSql(where)} ORDER BY ${orderSql(sort)} LIMIT ? OFFSET ?`;
    const read = skip + count > 20_000 ? this.readLong : this.db.query.bind(this.db);
    const rows = await read<{ user_id: number | string; sort_key: unknown }>(sql, [
      ...where.flatMap((part) => part.params),
      count,
      skip,
    ]);
    const pageStart = query.offset - start;
    const page = rows.slice(pageStart, pageStart + wanted);
    if (rows.length > 0)
      anchors.record({ offset: start, key: rows[0].sort_key, id: Number(rows[0].user_id), pageEnd: false });
    if (page.length > 0) {
      const last = page[page.length - 1];
      anchors.record({
        offset: query.offset + page.length - 1,
        key: last.sort_key,
        id: Number(last.user_id),
        pageEnd: true,
      });
    }
    const ids = page.map((row) => Number(row.user_id));
    if (!walking) return { ids, total };
    const ahead = rows.slice(pageStart + wanted).map((row) => Number(row.user_id));
    const next = Array.from({ length: Math.ceil(ahead.length / wanted) }, (_, index) =>
      ahead.slice(index * wanted, (index + 1) * wanted),
    );
    return { ids, total, next };
  }

  /** Excluded users that the selection would otherwise count. */
  private async excludedCount(query: ParsedUserQuery, selection: GroupSelection): Promise<number> {
    if (query.exclude.length === 0) return 0;
    const where = [inList(this.db.dialect, 'l.user_id', query.exclude), groupCondition(this.db, selection)];
    const [{ n }] = await this.db.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM ${this.db.table(LOOKUP_TABLES.lookup)} l WHERE ${joinSql(where)}`,
      where.flatMap((part) => part.params),
    );
    return Number(n);
  }
}

interface Sort {
  column: SortColumn | 'include';
  direction: 'ASC' | 'DESC';
}

/** An include's page and total from its matching rows, sorted (`orderby=include`: in the list's order). */
function includedPage(
  query: ParsedUserQuery,
  sort: Sort,
  rows: ReadonlyArray<{ user_id: number | string }>,
): UserQueryResult {
  let ids = rows.map((row) => Number(row.user_id));
  if (sort.column === 'include') {
    const position = new Map(query.include.map((id, index) => [id, index]));
    ids.sort((a, b) => ((position.get(a) ?? 0) - (position.get(b) ?? 0)) * (sort.direction === 'ASC' ? 1 : -1));
  }
  const total = ids.length;
  if (query.number > 0) ids = ids.slice(query.offset, query.offset + query.number);
  return { ids, total };
}

/**
 * The order of a query the lookup serves — one of display name, registration date, ID, include position — or null
 * for a query it does not (another order, a meta query, arguments it has no columns for).
 */
function servedSort(query: ParsedUserQuery): Sort | null {
  if (query.orderBy.length !== 1 || query.unsupported.length > 0 || query.metaQuery) return null;
  const [{ column, direction }] = query.orderBy;
  const mapped = ({ display_name: 'name', user_registered: 'registered', ID: 'id', include: 'include' } as const)[
    column as string
  ];
  return mapped ? { column: mapped, direction } : null;
}

/**
 * ORDER BY as WordPress orders (with wc-host's tie-break by ID in the same direction). `unindexed` = '+' keeps
 * SQLite from serving the order with an index (a plain column is all its planner matches).
 */
function orderSql(sort: Sort, unindexed = ''): string {
  if (sort.column === 'id' || sort.column === 'include') return `${unindexed}l.user_id ${sort.direction}`;
  return `${unindexed}${SORT_KEY[sort.column]} ${sort.direction}, ${unindexed}l.user_id ${sort.direction}`;
}

/** Rows after `(key, id)` in the order: a range on the sort column the index serves, then the tie-break. */
function afterAnchor(column: string, direction: 'ASC' | 'DESC', key: unknown, id: number): SqlPart {
  const [beyond, reach] = direction === 'ASC' ? ['>', '>='] : ['<', '<='];
  if (column === 'l.user_id') return { sql: `l.user_id ${beyond} ?`, params: [id] };
  return { sql: `${column} ${reach} ? AND (${column} ${beyond} ? OR l.user_id ${beyond} ?)`, params: [key, key, id] };
}

function groupCondition(db: Pick<Db, 'dialect'>, selection: GroupSelection, unindexed = ''): SqlPart {
  if (selection.all) return { sql: 'TRUE', params: [] };
  if (selection.groups.length === 0) return { sql: 'FALSE', params: [] };
  return inList(db.dialect, `${unindexed}l.role_group`, selection.groups);
}

function excludeCondition(db: Pick<Db, 'dialect'>, query: ParsedUserQuery): SqlPart {
  if (query.exclude.length === 0) return { sql: 'TRUE', params: [] };
  return inList(db.dialect, 'l.user_id', query.exclude, true);
}

function joinSql(parts: SqlPart[]): string {
  return parts.map((part) => part.sql).join(' AND ');
}

/**
 * Which index serves the order: the per-group index when one role group is selected (its range is exactly the
 * page's candidates), else the all-users index (most users are in the selected groups; the rest are skipped).
 */
function indexHint(db: Pick<Db, 'dialect' | 'prefix'>, column: SortColumn, selection: GroupSelection): string {
  const single = !selection.all && selection.groups.length === 1;
  const name = (
    {
      name: single ? 'group_name' : 'name_all',
      registered: single ? 'group_registered' : 'registered_all',
      id: single ? 'group_id' : null,
    } as const
  )[column];
  if (!name) return '';
  return db.dialect === 'mysql'
    ? ` FORCE INDEX (${name})`
    : ` INDEXED BY "${db.prefix}${LOOKUP_TABLES.lookup}_${name}"`;
}
