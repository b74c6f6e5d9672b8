import Database from 'better-sqlite3';
import { QueryFailedError } from 'typeorm';
import { describeDatabaseFailure, isDatabaseUnavailable } from './databaseUnavailable';
import { ACQUIRE_TIMEOUT } from '../mysql/acquireTimeout';
import { READ_POOL_TIMEOUT } from '../sqlite/readPool';

const withCode = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:3306', { code: 'ECONNREFUSED' })],
    [
      'a lost connection',
      withCode('Connection lost: The server closed the connection.', { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }),
    ],
    ['a client-side query timeout', withCode('Query inactivity timeout', { code: 'PROTOCOL_SEQUENCE_TIMEOUT' })],
    ['a connect timeout', withCode('connect ETIMEDOUT', { code: 'ETIMEDOUT' })],
    ['a pool that gave no connection in time', withCode('No database connection came free', { code: ACQUIRE_TIMEOUT })],
    [
      'MariaDB max_statement_time',
      withCode('Query execution was interrupted (max_statement_time exceeded)', {
        code: 'ER_STATEMENT_TIMEOUT',
        errno: 1969,
      }),
    ],
    [
      'MySQL MAX_EXECUTION_TIME',
      withCode('Query execution was interrupted, maximum statement execution time exceeded', { errno: 3024 }),
    ],
    ['too many connections', withCode('Too many connections', { code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
    ['a lock wait timeout', withCode('Lock wait timeout exceeded', { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 })],
    ['a closed connection', new Error("Can't add new command when connection is in closed state")],
    ['SQLite busy past busy_timeout', new Database.SqliteError('database is locked', 'SQLITE_BUSY')],
    ['SQLite busy snapshot', new Database.SqliteError('database is locked', 'SQLITE_BUSY_SNAPSHOT')],
    [
      'a read worker past its deadline',
      withCode('The SQLite read took longer than 10 ms', { code: READ_POOL_TIMEOUT }),
    ],
    [
      'one wrapped by TypeORM',
      new QueryFailedError('SELECT 1', [], withCode('connect ECONNREFUSED', { code: 'ECONNREFUSED' })),
    ],
    [
      'one given as a cause',
      new Error('could not load the user', { cause: withCode('read ECONNRESET', { code: 'ECONNRESET' }) }),
    ],
    [
      'one in a failed rollback',
      new AggregateError([new Error('work failed'), withCode('Connection lost', { code: 'PROTOCOL_CONNECTION_LOST' })]),
    ],
    ['an error-shaped object from another realm', { message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' }],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a duplicate key', withCode("Duplicate entry 'a' for key 'user_login'", { code: 'ER_DUP_ENTRY', errno: 1062 })],
    ['a syntax error', withCode('You have an error in your SQL syntax', { code: 'ER_PARSE_ERROR', errno: 1064 })],
    ['a SQLite constraint', new Database.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'ID')")],
    ['a thrown string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops at a cause chain that loops', () => {
    const error = new Error('outer') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('describeDatabaseFailure', () => {
  it('names the failing cause by code and message, without a stack', () => {
    const error = new QueryFailedError(
      'SELECT 1',
      [],
      withCode('Query inactivity timeout', { code: 'PROTOCOL_SEQUENCE_TIMEOUT' }),
    );
    expect(describeDatabaseFailure(error)).toBe('PROTOCOL_SEQUENCE_TIMEOUT: Query inactivity timeout');
    expect(describeDatabaseFailure(withCode('connect ECONNREFUSED 127.0.0.1:1', { code: 'ECONNREFUSED' }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:1',
    );
  });
});
