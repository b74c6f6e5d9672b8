import type { Logger, LogLevel } from './types';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * A line-per-event logger: `2026-11-26T12:00:00.000Z info message {"field":1}`.
 * Errors and warnings go to stderr so stdout stays clean for commands that print data (e.g. `keys create --json`).
 */
export function createLogger(level: LogLevel = 'info', write: (stream: 'out' | 'err', line: string) => void = writeLine): Logger {
  const threshold = RANK[level];
  const log = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (RANK[at] < threshold) return;
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    write(at === 'error' || at === 'warn' ? 'err' : 'out', `${new Date().toISOString()} ${at} ${message}${suffix}`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function writeLine(stream: 'out' | 'err', line: string): void {
  (stream === 'err' ? process.stderr : process.stdout).write(`${line}\n`);
}
