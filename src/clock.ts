/** Time as the app sees it; injected so tests move it instead of sleeping. */
export interface Clock {
  now(): Date;
  /** Waits `ms` of this clock's time; real time (setTimeout) when absent. */
  sleep?(ms: number): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock running `rate` times faster than real time from `startMs` (at the real time `realMs`),
 * for benchmarks that run the app and the sandboxes on one fast clock (the sandbox's
 * SandboxClock.setRate): Xero's minute windows then pass in a fraction of a minute.
 */
export function scaledClock(rate: number, startMs = Date.now(), realMs = Date.now()): Clock {
  return {
    now: () => new Date(startMs + (Date.now() - realMs) * rate),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms) / rate)),
  };
}
