import path from 'node:path';
import ts from 'typescript';

export interface TypeError {
  file: string;
  /** 1-based. */
  line: number;
  code: number;
  message: string;
}

/**
 * Type-checks `rootNames` (all of the project's files when omitted) with the compiler options of `tsconfigPath`, as
 * `tsc -p` would, and returns every diagnostic. `rewrite` may change a file's text before it is compiled.
 */
export function typeCheck(
  tsconfigPath: string,
  options: { rootNames?: string[]; rewrite?: (file: string, text: string) => string } = {},
): TypeError[] {
  const config = ts.readConfigFile(tsconfigPath, (file) => ts.sys.readFile(file));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(
    config.config,
    ts.sys,
    path.dirname(tsconfigPath),
    undefined,
    tsconfigPath,
  );
  const compilerOptions = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(compilerOptions, true);
  const { rewrite } = options;
  if (rewrite) {
    const readFile = host.readFile.bind(host);
    host.readFile = (file) => {
      const text = readFile(file);
      return text === undefined ? undefined : rewrite(path.resolve(file), text);
    };
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (file, languageVersion, onError, shouldCreate) => {
      const text = host.readFile(file);
      return text === undefined
        ? getSourceFile(file, languageVersion, onError, shouldCreate)
        : ts.createSourceFile(file, text, languageVersion, true);
    };
  }
  const program = ts.createProgram({
    rootNames: options.rootNames ?? parsed.fileNames,
    options: compilerOptions,
    host,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const position =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : undefined;
    return {
      file: diagnostic.file ? path.resolve(diagnostic.file.fileName) : '',
      line: position ? position.line + 1 : 0,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    };
  });
}
