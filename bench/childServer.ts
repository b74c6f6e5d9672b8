import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import './cleanup';

export interface ChildServer {
  name: string;
  url: string;
  pid: number;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** CPU time (user + system) the process has used so far, in seconds. */
  cpuSeconds(): number;
  /** Why the process ended (`code 0`, `signal SIGKILL`), or null while it runs. */
  exitReason(): string | null;
  stop(): Promise<void>;
}

/** Children still running: killed when the bench exits, however it exits (error, or Ctrl-C/SIGTERM via cleanup.ts). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Adds a child to those killed when the bench exits; it leaves the set when it exits itself. */
export function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/** A port nothing listens on right now (so two benches, or a developer's server, do not collide). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts a server process and resolves once it answers `readyPath` on its port. */
export async function startChildServer(name: string, args: string[], env: NodeJS.ProcessEnv, port: number, readyPath: string): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  track(child);
  let exit: string | null = null;
  child.once('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `code ${code}`;
  });
  let lastPeak = 0;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url + readyPath);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name,
    url,
    pid: child.pid ?? 0,
    peakRssMiB: () => {
      if (exit !== null) throw new Error(`${name} exited during the measurement (${exit})`);
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      lastPeak = match ? Math.round(Number(match[1]) / 1024) : lastPeak;
      return lastPeak;
    },
    cpuSeconds: () => {
      if (exit !== null) throw new Error(`${name} exited during the measurement (${exit})`);
      // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    exitReason: () => exit,
    stop: () =>
      new Promise((resolve) => {
        if (exit !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
