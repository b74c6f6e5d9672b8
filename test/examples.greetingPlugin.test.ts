import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { as, createFixtureCustomer, V2 } from './helpers/customers';
import { createTestHost, type TestHost } from './helpers/testHost';
import { typeCheck } from './helpers/typeCheck';

/**
 * examples/greeting-plugin as its author's CI would treat it: type-checked against the public surface only
 * (`wc-host` and `wc-host/customers`, mapped here to the sources those exports are built from), compiled to
 * CommonJS, then loaded by a host from the compiled file (WC_HOST_PLUGINS's path) and asked for its route and for a
 * customer its hook changes.
 */
const EXAMPLE = path.resolve(__dirname, '..', 'examples', 'greeting-plugin');

let compiledDir: string;
let t: TestHost;

beforeAll(async () => {
  const errors = typeCheck(path.join(EXAMPLE, 'tsconfig.repo.json'));
  expect(errors).toEqual([]);

  // What `tsc` emits for each source file, with the example's own options (CommonJS, as its package has no "type").
  compiledDir = mkdtempSync(path.join(os.tmpdir(), 'greeting-plugin-'));
  for (const file of readdirSync(path.join(EXAMPLE, 'src'))) {
    const output = ts.transpileModule(readFileSync(path.join(EXAMPLE, 'src', file), 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true },
      fileName: file,
    });
    mkdirSync(compiledDir, { recursive: true });
    writeFileSync(path.join(compiledDir, file.replace(/\.ts$/, '.js')), output.outputText);
  }
  t = await createTestHost({ pluginModules: [path.join(compiledDir, 'index.js')] });
}, 180_000);

afterAll(async () => {
  await t?.close();
  rmSync(compiledDir, { recursive: true, force: true });
});

it('the compiled plugin imports wc-host by its package name only', () => {
  const js = readFileSync(path.join(compiledDir, 'index.js'), 'utf8');
  const required = [...js.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]).sort();
  expect(required).toEqual(['wc-host', 'wc-host/customers']);
});

it('serves its route: the filtered greeting, pagination headers, and its action', async () => {
  const greeted: Array<[string, number]> = [];
  // The example's hooks are typed in its own program; this one reaches them through the untyped view.
  t.host.hooks.untyped.addFilter(
    'acme_greeting_text',
    'test/greeting',
    (greeting, name) => `${String(greeting)} (${String(name).length} letters)`,
  );
  t.host.hooks.untyped.addAction('acme_greeted', 'test/greeting', (name, count) => {
    greeted.push([String(name), Number(count)]);
  });
  try {
    const response = await t.http.get('/wp-json/acme/v1/greetings/ada?count=3&per_page=2&page=2').expect(200);
    expect(response.body).toEqual([{ number: 3, greeting: 'Hello, ada! (3 letters)' }]);
    expect(response.headers['x-wp-total']).toBe('3');
    expect(response.headers['x-wp-totalpages']).toBe('2');
    expect(response.headers.link).toContain('rel="prev"');
    expect(greeted).toEqual([['ada', 3]]);
  } finally {
    t.host.hooks.untyped.removeAllFilters('acme_greeting_text');
    t.host.hooks.untyped.removeAllActions('acme_greeted');
  }
});

it('answers bad input with its WordPress-style error', async () => {
  const response = await t.http.get('/wp-json/acme/v1/greetings/ada?count=500').expect(400);
  expect(response.body).toEqual({
    code: 'acme_greeting_invalid_count',
    message: 'count must be between 1 and 100.',
    data: { status: 400 },
  });
});

it('adds its greeting to customers through the typed customers hook', async () => {
  const customer = await createFixtureCustomer(t);
  const response = await as(t.http.get(`${V2}/customers/${customer.id}`), t.adminKey).expect(200);
  expect(response.body.greeting).toBe(`Hello, ${customer.username}!`);
});
