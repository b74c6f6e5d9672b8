#!/usr/bin/env node
// Plain JavaScript shim so the bin stays executable whatever tsc emits.
require('../dist/src/cli.js')
  .main(process.argv.slice(2))
  .catch((error) => {
    process.stderr.write(`wc-host: ${error && error.message ? error.message : String(error)}\n`);
    process.exit(1);
  });
