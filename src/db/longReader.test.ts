import os from 'node:os';
import type { DataSource } from 'typeorm';
import { longReaderFor } from './longReader';
import * as readPool from './sqlite/readPool';

describe('longReaderFor', () => {
  const dataSource = (database: string) => ({ options: { database } }) as unknown as DataSource;
  const direct = async () => [];

  afterEach(() => jest.restoreAllMocks());

  it.each([
    [1, 1],
    [2, 2],
    [4, 4],
    [16, 4],
  ])('gives a SQLite file one reader worker per core, at most 4 (%i cores → %i)', async (cores, workers) => {
    jest.spyOn(os, 'availableParallelism').mockReturnValue(cores);
    const pool = { query: jest.fn(), close: jest.fn(async () => undefined) };
    const create = jest
      .spyOn(readPool, 'createSqliteReadPool')
      .mockReturnValue(pool as unknown as readPool.SqliteReadPool);
    const reader = longReaderFor(dataSource('/tmp/shop.sqlite'), 'sqlite', direct);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ file: '/tmp/shop.sqlite', size: workers }));
    await reader.close();
    expect(pool.close).toHaveBeenCalled();
  });

  it('reads directly on MySQL and on an in-memory SQLite database (no worker can open it)', () => {
    const create = jest.spyOn(readPool, 'createSqliteReadPool');
    expect(longReaderFor(dataSource('shop'), 'mysql', direct).query).toBe(direct);
    expect(longReaderFor(dataSource(':memory:'), 'sqlite', direct).query).toBe(direct);
    expect(create).not.toHaveBeenCalled();
  });
});
