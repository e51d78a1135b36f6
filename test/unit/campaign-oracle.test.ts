import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  judge,
  type OracleTruth,
  type TruthDeal,
  type VendorState,
  type XeroContactFact,
} from '../../scripts/campaign/oracle.js';
import type { AppRun, AppState } from '../../scripts/campaign/store.js';

/** The campaign's oracle (docs/campaign.md), on small hand-made end states. */
const TENANT = 'tenant-a';
const TRIGGER = 'stage:1:4';

function deal(dealId: number, overrides: Partial<TruthDeal> = {}): TruthDeal {
  return {
    dealId,
    companyId: 7101,
    tenantId: TENANT,
    triggerKey: TRIGGER,
    valid: true,
    fired: true,
    customer: {
      key: `c${dealId}`,
      name: `Customer ${dealId}`,
      number: `PD-ORG-${dealId}`,
      trap: 'clean',
      mustSucceed: true,
    },
    ...overrides,
  };
}

const contact = (id: string, number?: string, status = 'ACTIVE'): XeroContactFact => ({
  ContactID: id,
  Name: id,
  ContactStatus: status,
  ...(number && { ContactNumber: number }),
});
const document = (id: string, dealId: number, contactId: string) => ({
  tenantId: TENANT,
  id,
  reference: `Pipedrive deal ${dealId}: a title [PD-${dealId}-${TRIGGER}]`,
  contactId,
});
const run = (id: string, dealId: number, status: AppRun['status']): AppRun => ({
  id,
  companyId: 7101,
  dealId,
  triggerKey: TRIGGER,
  status,
  reasonCode: status === 'waiting_fix' ? 'deal_has_no_products' : null,
});
const successNote = (documentId: string) =>
  `<p>Draft invoice INV-1 was created in Xero. <a href="https://go.xero.com/app/x/invoicing/view/${documentId}">Open it</a></p>`;

interface Case {
  truth?: Partial<OracleTruth>;
  deals: TruthDeal[];
  vendors: Partial<VendorState>;
  app?: Partial<AppState>;
}

function verdictOf(input: Case) {
  const truth: OracleTruth = {
    deals: input.deals,
    twins: new Map(),
    preseeded: new Map(),
    ...input.truth,
  };
  const vendors: VendorState = {
    documents: [],
    contacts: new Map(),
    notes: new Map(),
    droppedByBan: new Set(),
    ...input.vendors,
  };
  const app: AppState = { runs: [], documents: [], usage: new Map(), pendingJobs: 0, ...input.app };
  return judge(truth, vendors, app, {
    crashes: 0,
    recovery: { episodes: 0, maxSeconds: 0, unrecovered: 0 },
  });
}

