import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Logger } from '../../src/logger.js';
import { type Runnable, supervise } from '../../src/queue/supervise.js';

/** A runner that ends when told to (`end`), or when stopped. */
function fakeRunner() {
  let end!: () => void;
  const promise = new Promise<void>((resolve) => (end = resolve));
  let stops = 0;
  const runner: Runnable & { end: () => void; stops: () => number } = {
    promise,
    end,
    stops: () => stops,
    async stop() {
      stops += 1;
      end();
    },
  };
  return runner;
}

/** Records the `restartInMs` of each log call, and lets a test await the next call. */
function recordingLogger() {
  const delays: number[] = [];
  const waiters: (() => void)[] = [];
  const record = (fields: unknown) => {
    const delay = (fields as { restartInMs?: number } | undefined)?.restartInMs;
    if (delay !== undefined) delays.push(delay);
    waiters.splice(0).forEach((wake) => wake());
  };
  const logger = { error: record, warn: record, info: record } as unknown as Logger;
  return { logger, delays, next: () => new Promise<void>((resolve) => waiters.push(resolve)) };
}

describe('supervise', () => {
  it('starts a new runner when one ends by itself, and stops the one running', async () => {
    const runners: ReturnType<typeof fakeRunner>[] = [];
    let started!: () => void;
    const start = async () => {
      const runner = fakeRunner();
      runners.push(runner);
      started?.();
      return runner;
    };
    const supervisor = await supervise(start, { minDelayMs: 1 });
    const second = new Promise<void>((resolve) => (started = resolve));
    runners[0]!.end();
    await second;
    assert.equal(runners.length, 2);
    await supervisor.stop();
    assert.equal(runners[1]!.stops(), 1);
    assert.equal(runners[0]!.stops(), 0, 'the one that ended is not stopped again');
  });

  it('tries a failed start again, doubling the wait up to the longest', async () => {
    const { logger, delays, next } = recordingLogger();
    let calls = 0;
    const first = fakeRunner();
    const start = async (): Promise<Runnable> => {
      calls += 1;
      if (calls === 1) return first;
      throw new Error('database unavailable');
    };
    const supervisor = await supervise(start, { logger, minDelayMs: 1, maxDelayMs: 4 });
    first.end();
    while (delays.length < 5) await next();
    await supervisor.stop();
    // The runner ended (wait 1), then each failed start waits twice as long, up to 4.
    assert.deepEqual(delays.slice(0, 5), [1, 2, 4, 4, 4]);
  });

  it('rejects when the first start fails', async () => {
    await assert.rejects(
      supervise(async () => {
        throw new Error('database unavailable');
      }),
      /database unavailable/,
    );
  });

  it('starts nothing once stopped while waiting to start again', async () => {
    const { logger, next } = recordingLogger();
    let calls = 0;
    const first = fakeRunner();
    const supervisor = await supervise(
      async () => {
        calls += 1;
        return first;
      },
      { logger, minDelayMs: 60_000 },
    );
    const ended = next();
    first.end();
    await ended;
    await supervisor.stop();
    assert.equal(calls, 1);
  });
});
