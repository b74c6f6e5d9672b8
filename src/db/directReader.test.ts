import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { createDirectReader } from './directReader';
import { STATEMENT_CACHE_LIMIT } from './statementCacheLimit';

describe('createDirectReader (SQLite)', () => {
  it('keeps at most STATEMENT_CACHE_LIMIT prepared statements, however many texts it is given', async () => {
    const connection = new Database(':memory:');
    try {
      const prepare = jest.spyOn(connection, 'prepare');
      const read = createDirectReader(
        { driver: { databaseConnection: connection } } as unknown as DataSource,
        'sqlite',
      );
      // A plugin writing values into its SQL: every text is new.
      for (let i = 0; i < STATEMENT_CACHE_LIMIT * 5; i++)
        expect(await read(`SELECT ${i} AS n, ? AS b`, [true])).toEqual([{ n: i, b: 1 }]);
      expect(read.cachedStatements()).toBe(STATEMENT_CACHE_LIMIT);
      // A text used again is prepared once.
      prepare.mockClear();
      await read('SELECT 1 AS one', []);
      await read('SELECT 1 AS one', []);
      expect(prepare).toHaveBeenCalledTimes(1);
    } finally {
      connection.close();
    }
  });
});