describe('campaign oracle', () => {
  it('finds nothing wrong with one document per trigger on the own contact, noted once', () => {
    const { figures, breakdown } = verdictOf({
      deals: [deal(1)],
      vendors: {
        documents: [document('inv-1', 1, 'own')],
        contacts: new Map([[TENANT, [contact('own', 'PD-ORG-1')]]]),
        notes: new Map([[1, [successNote('inv-1')]]]),
      },
      app: { runs: [run('r1', 1, 'succeeded')], usage: new Map([[7101, 1]]) },
    });
    assert.deepEqual(figures, {
      deals: 1,
      documents: 1,
      duplicates: 0,
      lost_documents: 0,
      wrong_customer: 0,
      lost_notes: 0,
      usage_count: 1,
      stalled: 0,
      crashes: 0,
      max_recovery_seconds: 0,
    });
    assert.equal(breakdown.duplicate_notes, 0);
  });

  it('counts a second document for one trigger as a duplicate', () => {
    const { figures } = verdictOf({
      deals: [deal(1)],
      vendors: {
        documents: [document('inv-1', 1, 'own'), document('inv-2', 1, 'own')],
        contacts: new Map([[TENANT, [contact('own', 'PD-ORG-1')]]]),
      },
    });
    assert.equal(figures.documents, 2);
    assert.equal(figures.duplicates, 1);
  });

  const billedTo = (contacts: XeroContactFact[], truth: Partial<OracleTruth> = {}) =>
    verdictOf({
      truth,
      deals: [deal(1)],
      vendors: {
        documents: [document('inv-1', 1, contacts[0]!.ContactID)],
        contacts: new Map([[TENANT, contacts]]),
      },
    }).figures.wrong_customer;

  it('tells the right customer from the wrong one', () => {
    assert.equal(billedTo([contact('other', 'PD-ORG-2')]), 1, "another record's number");
    assert.equal(billedTo([contact('nameless')]), 1, 'a contact without our number');
    assert.equal(billedTo([contact('old', 'PD-ORG-1', 'ARCHIVED')]), 1, 'an archived contact');
    assert.equal(
      billedTo([contact('typed')], { twins: new Map([['c1', new Set(['typed'])]]) }),
      0,
      'the hand-made twin of the customer',
    );
    assert.equal(
      billedTo([contact('renumbered', 'PD-ORG-1')], {
        preseeded: new Map([['renumbered', 'PD-ORG-2']]),
      }),
      1,
      "a hand-made contact that carried another record's number",
    );
  });

  it('calls a trigger lost only when nothing explains the missing document', () => {
    const lost = (runs: AppRun[], overrides: Partial<TruthDeal> = {}) =>
      verdictOf({ deals: [deal(1, overrides)], vendors: {}, app: { runs } });
    assert.equal(lost([]).figures.lost_documents, 1, 'no run at all');
    assert.equal(lost([run('r1', 1, 'ignored')]).figures.lost_documents, 1, 'only ignored runs');
    const stopped = lost([run('r1', 1, 'waiting_fix')]);
    assert.equal(stopped.figures.lost_documents, 0);
    assert.equal(stopped.breakdown.stopped_valid, 1, 'a plain customer should not have stopped');
    assert.equal(lost([], { valid: false }).figures.lost_documents, 0, 'refused on purpose');
    assert.equal(lost([], { fired: false }).figures.deals, 0, 'never fired');
    const banned = verdictOf({ deals: [deal(1)], vendors: { droppedByBan: new Set([1]) } });
    assert.equal(banned.breakdown.lost_after_ban, 1);
  });

  it('wants one note per document and per stopped run', () => {
    const withNotes = (notes: string[]) =>
      verdictOf({
        deals: [deal(1), deal(2)],
        vendors: {
          documents: [document('inv-1', 1, 'own')],
          contacts: new Map([[TENANT, [contact('own', 'PD-ORG-1')]]]),
          notes: new Map([[1, notes]]),
        },
        app: { runs: [run('r1', 1, 'succeeded'), run('r2', 2, 'waiting_fix')] },
      });
    assert.equal(withNotes([successNote('inv-1')]).figures.lost_notes, 1, "deal 2's note");
    const twice = withNotes([successNote('inv-1'), successNote('inv-1')]);
    assert.equal(twice.breakdown.duplicate_notes, 1);
    const problem = verdictOf({
      deals: [deal(2)],
      vendors: {
        notes: new Map([
          [
            2,
            [
              '<p>No Xero invoice was created.</p><a href="http://app/companies/7101/runs/r2/replay?token=t">Replay</a>',
            ],
          ],
        ]),
      },
      app: { runs: [run('r2', 2, 'waiting_fix')] },
    });
    assert.equal(problem.figures.lost_notes, 0);
  });

  it('counts runs left open and usage over every month', () => {
    const { figures } = verdictOf({
      deals: [deal(1)],
      vendors: {},
      app: { runs: [run('r1', 1, 'running'), run('r2', 1, 'queued')], usage: new Map([[7101, 3]]) },
    });
    assert.equal(figures.stalled, 2);
    assert.equal(figures.usage_count, 3);
  });
});
