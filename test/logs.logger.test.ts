import pino from 'pino';
import { terminalOrJson } from '../src/host/logger';
import { REDACTED_PATHS, SECRET_FIELDS } from '../src/host/logRedaction';
import { captureLog, fieldsOf } from './helpers/capturedLog';
import { seededRandom } from './helpers/seededRandom';

/** The host's logger: JSON lines on pino, levels, stdout/stderr, redaction, and pino-pretty on a terminal. */

describe('createLogger', () => {
  it('writes one JSON object per line: level name, ISO time, message and the fields', () => {
    const log = captureLog('info');
    log.logger.info('customer created', { id: 5, email: 'jo@example.com' });
    expect(log.lines).toHaveLength(1);
    const [record] = log.records();
    expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(fieldsOf(record)).toEqual({ level: 'info', msg: 'customer created', id: 5, email: 'jo@example.com' });
  });

  it('sends debug and info to stdout, warnings and errors to stderr (stdout stays clean for `keys create --json`)', () => {
    const log = captureLog('debug');
    log.logger.debug('d');
    log.logger.info('i');
    log.logger.warn('w');
    log.logger.error('e');
    expect(log.records().map((record) => [record.level, record.msg])).toEqual([
      ['debug', 'd'],
      ['info', 'i'],
      ['warn', 'w'],
      ['error', 'e'],
    ]);
    expect(log.streams).toEqual(['out', 'out', 'err', 'err']);
  });

  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
    ['silent', []],
  ] as const)('at LOG_LEVEL=%s writes %j', (level, expected) => {
    const log = captureLog(level);
    log.logger.debug('d');
    log.logger.info('i');
    log.logger.warn('w');
    log.logger.error('e');
    expect(log.records().map((record) => record.level)).toEqual(expected);
  });

  it('redacts credentials and passwords in the fields, at the top and nested', () => {
    const log = captureLog('debug');
    const secrets = {
      authorization: 'Basic c2VjcmV0LWJhc2ljLXRva2Vu',
      cookie: 'wordpress_logged_in=secret-cookie',
      password: 'secret-password-1',
      user_pass: '$P$Bsecret-hash',
      secret: 'secret-plain',
      consumer_key: 'ck_secretconsumerkey',
      consumer_secret: 'cs_secretconsumersecret',
      oauth_consumer_key: 'ck_secretoauthconsumerkey',
      oauth_signature: 'secret-oauth-signature=',
    };
    log.logger.debug('top', { ...secrets });
    log.logger.info('nested', { request: { ...secrets } });
    log.logger.warn('deeper', { request: { headers: { ...secrets } }, list: [{ ...secrets }] });
    const text = log.lines.join('\n');
    for (const value of Object.values(secrets)) expect(text).not.toContain(value);
    const [top, nested, deeper] = log.records();
    const redacted = Object.fromEntries(Object.keys(secrets).map((name) => [name, '[Redacted]']));
    expect(fieldsOf(top)).toEqual({ level: 'debug', msg: 'top', ...redacted });
    expect(nested.request).toEqual(redacted);
    expect(deeper).toMatchObject({ request: { headers: redacted }, list: [redacted] });
  });

  it('keeps everything else, including a truncated key and other fields', () => {
    const log = captureLog('info');
    log.logger.info('authentication failed', { key: 'a1b2c3d', client: '127.0.0.1', user: { id: 1, login: 'admin' } });
    expect(fieldsOf(log.records()[0])).toEqual({
      level: 'info',
      msg: 'authentication failed',
      key: 'a1b2c3d',
      client: '127.0.0.1',
      user: { id: 1, login: 'admin' },
    });
  });
});

describe('lines written without the redaction pass (fields holding no secret field)', () => {
  /** Random fields: objects and arrays up to five levels deep, some keys secret field names, some near misses. */
  function randomFields(random: ReturnType<typeof seededRandom>, depth: number): Record<string, unknown> {
    const keys = [...SECRET_FIELDS, 'id', 'route', 'Password', 'passwords', 'user', 'headers', '0'];
    const fields: Record<string, unknown> = {};
    for (let count = random.int(4); count >= 0; count--) {
      const key = random.chance(30) ? random.pick(keys) : random.pick(['id', 'route', 'user', 'headers', 'list']);
      const kind = depth > 0 ? random.int(4) : 0;
      fields[key] =
        kind === 0
          ? `value-${random.int(1000)}`
          : kind === 1
            ? [randomFields(random, depth - 1), random.int(10)]
            : randomFields(random, depth - 1);
    }
    return fields;
  }

  it('are exactly what pino with the redaction paths writes, for a thousand random lines', () => {
    const random = seededRandom(20261207);
    const log = captureLog('info');
    const reference: string[] = [];
    const redacting = pino(
      {
        timestamp: false,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: REDACTED_PATHS },
      },
      { write: (line: string) => void reference.push(line) },
    );
    let redacted = 0;
    for (let line = 0; line < 1000; line++) {
      const fields = randomFields(random, 5);
      log.logger.info('line', fields);
      redacting.info(fields, 'line');
      if (reference[line].includes('[Redacted]')) redacted++;
    }
    expect(redacted).toBeGreaterThan(100);
    expect(redacted).toBeLessThan(900);
    expect(log.records().map(fieldsOf)).toEqual(
      reference.map((line) => fieldsOf(JSON.parse(line) as Parameters<typeof fieldsOf>[0])),
    );
  });
});

describe('terminalOrJson', () => {
  const line = `${JSON.stringify({ level: 'warn', time: '2026-11-26T12:00:00.000Z', pid: 1, hostname: 'h', msg: 'disk almost full', free: 3 })}\n`;

  function written(isTTY: boolean): string {
    const chunks: string[] = [];
    terminalOrJson({ isTTY, write: (text) => chunks.push(text) }).write(line);
    return chunks.join('');
  }

  it('passes the JSON line through when the stream is not a terminal', () => {
    expect(written(false)).toBe(line);
  });

  it('writes a human-readable line on a terminal (pino-pretty), fields on the same line', () => {
    const pretty = written(true);
    expect(() => JSON.parse(pretty)).toThrow();
    // Colours depend on the terminal; the words do not.
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
    const plain = pretty.replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: disk almost full \{"free":3\}\n$/);
  });
});
