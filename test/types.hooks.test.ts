import { readFileSync } from 'node:fs';
import path from 'node:path';
import { typeCheck } from './helpers/typeCheck';

/**
 * The hook map's type tests (test/types/hooks.types.ts), compiled with the repository's tsconfig.json and the
 * `@ts-expect-error` directives blanked out: exactly the lines after a directive must fail. A refused case that
 * starts to compile, or an accepted one that stops, fails this test (and `npm run typecheck`).
 */
const TYPES_FILE = path.resolve(__dirname, 'types', 'hooks.types.ts');
const DIRECTIVE = '// @ts-expect-error';

test('each refused case fails to compile on its own line, and every other line compiles', () => {
  const lines = readFileSync(TYPES_FILE, 'utf8').split('\n');
  const expectedLines = lines.flatMap((line, index) => (line.trim().startsWith(DIRECTIVE) ? [index + 2] : []));
  expect(expectedLines.length).toBeGreaterThanOrEqual(20);

  const errors = typeCheck(path.resolve(__dirname, '..', 'tsconfig.json'), {
    rootNames: [TYPES_FILE],
    rewrite: (file, text) => (file === TYPES_FILE ? text.split(DIRECTIVE).join('// (refused)') : text),
  });

  const elsewhere = errors.filter((error) => error.file !== TYPES_FILE);
  expect(elsewhere).toEqual([]);
  const failingLines = [...new Set(errors.map((error) => error.line))].sort((a, b) => a - b);
  expect(failingLines).toEqual(expectedLines);
  // Type errors, not syntax or resolution ones.
  for (const error of errors) expect(error.code).toBeGreaterThanOrEqual(2300);
  expect(errors.some((error) => error.message.includes('"woocommerce_rest_prepare_custmer"'))).toBe(true);
}, 180_000);
