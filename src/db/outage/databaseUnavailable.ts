import { ACQUIRE_TIMEOUT } from '../mysql/acquireTimeout';
import { READ_POOL_TIMEOUT } from '../sqlite/readPool';

/** Node's socket errors: the database server cannot be reached, or the connection broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** mysql2's and wc-host's own codes for a lost connection or a statement past its deadline. */
const CLIENT_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  ACQUIRE_TIMEOUT,
  READ_POOL_TIMEOUT,
]);

/**
 * Server error numbers meaning "not now": too many connections (1040, 1203), shutting down (1053), lock wait timeout
 * (1205), statement killed or past max_statement_time / MAX_EXECUTION_TIME (1317, 1969, 3024), idle connection closed
 * by the server (4031). Numbers, because mysql2 names some of them differently for MySQL and MariaDB.
 */
const SERVER_ERRNOS = new Set([1040, 1053, 1203, 1205, 1317, 1969, 3024, 4031]);

/** mysql2 errors that carry no code. */
const CLIENT_MESSAGES = [/^Can't add new command when connection is in closed state/, /^Queue limit reached/];

/** SQLite: another connection holds the lock past busy_timeout, or the file cannot be read or written. */
const SQLITE_CODE = /^SQLITE_(BUSY|LOCKED|IOERR)/;

/**
 * Whether `error` (or what it wraps: TypeORM's `driverError`, `cause`, an AggregateError's errors) says the database
 * is down, unreachable, overloaded or too slow — a reason to answer 503 and try again later, not a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causesOf(error).some(isUnavailableItself);
}

/** One short line naming what failed (code and message, never a stack), for the outage log. */
export function describeDatabaseFailure(error: unknown): string {
  const cause = causesOf(error).find(isUnavailableItself) ?? error;
  if (!isErrorLike(cause)) return String(cause);
  const code = codeOf(cause);
  return code !== undefined && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
}

function isUnavailableItself(error: unknown): boolean {
  if (!isErrorLike(error)) return false;
  const code = codeOf(error);
  if (code !== undefined && (NETWORK_CODES.has(code) || CLIENT_CODES.has(code) || SQLITE_CODE.test(code))) return true;
  const { errno, fatal } = error as { errno?: unknown; fatal?: unknown };
  if (typeof errno === 'number' && SERVER_ERRNOS.has(errno)) return true;
  // mysql2 marks an error fatal when the connection it happened on is gone.
  if (fatal === true) return true;
  return CLIENT_MESSAGES.some((pattern) => pattern.test(error.message));
}

/** The error and everything it wraps, breadth first, without revisiting (a cause chain may loop). */
function causesOf(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.length < 20) {
    const next = pending.shift();
    if (next === undefined || next === null || seen.includes(next)) continue;
    seen.push(next);
    const { errors } = next as { errors?: unknown };
    if (Array.isArray(errors)) pending.push(...(errors as unknown[]));
    if (typeof next === 'object') {
      const { driverError, cause } = next as { driverError?: unknown; cause?: unknown };
      pending.push(driverError, cause);
    }
  }
  return seen;
}

/**
 * Shaped like an Error. Not `instanceof Error`: errors made by Node's own modules (a refused socket) come from
 * another realm where code runs in a vm context, as under jest.
 */
function isErrorLike(value: unknown): value is { message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

function codeOf(error: object): string | undefined {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : undefined;
}
