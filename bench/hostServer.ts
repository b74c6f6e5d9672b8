/**
 * wc-host's own `serve` command (src/cli.ts, what `bin/wc-host.js serve` runs), started under the bench's file name:
 * on a machine shared with other work, a `pkill -f "wc-host.js serve"` aimed at a developer's server must not take
 * the server under measurement down mid-run (and the bench's servers are not mistaken for someone else's).
 */
import { main } from '../src/cli';

main(['serve']).catch((error: unknown) => {
  process.stderr.write(`wc-host: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
