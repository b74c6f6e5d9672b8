// bin/wc-host.js on the TypeScript sources (through ts-node), so a test runs the real command without a build.
require('ts-node').register({ transpileOnly: true });
require('../../src/cli')
  .main(process.argv.slice(2))
  .catch((error) => {
    process.stderr.write(`wc-host: ${error && error.message ? error.message : String(error)}\n`);
    process.exit(1);
  });
