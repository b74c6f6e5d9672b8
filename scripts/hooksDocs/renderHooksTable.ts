import type { HookConstants, HookDoc } from './readHookDocs';

/** Markdown of one table cell: pipes escaped (also inside code spans, as GitHub's tables require). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/**
 * The hooks table of the constants' hooks, in the constants' order: name and constant, kind, the callback's
 * signature, and the entry's JSDoc. Throws when a constant names a hook no map declares.
 */
export function renderHooksTable(constName: string, constants: HookConstants, docs: readonly HookDoc[]): string {
  const byName = new Map(docs.map((doc) => [doc.name, doc]));
  const rows = constants.map(({ key, hookName }) => {
    const doc = byName.get(hookName);
    if (doc === undefined) throw new Error(`${constName}.${key} names "${hookName}", which no hook map declares`);
    const signature = `(${doc.params.join(', ')})${doc.returns === null ? '' : ` → ${doc.returns}`}`;
    return `| \`${hookName}\`<br>\`${constName}.${key}\` | ${doc.kind} | \`${cell(signature)}\` | ${cell(doc.description)} |`;
  });
  return ['| hook | kind | callback | when, and what it can change |', '|---|---|---|---|', ...rows].join('\n');
}
