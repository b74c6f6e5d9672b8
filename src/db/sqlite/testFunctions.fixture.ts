import { isMainThread, threadId } from 'node:worker_threads';
import type { RegisterSqliteFunctions } from './readPool';

/**
 * Test fixture for readPool.test.ts: the custom SQL functions a `functionsModule` would register. Loaded as TypeScript
 * inside the pool's workers (through ts-node), which is part of what the tests prove.
 */
export const registerSqliteFunctions: RegisterSqliteFunctions = (db) => {
  db.function('reverse_text', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? [...value].reverse().join('') : null,
  );
  db.function('thread_id', () => threadId);
  // Ends the thread mid-query, like a crash. Only in workers: on the main thread it would end the test run.
  if (!isMainThread) {
    db.function('exit_worker', () => process.exit(7));
  }
};
