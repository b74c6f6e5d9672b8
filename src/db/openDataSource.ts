import type { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../config/databaseUrl';
import { explainOpenError } from './explainOpenError';

/** The database could not be opened; the message names it and says what to do (the driver's error is the cause). */
export class DatabaseOpenError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

/** `dataSource.initialize()`, with a failure explained for the operator (see explainOpenError). */
export async function openDataSource(dataSource: DataSource, url: string): Promise<DataSource> {
  try {
    return await dataSource.initialize();
  } catch (error) {
    throw new DatabaseOpenError(explainOpenError(error, parseDatabaseUrl(url)), { cause: error });
  }
}
