import type { Connection } from 'mysql2';
import { limitQueryTime } from './queryTimeout';

/**
 * A connection shaped as limitQueryTime reads mysql2's (addCommand; a command's `timeout`, `queryTimeout` timer and
 * `onResult`), with a command started as mysql2 starts one: its timer armed (node_modules/mysql2/lib/commands/query.js).
 */
function startedCommand(timeoutMs: number) {
  let destroyed = false;
  const connection = { addCommand: (command: unknown) => command, destroy: () => void (destroyed = true) };
  limitQueryTime(connection as unknown as Connection, timeoutMs);
  const results: unknown[] = [];
  const command: { timeout?: number; queryTimeout?: NodeJS.Timeout | null; onResult?: (error: Error | null) => void } =
    {
      timeout: undefined,
      onResult: (error) => void results.push(error),
    };
  (connection as unknown as { addCommand(command: unknown): unknown }).addCommand(command);
  const fired: string[] = [];
  command.queryTimeout = setTimeout(() => fired.push('timeout'), command.timeout);
  return { command, results, fired, destroyed: () => destroyed };
}

it('gives a statement the deadline and, when its connection is lost mid-statement, stops the deadline timer (mysql2 leaves it running)', async () => {
  const { command, results, fired } = startedCommand(50);
  expect(command.timeout).toBe(50);
  // mysql2 reports a lost connection straight to onResult, past the command's own clean-up.
  const lost = Object.assign(new Error('Connection lost: The server closed the connection.'), {
    code: 'PROTOCOL_CONNECTION_LOST',
    fatal: true,
  });
  command.onResult?.(lost);
  expect(command.queryTimeout).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(fired).toEqual([]);
  expect(results).toEqual([lost]);
});

it('destroys the connection when the client-side deadline passes', () => {
  const { command, destroyed } = startedCommand(50);
  if (command.queryTimeout) clearTimeout(command.queryTimeout);
  command.onResult?.(Object.assign(new Error('Query inactivity timeout'), { code: 'PROTOCOL_SEQUENCE_TIMEOUT' }));
  expect(destroyed()).toBe(true);
});
