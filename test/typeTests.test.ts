import path from 'node:path';
import { readdirSync } from 'node:fs';
import ts from 'typescript';

/**
 * The compile-time tests in test/types/*.types.ts, compiled with the project's compiler options: jest runs with type
 * diagnostics off, so without this a refused case that starts compiling (its `@ts-expect-error` now unused) or an
 * accepted one that stops would pass `npm test` unnoticed.
 */
const root = path.resolve(__dirname, '..');
const typeTestDir = path.join(__dirname, 'types');

function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  if (configFile.error) throw new Error(ts.flattenDiagnosticMessageText(configFile.error.messageText, '\n'));
  return { ...ts.parseJsonConfigFileContent(configFile.config, ts.sys, root).options, noEmit: true };
}

/** The diagnostics of `files` themselves (the sources they import are checked by `npm run typecheck`). */
function diagnosticsIn(program: ts.Program, files: string[]): readonly ts.Diagnostic[] {
  return [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => {
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`${file} was not compiled`);
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    }),
  ];
}

function diagnosticsOf(files: string[]): string[] {
  const program = ts.createProgram(files, compilerOptions());
  return diagnosticsIn(program, files).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(root, diagnostic.file.fileName)}:${line + 1}: ${message}`;
  });
}

describe('type tests (test/types)', () => {
  const files = readdirSync(typeTestDir)
    .filter((name) => name.endsWith('.types.ts'))
    .map((name) => path.join(typeTestDir, name));

  it('has type tests to compile', () => {
    expect(files.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(['routes.types.ts', 'options.types.ts']),
    );
  });

  it('compiles every accepted case and refuses every @ts-expect-error case', () => {
    expect(diagnosticsOf(files)).toEqual([]);
  });

  it('fails when a refused case starts compiling', () => {
    // The check itself can fail: an `@ts-expect-error` over a line that compiles is reported.
    const probe = path.join(typeTestDir, 'routes.types.ts');
    const host = ts.createCompilerHost(compilerOptions());
    const readFile = host.readFile.bind(host);
    host.readFile = (file) =>
      path.resolve(file) === probe
        ? `${readFile(file)}\n// @ts-expect-error\nexport const fine: number = 1;\n`
        : readFile(file);
    const program = ts.createProgram([probe], compilerOptions(), host);
    const codes = diagnosticsIn(program, [probe]).map((diagnostic) => diagnostic.code);
    expect(codes).toEqual([2578]); // Unused '@ts-expect-error' directive.
  });
});
