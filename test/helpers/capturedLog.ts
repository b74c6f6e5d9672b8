import { createLogger, type LogStream } from '../../src/host/logger';
import type { Logger, LogLevel } from '../../src/host/types';

/** One log line as the logger writes it: pino's JSON with the level's name, the message and the fields. */
export interface LogRecord {
  level: Exclude<LogLevel, 'silent'>;
  time: string;
  msg: string;
  [field: string]: unknown;
}

export interface CapturedLog {
  logger: Logger;
  /** Every line written, raw, in order (what an operator's log would hold). */
  lines: string[];
  /** Which stream each line went to, in the same order. */
  streams: LogStream[];
  /** The lines parsed. */
  records(): LogRecord[];
  /** The parsed lines whose message is `msg`. */
  withMessage(msg: string): LogRecord[];
}

/** A real logger (pino, redaction included) whose lines are kept instead of written to stdout/stderr. */
export function captureLog(level: LogLevel = 'info'): CapturedLog {
  const lines: string[] = [];
  const streams: LogStream[] = [];
  const logger = createLogger(level, (stream, line) => {
    streams.push(stream);
    lines.push(line);
  });
  const records = () => lines.map((line) => JSON.parse(line) as LogRecord);
  return { logger, lines, streams, records, withMessage: (msg) => records().filter((record) => record.msg === msg) };
}

/** A line without what every line carries (time, pid, hostname): its level, message and fields. */
export function fieldsOf(record: LogRecord): Record<string, unknown> {
  const { time: _time, pid: _pid, hostname: _hostname, ...fields } = record;
  return fields;
}
