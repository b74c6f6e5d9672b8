import { readFileSync } from 'node:fs';
import { hooksReadmes, withGeneratedTable } from '../scripts/hooksDocs/hooksReadmes';
import { readHookConstants, readHookMap } from '../scripts/hooksDocs/readHookDocs';
import { renderHooksTable } from '../scripts/hooksDocs/renderHooksTable';

/** The READMEs' hooks tables are what `npm run docs:hooks` writes from the hook map: one source for both. */
describe.each(hooksReadmes().map((target) => [target.readme, target] as const))('%s', (_readme, target) => {
  it('has the hooks table the hook map generates', () => {
    const current = readFileSync(target.readme, 'utf8');
    expect(current).toBe(withGeneratedTable(target, current));
  });

  it('lists every hook of its constants', () => {
    const current = readFileSync(target.readme, 'utf8');
    for (const { key, hookName } of target.constants)
      expect(current).toContain(`| \`${hookName}\`<br>\`${target.constName}.${key}\` |`);
  });
});

describe('the generator', () => {
  const source = `
    import type { Thing } from './thing';
    declare module 'wc-host' {
      interface FilterMap {
        /** The thing's label, or a | b. */
        acme_label: [label: string | null, thing: Thing];
      }
      interface ActionMap {
        /**
         * After the thing
         * was saved.
         */
        acme_saved: [thing: Thing, created: boolean];
      }
    }
    export const ACME_HOOKS = { label: 'acme_label', saved: 'acme_saved', check: HOST_HOOKS.check } as const;
  `;

  it('reads entries, JSDoc and constants, and renders one row per constant', () => {
    const docs = readHookMap('acme.ts', source);
    expect(docs).toEqual([
      {
        name: 'acme_label',
        kind: 'filter',
        params: ['label: string | null', 'thing: Thing'],
        returns: 'string | null',
        description: "The thing's label, or a | b.",
        file: 'acme.ts',
      },
      {
        name: 'acme_saved',
        kind: 'action',
        params: ['thing: Thing', 'created: boolean'],
        returns: null,
        description: 'After the thing was saved.',
        file: 'acme.ts',
      },
    ]);
    const constants = readHookConstants(
      'acme.ts',
      'ACME_HOOKS',
      { HOST_HOOKS: [{ key: 'check', hookName: 'acme_label' }] },
      source,
    );
    expect(constants).toEqual([
      { key: 'label', hookName: 'acme_label' },
      { key: 'saved', hookName: 'acme_saved' },
      { key: 'check', hookName: 'acme_label' },
    ]);
    expect(renderHooksTable('ACME_HOOKS', constants.slice(0, 2), docs).split('\n')).toEqual([
      '| hook | kind | callback | when, and what it can change |',
      '|---|---|---|---|',
      "| `acme_label`<br>`ACME_HOOKS.label` | filter | `(label: string \\| null, thing: Thing) → string \\| null` | The thing's label, or a \\| b. |",
      '| `acme_saved`<br>`ACME_HOOKS.saved` | action | `(thing: Thing, created: boolean)` | After the thing was saved. |',
    ]);
  });

  it('refuses an entry without JSDoc, an entry that is not a tuple, and a constant no map declares', () => {
    expect(() => readHookMap('a.ts', 'interface FilterMap { acme_x: [x: string] }')).toThrow(
      'FilterMap.acme_x has no JSDoc',
    );
    expect(() => readHookMap('a.ts', 'interface ActionMap { /** Doc. */ acme_x: string }')).toThrow('must be a tuple');
    expect(() => renderHooksTable('ACME_HOOKS', [{ key: 'x', hookName: 'acme_x' }], [])).toThrow(
      'ACME_HOOKS.x names "acme_x", which no hook map declares',
    );
  });

  it('puts the table between the markers, replacing what was there', () => {
    const [target] = hooksReadmes();
    const stale = readFileSync(target.readme, 'utf8').replace('| `rest_index`', '| `rest_indx`');
    expect(stale).not.toBe(readFileSync(target.readme, 'utf8'));
    expect(withGeneratedTable(target, stale)).toBe(readFileSync(target.readme, 'utf8'));
  });
});
