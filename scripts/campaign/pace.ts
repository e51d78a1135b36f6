import type { WorldPlan } from './world.js';

/**
 * Xero's 60 calls a minute per organisation set the pace: about 1.4 calls per document once its
 * customer and items are known, 4 more for each new customer, 2 for each new item. The window is
 * that, per organisation, with 15 % to spare for faults.
 */
export function estimateFireSeconds(plan: WorldPlan, workers: number): number {
  const calls = new Map<string, number>();
  const add = (company: number, count: number) => {
    const tenant = plan.companies[company]!.tenant;
    calls.set(tenant, (calls.get(tenant) ?? 0) + count);
  };
  for (const deal of plan.deals) add(deal.company, 1.4);
  for (const customer of plan.customers) add(customer.company, 4);
  for (const product of plan.products) add(product.company, 2);
  const minutes = Math.max(...calls.values()) / (60 * workers);
  return Math.max(30, Math.round(minutes * 60 * 1.15));
}
