// Writes the hooks tables of README.md and plugins/customers/README.md from the hook map (src/hooks/hookMap.ts and
// the maps plugins declare), between their hooks-table markers:
//   npm run docs:hooks            rewrite the tables
//   npm run docs:hooks -- --check exit 1 when a table differs from what the map says (test/docs.hooksTable.test.ts
//                                 checks the same in `npm test`)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hooksReadmes, withGeneratedTable } from './hooksDocs/hooksReadmes';

const check = process.argv.includes('--check');
let stale = 0;
for (const target of hooksReadmes()) {
  const current = readFileSync(target.readme, 'utf8');
  const generated = withGeneratedTable(target, current);
  const name = path.relative(process.cwd(), target.readme);
  if (generated === current) continue;
  if (check) {
    stale++;
    process.stderr.write(`${name}: the hooks table differs from the hook map (run npm run docs:hooks)\n`);
  } else {
    writeFileSync(target.readme, generated);
    process.stdout.write(`${name}: hooks table written\n`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
