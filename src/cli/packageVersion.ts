import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * wc-host's version, read from its package.json at run time: the nearest one named `wc-host` above this file, which
 * is two folders up from src/cli/ (ts-node, ts-jest) and three from dist/src/cli/ (the built package).
 */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isWcHostManifest(manifest)) return manifest.version;
    }
    if (path.dirname(dir) === dir) throw new Error(`Cannot find wc-host's package.json above ${from}`);
  }
}

function isWcHostManifest(value: unknown): value is { name: 'wc-host'; version: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { name, version } = value as { name?: unknown; version?: unknown };
  return name === 'wc-host' && typeof version === 'string';
}
