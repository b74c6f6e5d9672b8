import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageVersion } from './packageVersion';

const ROOT = path.resolve(__dirname, '..', '..');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe("wc-host's version", () => {
  it('comes from package.json, from the sources and from the built dist/src/cli/ alike', () => {
    expect(packageVersion()).toBe(version);
    expect(packageVersion(path.join(ROOT, 'dist', 'src', 'cli'))).toBe(version);
  });

  it('says so when there is no wc-host package.json above', () => {
    expect(() => packageVersion(os.tmpdir())).toThrow("Cannot find wc-host's package.json");
  });
});
