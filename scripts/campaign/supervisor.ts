import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import type { Role } from './recovery.js';

/**
 * The app's processes (`pipedrive-xero start | serve | worker`), run as a process manager would:
 * each slot keeps one process; one that exits on its own is a crash, recorded and restarted after
 * `restartDelayMs`; one we kill -9 is restarted at once unless held down. Each process's JSON log
 * goes to `<logDir>/<slot>.log`, and the lines that show work done are reported: a Pipedrive event
 * taken in (role `serve`) or a job finished (role `worker`).
 *
 * States of a slot: down → starting → up → (killed | crashed) → starting … ; held: down until released.
 */
export interface SlotSpec {
  name: string;
  command: 'start' | 'serve' | 'worker';
  roles: Role[];
}

export interface Crash {
  slot: string;
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the process wrote. */
  tail: string[];
}

interface Slot {
  spec: SlotSpec;
  child: ChildProcess | null;
  expectedExit: boolean;
  held: boolean;
  ready: Promise<void> | null;
  tail: string[];
  starts: number;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY: Record<Role, string> = { serve: 'http: listening', worker: 'worker: taking jobs' };
/** The app's log lines that start and end a queue pool (src/queue/port.ts POOL_STARTED, supervise.ts). */
const POOL_STARTED = 'job queue: pool started';
const RUNNER_STOPPED = 'job queue: the runner stopped; starting it again';
const WORK: Record<string, Role> = { 'pipedrive event': 'serve', 'job succeeded': 'worker' };

export interface SupervisorOptions {
  env: Record<string, string>;
  slots: SlotSpec[];
  logDir: string;
  restartDelayMs?: number;
  onWork?: (slot: string, role: Role, at: number) => void;
  onCrash?: (crash: Crash) => void;
}

export class Supervisor {
  readonly crashes: Crash[] = [];
  /** Graphile pools that ended (their process exited, or their runner stopped), and when. */
  readonly deadPools = new Map<string, number>();
  private readonly slots = new Map<string, Slot>();
  private readonly logs = new Map<string, WriteStream>();
  private stopping = false;
  /** Ctrl-C or a kill of the campaign leaves no app process behind. */
  private readonly killAll = () => {
    for (const slot of this.slots.values()) slot.child?.kill('SIGKILL');
  };
  private readonly interrupted = () => process.exit(130);

  constructor(private readonly options: SupervisorOptions) {
    process.on('exit', this.killAll);
    process.once('SIGINT', this.interrupted);
    process.once('SIGTERM', this.interrupted);
    for (const spec of options.slots)
      this.slots.set(spec.name, {
        spec,
        child: null,
        expectedExit: false,
        held: false,
        ready: null,
        tail: [],
        starts: 0,
      });
  }

  names(): string[] {
    return [...this.slots.keys()];
  }

  spec(name: string): SlotSpec {
    return this.slot(name).spec;
  }

  isUp(name: string): boolean {
    const child = this.slot(name).child;
    return child !== null && child.exitCode === null && child.signalCode === null;
  }

  /** The process id of the slot's process while it runs; undefined while it is down. */
  pid(name: string): number | undefined {
    return this.isUp(name) ? this.slot(name).child?.pid : undefined;
  }

