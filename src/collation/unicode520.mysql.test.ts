import { createConnection, type Connection } from 'mysql2/promise';
import { compareUnicode520, foldUnicode520, likeUnicode520, primaryWeights, sortKeyUnicode520 } from './unicode520';

// A seeded random property test against the live MariaDB (TEST_MYSQL_URL, e.g.
// mysql://wchost:wchost@127.0.0.1:3306/wchost_test): thousands of strings made to stress the collation, and what
// the server answers for ORDER BY, `=`, LIKE and WEIGHT_STRING compared with the JS functions. Every question is
// asked in a few set-based queries over scratch tables, not one query per string.

const COLLATION = 'utf8mb4_unicode_520_ci';
const serverUrl = process.env.TEST_MYSQL_URL;

// Characters grouped by what they may well equal, so that random variants (same groups, other members) give equal
// and near-equal strings; the server decides what is equal. Multi-character members are fine.
// Several groups a line (Prettier would give each its own line).
// prettier-ignore
const GROUPS: readonly (readonly string[])[] = [
  ['a', 'A', 'á', 'Á', 'å', 'ä', 'ª'], ['b', 'B'], ['c', 'C', 'ç'], ['e', 'E', 'é', 'è', 'ë', 'e\u0301'],
  ['i', 'I', 'İ', 'í'], ['ı'], ['l', 'L', 'ł', 'Ł'], ['n', 'N', 'ñ'], ['o', 'O', 'ø', 'Ø', 'ö', 'ó'],
  ['s', 'S', 'ſ'], ['ss', 'ß', 'ẞ', 'SS', 'sS'], ['ae', 'æ', 'Æ', 'AE'], ['oe', 'œ', 'Œ'], ['u', 'U', 'ü', 'Ü'],
  ['t', 'T'], ['x', 'X'], ['z', 'Z', 'ž'], ['dž', 'ǆ', 'Ǆ', 'ǅ'], ['fi', 'ﬁ'],
  ['0', '٠'], ['1', '¹'], ['9'], ['α', 'Α', 'ά'], ['σ', 'ς', 'Σ'], ['е', 'Е', 'ё'], ['и', 'И', 'й'],
  [' ', '\u00a0', '\u202f', '\u3000', '\u2002'], [' '], ['  '], ['\t'], ['\n'], ['\r'], ['\u000b', '\f'],
  ['\u0085'], ['\u2028', '\u2029'], ['\u180e'],
  ['\u0000', '\u0001', '\u001f', '\u007f', '\u200b', '\u0301', '\u{e0001}', '\ufe0f'],
  ['%'], ['_'], ['\\'], ['|'], ['-', '‐', '‑'], ['.'], [','], ["'"], ['"'], ['@'], ['!'], ['%_'],
  ['一', '⼀'], ['\u2e80', '\u4e36'], ['\u4d56', '\u{2fa16}'], ['\uf900', '\u8c48'], ['中'], ['㐀'], ['\u{20000}'],
  ['한'], ['\u1112'], ['😀'], ['👍', '👍\u{1f3fb}'], ['\u{1f3fb}'], ['\ufdfa'], ['\ufffd'], ['\u0378'],
  ['\u{50000}'], ['\u{10fffd}'],
];
const LETTER_GROUPS = GROUPS.filter((group) => /^[a-z]+$/.test(group[0]));

// The hand-picked cases of unicode520.test.ts, asked of the server too.
const FIXED = [
  'Müller',
  'muller',
  'MÜLLER',
  'ß',
  'ss',
  'æ',
  'ae',
  'Øster',
  'oster',
  'a',
  'a  ',
  'a ',
  'a\u00a0',
  'a \t',
  'a\t',
  'a\t ',
  'a \tb',
  'a  b',
  'a b',
  'a  \t',
  '⼀',
  '一',
  '\u{2fa16}',
  '\u4d56',
  'e\u0301',
  'é',
  'ı',
  'i',
  'İ',
  '',
  '   ',
  'a\u0001',
  '\u0001',
  '\u0002',
  '😀',
  'a%',
  'a_',
  'a\\',
  'a|',
  'ab\\',
  '-',
  'z',
  'ab',
];

