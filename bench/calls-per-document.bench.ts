/**
 * Vendor calls per draft document: what limits throughput against Xero's 60 calls per minute per
 * organisation. Runs documentForDeal over every demo deal against the sandboxes (real HTTP, real
 * clients, SQLite store) and counts the calls each one made, from the sandboxes' request logs.
 */
import { OrgReferenceCache } from '../src/sync/org-reference-cache.js';
import { documentForDeal } from '../src/sync/usecases/document-for-deal.js';
import { loadOrgReference } from '../src/sync/usecases/load-org-reference.js';
import { accountingCalls, startSyncKit } from '../test/support/sync-kit.js';
import { pipedriveTokenCost } from './figures/pipedrive-tokens.js';
import type { BenchResult } from './run.js';

export const name = 'Vendor calls per document (documentForDeal, demo deals)';

// Every demo deal (docs/demo-data.md); those refused on purpose (EUR, over-long product code, …)
// are left out of the figures.
const DEALS = Array.from({ length: 13 }, (_, index) => index + 1);

export interface CallFigures {
  documents: number;
  /**
   * Xero calls of the first document of a cold process (a restart, another worker): an empty
   * in-process cache over the installation's store, a new customer and new items.
   */
  cold: number;
  /**
   * Xero calls of an installation's very first document: the organisation's reference data, read
   * once and then kept in the store for every process (migration 0010), plus the cold figure.
   */
  newInstallation: number;
  /** Xero calls per document once customer and items are known (mean). */
  warm: number;
  /** Xero calls per later document, new customers and items included (mean). */
  later: number;
  overall: number;
  pipedriveCalls: number;
  /** Pipedrive API tokens per document (figures/pipedrive-tokens.ts), mean. */
  pipedriveTokens: number;
}

export async function measureCalls(): Promise<CallFigures> {
  const kit = await startSyncKit();
  try {
    const settings = { items: { productNotFound: 'create_item' as const } };
    // An earlier process of the installation read the organisation's reference data: the store
    // holds it, as it does for every restarted process or added worker.
    const referenceSince = await kit.lastXeroSeq();
    await loadOrgReference(kit.deps(settings, new OrgReferenceCache()));
    const referenceCalls = accountingCalls(await kit.xeroRequests(referenceSince)).length;
    const deps = kit.deps(settings);
    const perDocument: { deal: number; xero: number; pipedrive: number; tokens: number }[] = [];
    for (const deal of DEALS) {
      const xeroSince = await kit.lastXeroSeq();
      const pipedriveSince = await kit.lastPipedriveSeq();
      const outcome = await documentForDeal(deps, await kit.newJob(deal));
      if (outcome.status !== 'succeeded') continue;
      const pipedrive = await kit.pipedriveRequests(pipedriveSince);
      perDocument.push({
        deal,
        xero: accountingCalls(await kit.xeroRequests(xeroSince)).length,
        pipedrive: pipedrive.length,
        tokens: pipedrive.reduce((sum, r) => sum + pipedriveTokenCost(r.method, r.path), 0),
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
    const [cold, ...later] = perDocument;
    if (!cold) throw new Error('no demo deal produced a document');
    const mean = (values: number[]) =>
      values.length === 0 ? 0 : values.reduce((total, value) => total + value, 0) / values.length;
    const round = (value: number) => Number(value.toFixed(2));
    return {
      documents: perDocument.length,
      cold: cold.xero,
      newInstallation: referenceCalls + cold.xero,
      warm: round(mean(known)),
      later: round(later.length > 0 ? mean(later.map((row) => row.xero)) : cold.xero),
      overall: round(mean(perDocument.map((row) => row.xero))),
      pipedriveCalls: round(mean(perDocument.map((row) => row.pipedrive))),
      pipedriveTokens: round(mean(perDocument.map((row) => row.tokens))),
    };
  } finally {
    await kit.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const figures = await measureCalls();
  return [
    { metric: 'documents created', value: figures.documents, unit: 'documents' },
    {
      metric: "Xero calls, an installation's first document",
      value: figures.newInstallation,
      unit: 'calls',
    },
    { metric: 'Xero calls, first document (cold process)', value: figures.cold, unit: 'calls' },
    {
      metric: 'Xero calls per later document (mean; new customers and items included)',
      value: figures.later,
      unit: 'calls',
    },
    {
      metric: 'Xero calls per document over the whole run',
      value: figures.overall,
      unit: 'calls',
      reference: 'target: 1 (issue 12) once customer and items are known',
    },
    {
      metric: 'Xero calls per document once customer and items are known (mean)',
      value: figures.warm,
      unit: 'calls',
      reference: 'target: 1 (issue 12)',
    },
    { metric: 'Pipedrive calls per document (mean)', value: figures.pipedriveCalls, unit: 'calls' },
    {
      metric: 'Pipedrive API tokens per document (mean)',
      value: figures.pipedriveTokens,
      unit: 'tokens',
    },
    {
      metric: "documents per minute within Xero's 60 calls/minute, at this run's rate",
      value: Number((60 / figures.overall).toFixed(1)),
      unit: 'documents/min',
    },
  ];
}
