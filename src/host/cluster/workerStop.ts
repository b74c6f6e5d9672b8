import type { BeginStop, StopSignal } from '../http/exitOnSignals';

/** What the primary sends a worker to drain it: the signal the primary received. */
export interface StopMessage {
  type: 'wc-host:stop';
  signal: StopSignal;
}

export function stopMessage(signal: StopSignal): StopMessage {
  return { type: 'wc-host:stop', signal };
}

function isStopMessage(message: unknown): message is StopMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, signal } = message as Record<string, unknown>;
  return type === 'wc-host:stop' && (signal === 'SIGTERM' || signal === 'SIGINT');
}

/**
 * In a cluster worker: drains as on a first signal when the primary asks (a message, so a worker that also got the
 * signal itself, as a terminal's Ctrl-C or systemd send it to the whole process group, does not take it for a second
 * one). A worker whose primary is gone exits at once: node:cluster does that when the IPC channel closes.
 */
export function stopWhenPrimaryAsks(begin: BeginStop): void {
  process.on('message', (message: unknown) => {
    if (isStopMessage(message)) begin(message.signal);
  });
}
