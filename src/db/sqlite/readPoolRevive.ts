import Database from 'better-sqlite3';
import type { SerializedError } from './readPoolProtocol';

/**
 * Rows as the main connection would return them: structured clone turned the worker's BLOB Buffers into plain
 * Uint8Arrays, which callers comparing with Buffer.isBuffer or calling .toString('hex') would trip on. The Buffer is
 * a view over the cloned bytes, not a copy. Mutates and returns `rows` (they are fresh clones, owned by nobody else).
 */
export function rowsFromWorker(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
        row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    }
  }
  return rows;
}

/**
 * The worker's error rebuilt on this thread with the same class where it matters (better-sqlite3's SqliteError,
 * TypeError, RangeError), message and `code`, so callers handle it exactly like an error from the main connection.
 */
export function errorFromWorker(error: SerializedError): Error {
  if (error.name === 'SqliteError' && error.code !== undefined)
    return new Database.SqliteError(error.message, error.code);
  const rebuilt =
    error.name === 'TypeError'
      ? new TypeError(error.message)
      : error.name === 'RangeError'
        ? new RangeError(error.message)
        : new Error(error.message);
  if (error.code !== undefined) Object.assign(rebuilt, { code: error.code });
  return rebuilt;
}
