import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** One hook as its hook-map entry declares it. */
export interface HookDoc {
  name: string;
  kind: 'filter' | 'action';
  /** The tuple's elements as written, e.g. `username: string`. */
  params: string[];
  /** A filter's value type (what its callbacks return); null for an action. */
  returns: string | null;
  /** The entry's JSDoc, on one line. */
  description: string;
  /** The file that declares it. */
  file: string;
}

/** A constant object of hook names (`HOST_HOOKS`, `CUSTOMER_HOOKS`): its keys and the names they hold, in order. */
export type HookConstants = Array<{ key: string; hookName: string }>;

const MAP_KINDS: Record<string, HookDoc['kind']> = { FilterMap: 'filter', ActionMap: 'action' };

function parse(file: string, text = readFileSync(file, 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\[ /g, '[').replace(/,? \]/g, ']').trim();
}

/**
 * Every `FilterMap` / `ActionMap` entry the file declares, at top level or inside `declare module '…'`. Throws when
 * an entry is not a tuple or has no JSDoc: the map is the hooks' only documentation.
 */
export function readHookMap(file: string, text?: string): HookDoc[] {
  const docs: HookDoc[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text in MAP_KINDS) {
      const kind = MAP_KINDS[node.name.text];
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || member.type === undefined) continue;
        const name = member.name.getText().replace(/^['"]|['"]$/g, '');
        if (!ts.isTupleTypeNode(member.type))
          throw new Error(`${file}: ${node.name.text}.${name} must be a tuple of its arguments`);
        const params = member.type.elements.map((element) => oneLine(element.getText()));
        const first = member.type.elements[0];
        const returns =
          kind === 'filter' && first !== undefined
            ? oneLine(ts.isNamedTupleMember(first) ? first.type.getText() : first.getText())
            : null;
        if (kind === 'filter' && returns === null) throw new Error(`${file}: filter ${name} has no value to filter`);
        const description = oneLine(
          ts
            .getJSDocCommentsAndTags(member)
            .filter(ts.isJSDoc)
            .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
            .join(' '),
        );
        if (description === '') throw new Error(`${file}: ${node.name.text}.${name} has no JSDoc`);
        docs.push({ name, kind, params, returns, description, file });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file, text));
  return docs;
}

/**
 * The `export const <name> = { key: 'hook_name', … }` object of the file, in order. A value may also name another
 * constant's key (`HOST_HOOKS.restCheckPermissions`), resolved through `known`.
 */
export function readHookConstants(
  file: string,
  constName: string,
  known: Record<string, HookConstants> = {},
  text?: string,
): HookConstants {
  let found: HookConstants | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText() === constName && node.initializer !== undefined) {
      let initializer: ts.Expression = node.initializer;
      while (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))
        initializer = initializer.expression;
      if (!ts.isObjectLiteralExpression(initializer))
        throw new Error(`${file}: ${constName} must be an object literal`);
      found = initializer.properties.map((property) => {
        if (!ts.isPropertyAssignment(property))
          throw new Error(`${file}: ${constName} may only hold key: 'hook_name' pairs`);
        return { key: property.name.getText(), hookName: resolveName(property.initializer) };
      });
    }
    ts.forEachChild(node, visit);
  };
  const resolveName = (value: ts.Expression): string => {
    if (ts.isStringLiteral(value)) return value.text;
    if (ts.isPropertyAccessExpression(value)) {
      const entry = known[value.expression.getText()]?.find((constant) => constant.key === value.name.text);
      if (entry) return entry.hookName;
    }
    throw new Error(`${file}: ${constName} holds ${value.getText()}, which is neither a string nor a known constant`);
  };
  visit(parse(file, text));
  if (found === undefined) throw new Error(`${file}: no ${constName} constant`);
  return found;
}
