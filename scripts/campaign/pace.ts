import type { WorldPlan } from './world.js';

/**
 * Xero's 60 calls a minute per organisation (for all the app's processes together) set the pace: about 2.5 calls per
 * document under the campaign's faults (1.4 without them, once its customer and items are known;
 * a 5xx makes the job start again), 4 more for each new customer, 2 for each new item. The window
 * is the busiest organisation's calls at that pace, with 10 % to spare.
 */
export function estimateFireSeconds(plan: WorldPlan): number {
  const calls = new Map<string, number>();
  const add = (company: number, count: number) => {
    const tenant = plan.companies[company]!.tenant;
    calls.set(tenant, (calls.get(tenant) ?? 0) + count);
  };
  for (const deal of plan.deals) add(deal.company, 2.5);
  for (const customer of plan.customers) add(customer.company, 4);
  for (const product of plan.products) add(product.company, 2);
  const minutes = Math.max(...calls.values()) / 60;
  return Math.max(30, Math.round(minutes * 60 * 1.1));
}
