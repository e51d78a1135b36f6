/**
 * Vendor calls per draft document: what limits throughput against Xero's 60 calls per minute per
 * organisation. Runs documentForDeal over every demo deal against the sandboxes (real HTTP, real
 * clients, SQLite store) and counts the calls each one made, from the sandboxes' request logs.
 */
import { documentForDeal } from '../src/sync/usecases/document-for-deal.js';
import { accountingCalls, startSyncKit } from '../test/support/sync-kit.js';
import type { BenchResult } from './run.js';

export const name = 'Vendor calls per document (documentForDeal, demo deals)';

// Every demo deal (docs/demo-data.md); those refused on purpose (EUR, over-long product code, …)
// are left out of the figures.
const DEALS = Array.from({ length: 13 }, (_, index) => index + 1);

export async function run(): Promise<BenchResult[]> {
  const kit = await startSyncKit();
  try {
    const deps = kit.deps({ items: { productNotFound: 'create_item' } });
    const perDocument: { deal: number; xero: number; pipedrive: number }[] = [];
    for (const deal of DEALS) {
      const xeroSince = await kit.lastXeroSeq();
      const pipedriveSince = await kit.lastPipedriveSeq();
      const outcome = await documentForDeal(deps, await kit.newJob(deal));
      if (outcome.status !== 'succeeded') continue;
      perDocument.push({
        deal,
        xero: accountingCalls(await kit.xeroRequests(xeroSince)).length,
        pipedrive: (await kit.pipedriveRequests(pipedriveSince)).length,
      });
    }
    // The same deals again under a second trigger: customers and items are known by now.
    const known: number[] = [];
    for (const row of perDocument) {
      const since = await kit.lastXeroSeq();
      const outcome = await documentForDeal(deps, await kit.newJob(row.deal, 'quote', 'won'));
      if (outcome.status === 'succeeded') {
        known.push(accountingCalls(await kit.xeroRequests(since)).length);
      }
    }
    const [cold, ...warm] = perDocument;
    if (!cold) throw new Error('no demo deal produced a document');
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const xeroTotal = sum(perDocument.map((row) => row.xero));
    const warmXero = warm.length > 0 ? sum(warm.map((row) => row.xero)) / warm.length : cold.xero;
    return [
      { metric: 'documents created', value: perDocument.length, unit: 'documents' },
      { metric: 'Xero calls, first document (cold process)', value: cold.xero, unit: 'calls' },
      {
        metric: 'Xero calls per later document (mean; new customers and items included)',
        value: Number(warmXero.toFixed(2)),
        unit: 'calls',
      },
      {
        metric: 'Xero calls per document over the whole run',
        value: Number((xeroTotal / perDocument.length).toFixed(2)),
        unit: 'calls',
        reference: 'target: 1 (issue 12) once customer and items are known',
      },
      {
        metric: 'Xero calls per document once customer and items are known (mean)',
        value: Number((sum(known) / Math.max(known.length, 1)).toFixed(2)),
        unit: 'calls',
        reference: `${known.length} quotes; target: 1 (issue 12)`,
      },
      {
        metric: 'Pipedrive calls per document (mean)',
        value: Number(
          (sum(perDocument.map((row) => row.pipedrive)) / perDocument.length).toFixed(2),
        ),
        unit: 'calls',
      },
      {
        metric: "documents per minute within Xero's 60 calls/minute, at this run's rate",
        value: Number(((60 * perDocument.length) / xeroTotal).toFixed(1)),
        unit: 'documents/min',
      },
    ];
  } finally {
    await kit.close();
  }
}
