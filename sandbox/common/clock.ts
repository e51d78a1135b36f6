/**
 * The sandbox's notion of time. Vendor rules that depend on time (token lifetimes, rate-limit
 * windows, idempotency TTLs, webhook retry schedules) read this clock, never Date.now(), so tests
 * can jump forward (`advance`) or run time faster than real time (`setRate`).
 *
 * States: virtual time = anchorVirtual + (realNow - anchorReal) * rate. `advance` moves the anchor;
 * `setRate` re-anchors so time never jumps backwards. Scheduled tasks run once virtual time passes
 * their due time: checked on every advance and by a small real-time poll (unref'd).
 */
export interface ScheduledTask {
  cancel(): void;
}

interface Pending {
  dueMs: number;
  run: () => void;
  cancelled: boolean;
}

export class SandboxClock {
  private anchorReal: number;
  private anchorVirtual: number;
  private rate = 1;
  private pending: Pending[] = [];
  private poll: NodeJS.Timeout | undefined;

  constructor(startMs: number = Date.now()) {
    this.anchorReal = Date.now();
    this.anchorVirtual = startMs;
  }

  now(): number {
    return this.anchorVirtual + (Date.now() - this.anchorReal) * this.rate;
  }

  date(): Date {
    return new Date(this.now());
  }

  /** Jumps virtual time forward by `ms` and runs whatever became due. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('the clock only moves forward');
    this.anchorVirtual = this.now() + ms;
    this.anchorReal = Date.now();
    this.runDue();
  }

  /** Virtual seconds per real second (1 = real time; 60 = a minute per second). */
  setRate(rate: number): void {
    if (!(rate > 0)) throw new RangeError('rate must be positive');
    this.anchorVirtual = this.now();
    this.anchorReal = Date.now();
    this.rate = rate;
  }

  getRate(): number {
    return this.rate;
  }

  /** Runs `run` once `delayMs` of virtual time has passed. */
  after(delayMs: number, run: () => void): ScheduledTask {
    const task: Pending = { dueMs: this.now() + delayMs, run, cancelled: false };
    this.pending.push(task);
    this.ensurePolling();
    return {
      cancel: () => {
        task.cancelled = true;
      },
    };
  }

  /** Stops the poll and forgets every scheduled task. */
  stop(): void {
    this.pending = [];
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
  }

  private ensurePolling(): void {
    if (this.poll) return;
    this.poll = setInterval(() => this.runDue(), 20);
    this.poll.unref();
  }

  private runDue(): void {
    const now = this.now();
    const due = this.pending.filter((task) => !task.cancelled && task.dueMs <= now);
    this.pending = this.pending.filter((task) => !task.cancelled && task.dueMs > now);
    due.sort((a, b) => a.dueMs - b.dueMs);
    for (const task of due) task.run();
    if (this.pending.length === 0 && this.poll) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
  }
}
