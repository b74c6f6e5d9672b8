import type { Connection } from 'mysql2';

/** How much longer than the server's own statement limit the client waits before it gives the connection up. */
export const CLIENT_GRACE_MS = 250;

/** The part of a mysql2 command this reads: Query and Execute carry `timeout` and the callback `onResult`. */
interface TimedCommand {
  timeout?: number;
  /** mysql2's timer for `timeout`, set when the command starts. */
  queryTimeout?: NodeJS.Timeout | null;
  onResult?: (error: Error | null, ...results: unknown[]) => void;
}

type WithAddCommand = Connection & { addCommand(command: TimedCommand): unknown };

/**
 * Gives every statement on `connection` a client-side deadline: mysql2's per-query `timeout`, which fails the caller
 * with PROTOCOL_SEQUENCE_TIMEOUT. It fires only when the server did not report its own cancellation (see
 * sessionSettings.ts) in time — a stalled network or server — so the connection is then destroyed rather than handed
 * to the next caller with the stuck statement still ahead of its own.
 */
export function limitQueryTime(connection: Connection, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  const target = connection as WithAddCommand;
  const addCommand = target.addCommand.bind(target);
  target.addCommand = (command: TimedCommand) => {
    if ('timeout' in command && command.timeout === undefined) {
      command.timeout = timeoutMs;
      const onResult = command.onResult;
      if (onResult) {
        command.onResult = (error, ...results) => {
          // mysql2 clears its timer only on a normal end: a connection lost mid-statement (a server stopped) reports
          // here directly and would leave it running for the whole timeout, keeping the process from exiting.
          if (command.queryTimeout) clearTimeout(command.queryTimeout);
          command.queryTimeout = null;
          if (error && (error as NodeJS.ErrnoException).code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
          onResult(error, ...results);
        };
      }
    }
    return addCommand(command);
  };
}
