import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * package.json's `exports` map, as Node resolves it for a project that installed wc-host: the two entry points
 * resolve to the built files, every other path is refused. Checked on a copy of package.json in a temporary
 * node_modules with empty stand-ins for the built files, so no build is needed.
 */
const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  typesVersions: Record<string, Record<string, string[]>>;
};

let project: string;

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'wc-host-exports-'));
  const pkg = path.join(project, 'node_modules', 'wc-host');
  mkdirSync(pkg, { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  for (const file of [
    'dist/src/index.js',
    'dist/plugins/customers/index.js',
    'dist/src/host/createHost.js',
    'dist/src/cli.js',
    'bin/wc-host.js',
  ]) {
    mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
    writeFileSync(path.join(pkg, file), 'module.exports = {};\n');
  }
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

/** What Node's require.resolve answers from inside the project: the file, or the error code. */
function resolveFromProject(specifier: string): string {
  const script = `try { console.log(require.resolve(${JSON.stringify(specifier)})) } catch (error) { console.log(error.code) }`;
  return execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' }).trim();
}

it('resolves wc-host and wc-host/customers to the built entry files', () => {
  expect(resolveFromProject('wc-host')).toBe(path.join(project, 'node_modules/wc-host/dist/src/index.js'));
  expect(resolveFromProject('wc-host/customers')).toBe(
    path.join(project, 'node_modules/wc-host/dist/plugins/customers/index.js'),
  );
  expect(resolveFromProject('wc-host/package.json')).toBe(path.join(project, 'node_modules/wc-host/package.json'));
});

it('refuses deep imports', () => {
  for (const deep of [
    'wc-host/dist/src/host/createHost',
    'wc-host/dist/src/host/createHost.js',
    'wc-host/dist/src/index.js',
    'wc-host/src/index',
    'wc-host/bin/wc-host.js',
  ]) {
    expect([deep, resolveFromProject(deep)]).toEqual([deep, 'ERR_PACKAGE_PATH_NOT_EXPORTED']);
  }
});

it('points every entry at a source file of the build, with its types beside it, and keeps main, types and bin', () => {
  const sourceOf = (built: string) =>
    path.join(ROOT, built.replace(/^\.?\/?dist\//, '').replace(/\.(d\.ts|js)$/, '.ts'));
  const entries = Object.entries(manifest.exports).filter(([key]) => key !== './package.json');
  expect(entries.map(([key]) => key)).toEqual(['.', './customers']);
  for (const [, target] of entries) {
    if (typeof target === 'string') throw new Error('each entry has types and default');
    expect(sourceOf(target.types)).toBe(sourceOf(target.default));
    expect(readFileSync(sourceOf(target.default), 'utf8')).toContain('export');
  }
  expect(manifest.exports['.']).toEqual({ types: `./${manifest.types}`, default: `./${manifest.main}` });
  expect(manifest.typesVersions['*'].customers).toEqual([
    (manifest.exports['./customers'] as Record<string, string>).types.slice(2),
  ]);
  expect(manifest.bin['wc-host']).toBe('bin/wc-host.js');
  expect(readFileSync(path.join(ROOT, manifest.bin['wc-host']), 'utf8')).toContain("require('../dist/src/cli.js')");
});