function seeded(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const random = seeded(20260520);
const pick = <T>(items: readonly T[]): T => items[random(items.length)];
const chance = (percent: number): boolean => random(100) < percent;

/** A string as the groups it was made from, so that a variant can pick other members. */
type Made = Array<readonly string[]>;
const makeGroups = (): Made =>
  Array.from({ length: random(11) }, () => (chance(40) ? pick(LETTER_GROUPS) : pick(GROUPS)));
const spell = (made: Made): string => made.map(pick).join('');

const texts: string[] = [...FIXED];
const equalCandidates: Array<[number, number]> = [];
for (let i = 0; i < 2500; i++) {
  const made = makeGroups();
  const first = texts.push(spell(made)) - 1;
  for (let variants = random(3); variants > 0; variants--) {
    let text = spell(made);
    if (chance(30)) text += pick(['', ' ', '  ', '\u00a0', '\t', ' \t', '\u0001', '\n ']);
    equalCandidates.push([first, texts.push(text) - 1]);
  }
}
const chars = (text: string): string[] => Array.from(text);
const substring = (text: string): string => {
  const all = chars(text);
  const start = random(all.length + 1);
  return all.slice(start, start + random(all.length - start + 1)).join('');
};
const partner = new Map<number, number>();
for (const [a, b] of equalCandidates) partner.set(a, b).set(b, a);
/** Another text of the same groups (a variant, or the original), the text itself, or any text. */
const related = (id: number): string => {
  const other = partner.get(id);
  return other !== undefined && chance(60) ? texts[other] : chance(50) ? texts[id] : pick(texts);
};

/** Random LIKE patterns made from (mostly) the subject: wildcards, escapes, and a final lone escape now and then. */
function makePattern(id: number, escape: string): string {
  let pattern = chance(40) ? '%' : '';
  for (const c of chars(substring(related(id)))) {
    if (chance(10)) pattern += '_';
    else if ((c === '%' || c === '_' || c === escape) && chance(85)) pattern += escape + c;
    else pattern += c;
    if (chance(10)) pattern += '%';
  }
  if (chance(40)) pattern += '%';
  if (chance(5)) pattern += escape;
  return pattern;
}
const escapeLiteral = (term: string): string => term.replace(/[%_\\]/g, '\\$&');

const patterns = texts
  .flatMap((_, id) => [0, 1, 2].map(() => ({ id, escape: chance(20) ? '|' : '\\' })))
  .map(({ id, escape }) => ({ id, escape, pattern: makePattern(id, escape) }));
const terms = texts
  .flatMap((_, id) => [substring(related(id)), chance(20) ? texts[id] : substring(pick(texts))])
  .map((term, i) => ({ id: i >> 1, term }));
const randomPairs = Array.from({ length: 5000 }, (): [number, number] => [random(texts.length), random(texts.length)]);

(serverUrl ? describe : describe.skip)(`${COLLATION} against MariaDB`, () => {
  let connection: Connection;
  const prefix = `collation_${process.pid}_${Date.now() % 1_000_000}`;

  const select = async (sql: string): Promise<unknown[][]> => {
    const [rows] = await connection.query({ sql, rowsAsArray: true });
    return rows as unknown[][];
  };
  const insert = async (table: string, columns: string, rows: unknown[][]): Promise<void> => {
    for (let start = 0; start < rows.length; start += 2000) {
      await connection.query(`INSERT INTO ${table} (${columns}) VALUES ?`, [rows.slice(start, start + 2000)]);
    }
  };

  beforeAll(async () => {
    const url = new URL(serverUrl as string);
    const database = decodeURIComponent(url.pathname.slice(1)) || 'wchost_test';
    connection = await createConnection({
      host: url.hostname,
      port: url.port === '' ? 3306 : Number(url.port),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      charset: COLLATION,
    });
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE ${COLLATION}`);
    await connection.query(`USE \`${database}\``);
    const text = `VARCHAR(500) CHARACTER SET utf8mb4 COLLATE ${COLLATION} NOT NULL`;
    await connection.query(`CREATE TABLE ${prefix}_texts (id INT PRIMARY KEY, s ${text})`);
    await connection.query(`CREATE TABLE ${prefix}_patterns (id INT PRIMARY KEY, sid INT, esc CHAR(1), p ${text})`);
    await connection.query(`CREATE TABLE ${prefix}_terms (id INT PRIMARY KEY, sid INT, t ${text})`);
    await connection.query(`CREATE TABLE ${prefix}_pairs (id INT PRIMARY KEY, a INT, b INT)`);
    await insert(
      `${prefix}_texts`,
      'id, s',
      texts.map((s, id) => [id, s]),
    );
    await insert(
      `${prefix}_patterns`,
      'id, sid, esc, p',
      patterns.map((q, i) => [i, q.id, q.escape, q.pattern]),
    );
    await insert(
      `${prefix}_terms`,
      'id, sid, t',
      terms.map((q, i) => [i, q.id, escapeLiteral(q.term)]),
    );
    await insert(
      `${prefix}_pairs`,
      'id, a, b',
      [...equalCandidates, ...randomPairs].map(([a, b], i) => [i, a, b]),
    );
  });

  afterAll(async () => {
    if (!connection) return;
    for (const table of ['texts', 'patterns', 'terms', 'pairs']) {
      await connection.query(`DROP TABLE IF EXISTS ${prefix}_${table}`);
    }
    await connection.end();
  });

  it('stores the texts as they are', async () => {
    const rows = await select(`SELECT s FROM ${prefix}_texts ORDER BY id`);
    expect(rows.map(([s]) => s)).toEqual(texts);
  });

  it('weighs every text as WEIGHT_STRING does', async () => {
    const rows = await select(`SELECT id, HEX(WEIGHT_STRING(s)) FROM ${prefix}_texts ORDER BY id`);
    const hex = (text: string): string =>
      chars(text)
        .flatMap((c) => primaryWeights(c.codePointAt(0) as number))
        .map((w) => w.toString(16).padStart(4, '0').toUpperCase())
        .join('');
    expect(rows.map(([, weights]) => weights)).toEqual(texts.map(hex));
  });

  it('sorts as ORDER BY, and compares equal as `=` (sortKeyUnicode520, compareUnicode520)', async () => {
    const rows = await select(`SELECT id, s = LAG(s) OVER (ORDER BY s, id) FROM ${prefix}_texts ORDER BY s, id`);
    const keys = texts.map(sortKeyUnicode520);
    const ids = texts.map((_, id) => id);
    const byKey = [...ids].sort((a, b) => Buffer.compare(keys[a], keys[b]) || a - b);
    const byCompare = [...ids].sort((a, b) => Math.sign(compareUnicode520(texts[a], texts[b])) || a - b);
    const byServer = rows.map(([id]) => Number(id));
    expect(byKey).toEqual(byServer);
    expect(byCompare).toEqual(byServer);
    const equalToPrevious = rows.slice(1).map(([id, equal], i) => [byServer[i], Number(id), Number(equal)]);
    expect(equalToPrevious.filter(([, , equal]) => equal === 1).length).toBeGreaterThan(500);
    expect(equalToPrevious).toEqual(equalToPrevious.map(([a, b]) => [a, b, keys[a].equals(keys[b]) ? 1 : 0]));
  });

  it('compares pairs as `=`', async () => {
    const rows = await select(
      `SELECT p.a, p.b, x.s = y.s FROM ${prefix}_pairs p JOIN ${prefix}_texts x ON x.id = p.a ` +
        `JOIN ${prefix}_texts y ON y.id = p.b ORDER BY p.id`,
    );
    const expected = rows.map(([a, b]) => {
      const [left, right] = [texts[Number(a)], texts[Number(b)]];
      const byKey = sortKeyUnicode520(left).equals(sortKeyUnicode520(right)) ? 1 : 0;
      return [a, b, byKey, compareUnicode520(left, right) === 0 ? 1 : 0];
    });
    expect(rows.map(([a, b, equal]) => [a, b, Number(equal), Number(equal)])).toEqual(expected);
  });

  it('matches LIKE patterns as LIKE does (likeUnicode520)', async () => {
    const rows = await select(
      `SELECT q.id, IF(q.esc = '|', x.s LIKE q.p ESCAPE '|', x.s LIKE q.p) FROM ${prefix}_patterns q ` +
        `JOIN ${prefix}_texts x ON x.id = q.sid ORDER BY q.id`,
    );
    const got = rows.map(([id, matched]) => {
      const { id: sid, pattern, escape } = patterns[Number(id)];
      const js = likeUnicode520(texts[sid], pattern, escape);
      return { subject: texts[sid], pattern, escape, server: Number(matched) === 1, js };
    });
    expect(got.filter(({ server }) => server).length).toBeGreaterThan(2000);
    expect(got.filter(({ server, js }) => server !== js)).toEqual([]);
  });

  it("answers LIKE '%t%', 't%', '%t' and 't' for literal terms as the folds do", async () => {
    const rows = await select(
      `SELECT q.id, x.s LIKE CONCAT('%', q.t, '%'), x.s LIKE CONCAT(q.t, '%'), x.s LIKE CONCAT('%', q.t), ` +
        `x.s LIKE q.t FROM ${prefix}_terms q JOIN ${prefix}_texts x ON x.id = q.sid ORDER BY q.id`,
    );
    const fromFolds = (subject: string, term: string): number[] => {
      const [x, t] = [foldUnicode520(subject), foldUnicode520(term)];
      const starts = x.subarray(0, t.length).equals(t);
      const ends = x.length >= t.length && x.subarray(x.length - t.length).equals(t);
      return [x.includes(t), starts, ends, x.equals(t)].map(Number);
    };
    const got = rows.map(([id, ...answers]) => {
      const { id: sid, term } = terms[Number(id)];
      return { subject: texts[sid], term, server: answers.map(Number), folds: fromFolds(texts[sid], term) };
    });
    expect(got.filter(({ server }) => server[0] === 1).length).toBeGreaterThan(2000);
    expect(got.filter(({ server, folds }) => server.join() !== folds.join())).toEqual([]);
  });
});
