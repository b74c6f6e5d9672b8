import type { Db } from '../../../src/db/types';
import { inList } from '../../../src/db/boundList';
import type { DatabaseIndex, DatabaseIndexStatus, IndexProgress } from '../../../src/host/databaseIndexes';
import type { Logger } from '../../../src/host/types';
import type { ParsedUserQuery } from '../store/userQuery/parseUserQuery';
import type { UserQueryResult } from '../store/userQuery/userQueryArgs';
import { applyMarkedChanges } from './applyMarkedChanges';
import { dropLookup, installLookup, lookupStatus } from './installLookup';
import { countDirty, readLookupStatus, type LookupStatus } from './lookupState';
import { LookupUserQuery } from './lookupUserQuery';
import { isDatabaseUnavailable } from '../../../src/db/outage/databaseUnavailable';
import { LOOKUP_TABLES } from './lookupTables';

export interface LookupTuning {
  /**
   * Marked users a request waits to see read before it is answered (in batches between which other requests run):
   * more than this — a bulk import — are read in the background, answering with WordPress's query meanwhile.
   */
  inlineLimit?: number;
  /** Users read per transaction. */
  batchSize?: number;
}

/** After finding no lookup, how long to answer with WordPress's query before looking again. */
const RECHECK_MS = 10_000;

/**
 * The customers lookup (docs/customer-lookup.md): its install/status/drop for `npx wc-host db index`, and the fast
 * answer to list queries, always from a lookup that has read every change committed before the request began.
 *
 * Before each answer it reads the lookup's state: users marked by the triggers are read into the lookup first — a
 * few at once, inline; a bulk import's worth in the background, answering with WordPress's query until it is done.
 */
