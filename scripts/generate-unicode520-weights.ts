// Writes src/collation/unicode520Weights.ts from what a MariaDB server answers for utf8mb4_unicode_520_ci:
//   npx ts-node scripts/generate-unicode520-weights.ts [mysql://user:pass@host:port/]
// It asks WEIGHT_STRING of every code point (except surrogates), keeps those that differ from the implicit formula,
// asks LIKE which formula code points it tells apart from listed ones with the same weights, and checks that the
// written table decodes back to every answer.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';
import { implicitFirstWeight, implicitSecondWeight } from '../src/collation/implicitWeights';
import { weightClasses } from '../src/collation/weightClasses';
import { decodeWeightTable, encodeWeightTable, type WeightTable } from '../src/collation/weightTableFormat';

const COLLATION = 'utf8mb4_unicode_520_ci';
const BATCH = 4096;
const OUTPUT = path.join(__dirname, '..', 'src', 'collation', 'unicode520Weights.ts');

const isSurrogate = (codePoint: number): boolean => codePoint >= 0xd800 && codePoint <= 0xdfff;
const sqlChar = (codePoint: number): string =>
  `(CONVERT(_utf32 0x${codePoint.toString(16).padStart(8, '0')} USING utf8mb4) COLLATE ${COLLATION})`;

/** One SELECT per batch of expressions; the answers as strings (NULL as ''). */
async function selectAll(connection: Connection, expressions: readonly string[]): Promise<string[]> {
  const answers: string[] = [];
  for (let start = 0; start < expressions.length; start += BATCH) {
    const sql = `SELECT ${expressions.slice(start, start + BATCH).join(',')}`;
    const [rows] = await connection.query({ sql, rowsAsArray: true });
    for (const value of (rows as unknown[][])[0]) answers.push(value === null ? '' : String(value));
  }
  return answers;
}

async function askWeights(connection: Connection): Promise<Map<number, number[]>> {
  const codePoints: number[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) if (!isSurrogate(codePoint)) codePoints.push(codePoint);
  const answers = await selectAll(
    connection,
    codePoints.map((codePoint) => `HEX(WEIGHT_STRING(${sqlChar(codePoint)}))`),
  );
  const weights = new Map<number, number[]>();
  codePoints.forEach((codePoint, i) => {
    weights.set(
      codePoint,
      (answers[i].match(/..../g) ?? []).map((hex) => parseInt(hex, 16)),
    );
  });
  return weights;
}

function followsFormula(codePoint: number, weights: readonly number[]): boolean {
  return (
    weights.length === 2 &&
    weights[0] === implicitFirstWeight(codePoint) &&
    weights[1] === implicitSecondWeight(codePoint)
  );
}

/** The formula code points that LIKE does not match with the listed members of their weight class. */
async function askLikeDistinct(connection: Connection, table: WeightTable): Promise<number[]> {
  const probes: Array<{ member: number; anchor: number; implicit: boolean }> = [];
  for (const { listed, implicitTwin } of weightClasses(table)) {
    const [anchor, ...others] = listed;
    for (const member of others) probes.push({ member, anchor, implicit: false });
    if (implicitTwin >= 0) probes.push({ member: implicitTwin, anchor, implicit: true });
  }
  // The pattern is the anchor escaped, so that '%', '_' or '\' stay literal.
  const answers = await selectAll(
    connection,
    probes.map(({ member, anchor }) => `${sqlChar(member)} LIKE CONCAT('|', ${sqlChar(anchor)}) ESCAPE '|'`),
  );
  const distinct: number[] = [];
  probes.forEach(({ member, anchor, implicit }, i) => {
    if (answers[i] === '1') return;
    const pair = `U+${member.toString(16)} and U+${anchor.toString(16)}`;
    if (!implicit) throw new Error(`${pair} weigh the same, both listed, but LIKE tells them apart`);
    distinct.push(member);
  });
  return distinct.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const url = new URL(process.argv[2] ?? 'mysql://root@127.0.0.1:3306/');
  const connection = await createConnection({
    host: url.hostname,
    port: url.port === '' ? 3306 : Number(url.port),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    charset: COLLATION,
  });
  try {
    const [versionRows] = await connection.query({ sql: 'SELECT VERSION()', rowsAsArray: true });
    const version = String((versionRows as unknown[][])[0][0]);
    const all = await askWeights(connection);
    const listed = [...all].filter(([codePoint, weights]) => !followsFormula(codePoint, weights));
    const offsets = [0];
    for (const [, weights] of listed) offsets.push(offsets[offsets.length - 1] + weights.length);
    const table: WeightTable = {
      codePoints: Int32Array.from(listed, ([codePoint]) => codePoint),
      offsets: Int32Array.from(offsets),
      weights: Uint16Array.from(listed.flatMap(([, weights]) => weights)),
      likeDistinct: new Int32Array(),
    };
    const likeDistinct = Int32Array.from(await askLikeDistinct(connection, table));
    const text = encodeWeightTable({ ...table, likeDistinct });
    checkRoundTrip(text, all);
    writeFileSync(
      OUTPUT,
      `// GENERATED by scripts/generate-unicode520-weights.ts from MariaDB ${version} (${COLLATION}); do not edit.\n` +
        `// ${listed.length} code points whose primary weights differ from the implicit formula (src/collation/` +
        `implicitWeights.ts), then the code points LIKE compares by code point; format: weightTableFormat.ts.\n` +
        `export const UNICODE520_WEIGHTS = \`\n${text.replace(/.{1,120}/g, '$&\n')}\`;\n`,
    );
    console.log(`wrote ${OUTPUT}: ${listed.length} listed code points, ${text.length} characters`);
  } finally {
    await connection.end();
  }
}

function checkRoundTrip(text: string, all: ReadonlyMap<number, readonly number[]>): void {
  const decoded = decodeWeightTable(text);
  const byCodePoint = new Map<number, number[]>();
  decoded.codePoints.forEach((codePoint, i) =>
    byCodePoint.set(codePoint, Array.from(decoded.weights.subarray(decoded.offsets[i], decoded.offsets[i + 1]))),
  );
  for (const [codePoint, weights] of all) {
    const got = byCodePoint.get(codePoint) ?? [implicitFirstWeight(codePoint), implicitSecondWeight(codePoint)];
    if (got.join() !== weights.join())
      throw new Error(`round trip: U+${codePoint.toString(16)} decodes to ${got.join()}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