  /**
   * Resolves true once the slot's process is running (a crashed one is being restarted), false
   * when the slot is held down or `timeoutMs` passes first.
   */
  async whenUp(name: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isUp(name)) {
      if (this.slot(name).held || Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return true;
  }

  /** Starts the slot's process and resolves once it says it is listening / taking jobs. */
  start(name: string): Promise<void> {
    const slot = this.slot(name);
    slot.held = false;
    if (this.isUp(name) && slot.ready) return slot.ready;
    slot.starts += 1;
    const child = spawn(process.execPath, ['bin/pipedrive-xero.js', slot.spec.command], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    slot.child = child;
    slot.expectedExit = false;
    const file = this.logOf(name);
    // Output can still arrive after stopAll ended the logs (a child that had already exited).
    const log = { write: (text: string) => void (file.writableEnded || file.write(text)) };
    log.write(`--- ${new Date().toISOString()} start #${slot.starts} (pid ${child.pid})\n`);
    const waiting = new Set(slot.spec.roles.map((role) => READY[role]));
    let resolveReady!: () => void;
    let rejectReady!: (error: Error) => void;
    slot.ready = new Promise<void>((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    slot.ready.catch(() => undefined);
    // The queue pool this process runs now, from its log; it ends with its
    // runner or its process.
    let pool: string | undefined;
    const poolEnded = () => {
      if (pool !== undefined) this.deadPools.set(pool, Date.now());
      pool = undefined;
    };
    child.once('exit', poolEnded);
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on('line', (text) => {
        log.write(`${text}\n`);
        slot.tail.push(text);
        if (slot.tail.length > 30) slot.tail.shift();
        const msg = messageOf(text);
        if (msg === undefined) return;
        if (msg === POOL_STARTED || msg === RUNNER_STOPPED) poolEnded();
        if (msg === POOL_STARTED) pool = poolOf(text);
        waiting.delete(msg);
        if (waiting.size === 0) resolveReady();
        const role = WORK[msg];
        if (role && slot.child === child) this.options.onWork?.(name, role, Date.now());
      });
    }
    // 'close', not 'exit': it comes after the last lines of stdout and stderr (a crash's stack
    // trace arrives after 'exit'), so the log and the crash's tail hold them.
    child.once('close', (code, signal) => {
      log.write(`--- ${new Date().toISOString()} exit code=${code} signal=${signal}\n`);
      rejectReady(new Error(`${name} exited (${code ?? signal}) before it was ready`));
      if (slot.child !== child || slot.expectedExit || this.stopping) return;
      const crash: Crash = { slot: name, at: Date.now(), code, signal, tail: [...slot.tail] };
      this.crashes.push(crash);
      this.options.onCrash?.(crash);
      setTimeout(() => {
        if (!this.stopping && !slot.held && slot.child === child)
          void this.start(name).catch(() => undefined);
      }, this.options.restartDelayMs ?? 1000);
    });
    return slot.ready;
  }

  /** kill -9; restarted at once unless `hold`, which keeps it down until `start`. */
  async kill9(name: string, hold = false): Promise<void> {
    const slot = this.slot(name);
    slot.held = hold;
    const child = slot.child;
    if (child && this.isUp(name)) {
      slot.expectedExit = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    if (!hold) void this.start(name).catch(() => undefined);
  }

  /** Every slot up (a held or crashed one is started again); resolves when all are ready. */
  async ensureAllUp(): Promise<void> {
    await Promise.all(this.names().map((name) => this.start(name).catch(() => this.start(name))));
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    process.off('exit', this.killAll);
    process.off('SIGINT', this.interrupted);
    process.off('SIGTERM', this.interrupted);
    await Promise.all(
      [...this.slots.values()].map(async (slot) => {
        const child = slot.child;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        // 'close', after the last lines of its output: the logs end below, and 'start' writes
        // the exit line to them on 'close'.
        const exited = new Promise((resolve) => child.once('close', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await Promise.all(
      [...this.logs.values()].map((log) => new Promise((resolve) => log.end(resolve))),
    );
  }

  private slot(name: string): Slot {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`no slot ${name}`);
    return slot;
  }

  private logOf(name: string): WriteStream {
    let log = this.logs.get(name);
    if (!log) {
      log = createWriteStream(join(this.options.logDir, `${name}.log`), { flags: 'a' });
      this.logs.set(name, log);
    }
    return log;
  }
}

function poolOf(text: string): string | undefined {
  const pool = (JSON.parse(text) as { pool?: unknown }).pool;
  return typeof pool === 'string' ? pool : undefined;
}

function messageOf(text: string): string | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(text) as { msg?: unknown };
    return typeof parsed.msg === 'string' ? parsed.msg : undefined;
  } catch {
    return undefined;
  }
}
