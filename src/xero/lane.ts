import { AsyncLocalStorage } from 'node:async_hooks';

import type { XeroLane } from './rate-budget.js';

/**
 * Which lane the Xero calls made by the current piece of work go in (rate-budget.ts): the
 * `interactive` lane for work a person is waiting on (an HTTP request), `background` otherwise.
 * Carried by the async context, so the calls deep inside a service need no parameter for it.
 */
const lanes = new AsyncLocalStorage<XeroLane>();

export function inXeroLane<T>(lane: XeroLane, work: () => T): T {
  return lanes.run(lane, work);
}

export function currentXeroLane(): XeroLane {
  return lanes.getStore() ?? 'background';
}
