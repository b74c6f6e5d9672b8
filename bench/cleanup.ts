/**
 * Work that must happen however the bench ends — e.g. giving MariaDB its buffer pool size back. `finally` blocks
 * cover errors; this covers Ctrl-C and SIGTERM: the registered steps run (for at most 30 s), then the process exits
 * (and childServer.ts kills the servers it started).
 */
const steps = new Set<() => Promise<void>>();

/** Registers `step` until the returned function is called. */
export function onInterrupt(step: () => Promise<void>): () => void {
  steps.add(step);
  return () => steps.delete(step);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: cleaning up…\n`);
    const deadline = new Promise((resolve) => setTimeout(resolve, 30_000).unref());
    const all = Promise.allSettled([...steps].map((step) => step()));
    void Promise.race([all, deadline]).then(() => process.exit(130));
  });
}
