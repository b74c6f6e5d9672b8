import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readHookConstants, readHookMap, type HookConstants } from './readHookDocs';
import { renderHooksTable } from './renderHooksTable';

const ROOT = path.resolve(__dirname, '..', '..');
const HOST_MAP = path.join(ROOT, 'src', 'hooks', 'hookMap.ts');
const CUSTOMERS_MAP = path.join(ROOT, 'plugins', 'customers', 'hooks.ts');

export const TABLE_START =
  '<!-- hooks-table:start — generated from the hook map by `npm run docs:hooks`; edit the map, not this table -->';
export const TABLE_END = '<!-- hooks-table:end -->';

/** A README whose hooks table is generated, and the constants it lists. */
export interface HooksReadme {
  readme: string;
  constName: string;
  constants: HookConstants;
}

/**
 * The READMEs with a generated hooks table. Each constants object must name every hook its own file's map
 * declares (so every hook is reachable as a constant), and only hooks some map declares.
 */
export function hooksReadmes(): HooksReadme[] {
  const hostConstants = readHookConstants(HOST_MAP, 'HOST_HOOKS');
  const customerConstants = readHookConstants(CUSTOMERS_MAP, 'CUSTOMER_HOOKS', { HOST_HOOKS: hostConstants });
  requireConstantsFor(HOST_MAP, 'HOST_HOOKS', hostConstants);
  requireConstantsFor(CUSTOMERS_MAP, 'CUSTOMER_HOOKS', customerConstants);
  return [
    { readme: path.join(ROOT, 'README.md'), constName: 'HOST_HOOKS', constants: hostConstants },
    {
      readme: path.join(ROOT, 'plugins', 'customers', 'README.md'),
      constName: 'CUSTOMER_HOOKS',
      constants: customerConstants,
    },
  ];
}

function requireConstantsFor(mapFile: string, constName: string, constants: HookConstants): void {
  const named = new Set(constants.map((constant) => constant.hookName));
  const missing = readHookMap(mapFile).filter((doc) => !named.has(doc.name));
  if (missing.length > 0) {
    throw new Error(
      `${path.relative(ROOT, mapFile)} declares ${missing.map((doc) => doc.name).join(', ')} without a ${constName} constant`,
    );
  }
}

/** The README's text with its table regenerated. Throws when the README lacks the markers. */
export function withGeneratedTable(
  { readme, constName, constants }: HooksReadme,
  text = readFileSync(readme, 'utf8'),
): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`${path.relative(ROOT, readme)} has no ${TABLE_START} … ${TABLE_END} section`);
  const docs = [...readHookMap(HOST_MAP), ...readHookMap(CUSTOMERS_MAP)];
  const table = renderHooksTable(constName, constants, docs);
  return `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`;
}
