/**
 * What a Pipedrive request costs of the daily token budget, by endpoint: the `x-token-cost` of
 * each operation in Pipedrive's OpenAPI files, as docs/vendors/pipedrive.md §3 lists them. An
 * endpoint not listed there is counted at 10 (the cost of Pipedrive's list endpoints), which can
 * only overstate the total.
 */
const COSTS: [method: string, path: RegExp, cost: number][] = [
  ['GET', /^\/api\/v2\/(deals|organizations|persons|products)\/\d+$/, 1],
  ['GET', /^\/api\/v2\/deals\/\d+\/(products|discounts)$/, 10],
  ['PATCH', /^\/api\/v2\/deals\/\d+$/, 5],
  ['GET', /^\/api\/v2\/stages$/, 5],
  ['GET', /^\/api\/v2\/\w+Fields$/, 10],
  ['POST', /^\/api\/v1\/notes$/, 10],
  ['GET', /^\/api\/v1\/users\/me$/, 2],
];

export function pipedriveTokenCost(method: string, path: string): number {
  const bare = path.replace(/^\/c\/[^/]+/, '').split('?')[0] ?? '';
  return COSTS.find(([m, pattern]) => m === method && pattern.test(bare))?.[2] ?? 10;
}
