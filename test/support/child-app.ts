import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * `bin/pipedrive-xero.js <command>` as a child process, configured only through its environment,
 * with its JSON log lines readable as they come (tests wait for a line instead of sleeping).
 */
export interface ChildApp {
  process: ChildProcess;
  /** Resolves with the first log line (parsed) or output line (text) that `accept` takes. */
  waitFor(
    accept: (line: { text: string; json: any }) => boolean,
    timeoutMs?: number,
  ): Promise<{ text: string; json: any }>;
  output(): string;
  /** SIGKILL: no shutdown code runs (kill -9). */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** `cwd`: the folder holding bin/ (the clone by default; a laid-out image in image-layout.test.ts). */
export function startChildApp(
  args: string[],
  env: Record<string, string>,
  cwd: string = new URL('../..', import.meta.url).pathname,
): ChildApp {
  const child = spawn(process.execPath, ['bin/pipedrive-xero.js', ...args], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: { text: string; json: any }[] = [];
  const waiters = new Set<(line: { text: string; json: any }) => void>();
  let all = '';
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (text) => {
      all += `${text}\n`;
      let json: any = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not a log line
      }
      const line = { text, json };
      lines.push(line);
      for (const waiter of waiters) waiter(line);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    process: child,
    waitFor(accept, timeoutMs = 30_000) {
      const seen = lines.find(accept);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`child: no matching line within ${timeoutMs} ms; output:\n${all}`));
        }, timeoutMs);
        const waiter = (line: { text: string; json: any }) => {
          if (!accept(line)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(line);
        };
        waiters.add(waiter);
        child.once('exit', (code) => {
          if (!waiters.has(waiter)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(new Error(`child exited (${code}) before a matching line; output:\n${all}`));
        });
      });
    },
    output: () => all,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