export class CustomerLookup implements DatabaseIndex {
  readonly name = 'customers';
  readonly description = 'customer lists, searches and totals (GET /customers)';
  private readonly query: LookupUserQuery;
  private absentUntil = 0;
  /** The state the last answer() read (the current request's, when it asks for versions next). */
  private lastStatus: LookupStatus | null = null;
  private applying: Promise<unknown> | null = null;
  private catchingUp: Promise<unknown> | null = null;
  private readonly inlineLimit: number;
  private readonly batchSize: number;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    tuning: LookupTuning = {},
  ) {
    this.query = new LookupUserQuery(db, (sql, params) => db.queryLong(sql, params));
    // SQLite: ~0.35 ms a user on the event loop, so batches of 10 (a few ms each) and up to ~7 s of them.
    this.inlineLimit = tuning.inlineLimit ?? (db.dialect === 'sqlite' ? 20_000 : 50_000);
    this.batchSize = tuning.batchSize ?? (db.dialect === 'sqlite' ? 10 : 200);
  }

  status(): Promise<DatabaseIndexStatus> {
    return lookupStatus(this.db);
  }

  async install(progress: (step: IndexProgress) => void): Promise<void> {
    await installLookup(this.db, progress);
    this.absentUntil = 0;
  }

  drop(): Promise<void> {
    return dropLookup(this.db);
  }

  /** The lookup's answer, or null when WordPress's own query must answer (no lookup, not filled, or not eligible). */
  async answer(query: ParsedUserQuery): Promise<UserQueryResult | null> {
    const together = await this.answerWithStatus(query);
    if (together) return together;
    const status = await this.current();
    // The folds match as utf8mb4_unicode_520_ci does: under another collation WordPress's query must search.
    if (!status || (query.search && !status.searchExact)) return null;
    try {
      return await this.query.run(query, status.generation);
    } catch (error) {
      // A database that is down fails WordPress's query too: answer 503 now, and keep the lookup for after.
      if (isDatabaseUnavailable(error)) throw error;
      // Dropped or altered underneath us: WordPress's query still answers right.
      this.logger.warn("The customers lookup could not answer; using WordPress's query", { error: String(error) });
      this.absentUntil = Date.now() + RECHECK_MS;
      return null;
    }
  }

  /**
   * An include answered in one statement with the lookup's state, when the state last read was usable and the one
   * read with the rows is too, at the same generation — else null, and the request goes the usual way (the state
   * first, marked users read in, then the query). Every such request saves a round trip.
   */
  private async answerWithStatus(query: ParsedUserQuery): Promise<UserQueryResult | null> {
    const last = this.lastStatus;
    if (query.include.length === 0 || !last?.ready || last.dirty || Date.now() < this.absentUntil) return null;
    try {
      const read = await this.query.includedWithStatus(query, last.generation);
      if (!read || !read.status.ready || read.status.dirty || read.status.generation !== last.generation) return null;
      if (query.search && !read.status.searchExact) return null;
      this.lastStatus = read.status;
      return read.result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      // Whatever went wrong, the usual way finds it again (and says so).
      return null;
    }
  }

  /** Starts reading a large backlog of marked users (e.g. after a bulk import) without waiting for it. */
  async start(): Promise<void> {
    const status = await this.readStatus();
    if (status?.ready && status.dirty && (await countDirty(this.db, this.inlineLimit)) > this.inlineLimit)
      this.catchUpInBackground();
  }

  /** Waits for background work (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([this.applying, this.catchingUp]);
  }

  private async current(): Promise<LookupStatus | null> {
    let status = await this.readStatus();
    // Marks seen now were made by writes committed before this request: read them in before answering. Another
    // request's run may have started before some of them, so look again after waiting for it.
    for (let round = 0; status?.ready && status.dirty && round < 5; round++) {
      if (this.catchingUp) return null;
      if (!this.applying) {
        if ((await countDirty(this.db, this.inlineLimit)) > this.inlineLimit) {
          this.catchUpInBackground();
          return null;
        }
        this.applying = applyMarkedChanges(this.db, { batchSize: this.batchSize }).finally(() => {
          this.applying = null;
        });
      }
      await this.applying;
      status = await this.readStatus();
    }
    return status?.ready && !status.dirty ? status : null;
  }

  private async readStatus(): Promise<LookupStatus | null> {
    if (Date.now() < this.absentUntil) return (this.lastStatus = null);
    try {
      return (this.lastStatus = await readLookupStatus(this.db));
    } catch {
      this.absentUntil = Date.now() + RECHECK_MS;
      return (this.lastStatus = null);
    }
  }

  /**
   * The users' current versions (0 for a user no trigger has marked since the lookup was installed): every write to
   * a user's row, meta or orders bumps it in the same transaction, so a value cached at version v is current while the
   * version is still v. Null when versions are not kept (no lookup), or not for this order storage.
   */
  async versionsOf(ids: readonly number[], storage: 'hpos' | 'posts'): Promise<Map<number, number> | null> {
    const status = this.lastStatus;
    if (!status || (storage === 'hpos' && !status.hposOrdersTracked) || ids.length === 0) return null;
    try {
      const listed = inList(this.db.dialect, 'user_id', ids);
      const rows = await this.db.query<{ user_id: number | string; version: number | string }>(
        `SELECT user_id, version FROM ${this.db.table(LOOKUP_TABLES.versions)} WHERE ${listed.sql}`,
        listed.params,
      );
      return new Map(rows.map((row) => [Number(row.user_id), Number(row.version)]));
    } catch {
      return null;
    }
  }

  private catchUpInBackground(): void {
    if (this.catchingUp) return;
    const started = Date.now();
    this.logger.info(
      "Reading changed users into the customers lookup in the background; lists use WordPress's query meanwhile",
    );
    this.catchingUp = applyMarkedChanges(this.db, { batchSize: this.batchSize })
      .then(({ processed }) =>
        this.logger.info(
          `The customers lookup read ${processed} changed users in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        ),
      )
      .catch((error: unknown) =>
        this.logger.error('Reading changed users into the customers lookup failed', { error: String(error) }),
      )
      .finally(() => {
        this.catchingUp = null;
      });
  }
}
