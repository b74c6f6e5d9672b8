import pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import { holdsSecretField, REDACTED_PATHS } from './logRedaction';
import type { Logger, LogLevel } from './types';

/** Where a log line goes: stdout for debug and info, stderr for warnings and errors. */
export type LogStream = 'out' | 'err';

/** What a line is written to when no `write` callback is given (process.stdout, process.stderr). */
export interface LogTarget {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * The host's logger, on pino: one JSON object per line (`{"level":"info","time":"…","msg":"…",…fields}`), or
 * pino-pretty's human-readable lines on a terminal. Secrets in fields are redacted (see logRedaction.ts).
 * Errors and warnings go to stderr so stdout stays clean for commands that print data (e.g. `keys create --json`).
 * `write` receives every line (without its newline) instead of the process's streams, as JSON: tests read it.
 */
export function createLogger(level: LogLevel = 'info', write?: (stream: LogStream, line: string) => void): Logger {
  const out = write ? lineTo((line) => write('out', line)) : terminalOrJson(process.stdout);
  const err = write ? lineTo((line) => write('err', line)) : terminalOrJson(process.stderr);
  // dedupe: each line goes only to the stream with the highest level it reaches.
  const streams = pino.multistream(
    [
      { level: 'debug', stream: out },
      { level: 'warn', stream: err },
    ],
    { dedupe: true },
  );
  const options: pino.LoggerOptions = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    // The level's name rather than pino's number: readable, and what `LOG_LEVEL` is set to.
    formatters: { level: (label) => ({ level: label }) },
  };
  const redacting = pino({ ...options, redact: { paths: REDACTED_PATHS } }, streams);
  // The same lines for fields that hold no secret field: without redaction's copy of every line.
  const plain = pino(options, streams);
  const log = (at: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    (holdsSecretField(fields) ? redacting : plain)[at](fields ?? {}, message);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * A destination writing to `target`: pino-pretty's one-line format on a terminal, the JSON line otherwise.
 * Pretty-printing runs here, synchronously (pino-pretty's prettyFactory), rather than in pino-pretty's stream or a
 * worker transport, so a line logged just before process.exit() is not lost.
 */
export function terminalOrJson(target: LogTarget): pino.DestinationStream {
  if (!target.isTTY) return { write: (line) => void target.write(line) };
  const pretty = prettyFactory({ singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return { write: (line) => void target.write(pretty(line)) };
}

function lineTo(write: (line: string) => void): pino.DestinationStream {
  return { write: (line) => write(line.endsWith('\n') ? line.slice(0, -1) : line) };
}
