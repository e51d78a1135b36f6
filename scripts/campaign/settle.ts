import { sleep } from './driver.js';
import type { CampaignOptions } from './run.js';
import type { Truth } from './seed.js';
import type { AppState } from './store.js';

/**
 * Until every fired trigger has a document or an ended run and nothing is left running or queued;
 * or nothing changed for `quietSeconds` with no run open and no webhook retry still owed; or
 * `settleSeconds` passed.
 */
export async function settle(
  read: () => Promise<AppState>,
  retriesOwedMs: () => Promise<number>,
  truth: Truth,
  fired: ReadonlySet<number>,
  options: Pick<CampaignOptions, 'settleSeconds' | 'quietSeconds'>,
): Promise<AppState> {
  const deadline = Date.now() + options.settleSeconds * 1000;
  let lastChange = Date.now();
  let signature = '';
  let retriesDue = 0;
  for (;;) {
    const state = await read();
    const open = state.runs.filter((run) => run.status === 'queued' || run.status === 'running');
    const ended = new Set(
      state.runs
        .filter((run) => !open.includes(run))
        .map((run) => `${run.dealId}|${run.triggerKey}`),
    );
    for (const document of state.documents)
      if (document.xeroId !== null) ended.add(`${document.dealId}|${document.triggerKey}`);
    const accounted = truth.deals
      .filter((deal) => fired.has(deal.dealId))
      .every((deal) => ended.has(`${deal.dealId}|${deal.triggerKey}`));
    const idle = open.length === 0 && state.pendingJobs === 0;
    const now = `${state.runs
      .map((run) => run.status)
      .sort()
      .join()}|${state.documents.length}`;
    if (now !== signature) {
      signature = now;
      lastChange = Date.now();
    }
    if (idle && accounted) return state;
    if (idle && Date.now() - lastChange > options.quietSeconds * 1000 && Date.now() > retriesDue) {
      const owed = await retriesOwedMs();
      if (owed <= 0) return state;
      retriesDue = Date.now() + owed;
    }
    if (Date.now() > deadline) return state;
    await sleep(2000);
  }
}
