import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The Node options `npm start` runs wc-host with (package.json's start script), so the bench measures that server. */
export function npmStartNodeFlags(): string[] {
  const packageJson = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return (packageJson.scripts?.start ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}
