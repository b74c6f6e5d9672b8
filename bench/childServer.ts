import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import './cleanup';

export interface ChildServer {
  name: string;
  url: string;
  pid: number;
  /** Peak resident set size so far (VmHWM), in MiB: with cluster workers, the sum of each process's peak. */
  peakRssMiB(): number;
  /** CPU time (user + system) the process has used so far, in seconds: with cluster workers, theirs too. */
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

export interface StartOptions {
  /** Also wait for a line of the server's stdout matching this (e.g. a cluster primary's "all workers listening"). */
  readyLine?: RegExp;
}

/** Starts a server process and resolves once it answers `readyPath` on its port (and printed `readyLine`). */
export async function startChildServer(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
  options: StartOptions = {},
): Promise<ChildServer> {
  const stdout = options.readyLine ? 'pipe' : 'ignore';
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', stdout, 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  track(child);
  let sawReadyLine = options.readyLine === undefined;
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    if (sawReadyLine) return;
    printed = (printed + chunk.toString()).slice(-4096);
    if (options.readyLine?.test(printed)) sawReadyLine = true;
  });
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
      if (response.status < 500 && sawReadyLine) break;
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
      const kB = processTree(child.pid ?? 0).reduce(
        (sum, pid) => sum + Number(/VmHWM:\s+(\d+) kB/.exec(readProc(pid, 'status'))?.[1] ?? 0),
        0,
      );
      lastPeak = kB > 0 ? Math.round(kB / 1024) : lastPeak;
      return lastPeak;
    },
    cpuSeconds: () => {
      if (exit !== null) throw new Error(`${name} exited during the measurement (${exit})`);
      // /proc/<pid>/stat: utime, stime, cutime, cstime are fields 14–17, in clock ticks (100 per second on Linux); the
      // last two are children already reaped (a cluster worker that was restarted).
      return processTree(child.pid ?? 0).reduce((sum, pid, index) => {
        const fields = readProc(pid, 'stat')
          .replace(/^.*\) /, '')
          .split(' ');
        const own = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
        return sum + (own + (index === 0 ? Number(fields[13] ?? 0) + Number(fields[14] ?? 0) : 0)) / 100;
      }, 0);
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

/** The process and its children (a cluster primary's workers), from /proc. */
function processTree(pid: number): number[] {
  const children = readProc(pid, `task/${pid}/children`).trim();
  return [pid, ...(children === '' ? [] : children.split(/\s+/).map(Number))];
}

/** A /proc file of `pid`, or '' once the process is gone. */
function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}
