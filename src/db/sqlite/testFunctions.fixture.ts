import v8 from 'node:v8';
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
  // The thread's new space as V8 has sized it now (it grows toward the young generation's limit under load).
  db.function(
    'new_space_bytes',
    () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? -1,
  );
  // Ends the thread mid-query, like a crash. Only in workers: on the main thread it would end the test run.
  if (!isMainThread) {
    db.function('exit_worker', () => process.exit(7));
  }
};
