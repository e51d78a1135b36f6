import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';

import { upsertCompany } from '../../src/store/repos/companies.js';
import {
  claimPaidNote,
  findDocumentByXeroId,
  recordCreatedDocument,
  updateDocumentFromXero,
} from '../../src/store/repos/documents.js';
import type { SyncDeps } from '../../src/sync/ports.js';
import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { refreshDocument } from '../../src/sync/usecases/refresh-document.js';
import { createTestStore, testDialects, type TestStore } from '../support/each-dialect.js';
import {
  COMPANY_ID,
  SHORT_CODE,
  startSyncKit,
  type SyncKit,
  TENANT_ID,
} from '../support/sync-kit.js';

/**
 * refreshDocument end to end: documentForDeal makes a DRAFT invoice for demo deal 1 (6,727.50 NZD),
 * then the invoice is approved and paid in the Xero sandbox as a user would, and each Xero webhook
 * event is handled by refreshDocument against the real clients and a real store.
 */

const DEAL = 1;

describe('refreshDocument: Xero invoice events → our copy and one "paid" note', () => {
  let kit: SyncKit;
  let deps: SyncDeps;
  let invoiceId: string;
  let poField: string;
  const event = () => ({ tenantId: TENANT_ID, resourceId: invoiceId, category: 'INVOICE' });
  const paidNotes = async () =>
    (await kit.notes(DEAL)).filter((note) => note.content.includes('was paid in full'));

  async function xeroApi(method: string, path: string, body: unknown) {
    const token = await kit.xero.tokens.getAccessToken(String(COMPANY_ID));
    const response = await fetch(`${kit.xeroUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'xero-tenant-id': TENANT_ID,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
    });
    assert.ok(
      response.ok,
      `${method} ${path}: ${response.status} ${await response.clone().text()}`,
    );
    return response.json() as Promise<any>;
  }
  const pay = (amount: number) =>
    xeroApi('POST', `/__sandbox/xero/tenants/${TENANT_ID}/invoices/${invoiceId}/payments`, {
      amount,
    });

  before(async () => {
    kit = await startSyncKit();
    const fields = await kit.pipedrive.listFields('deal');
    poField =
      fields.find((field) => field.field_name === 'Purchase order number')?.field_code ?? '';
    assert.match(poField, /^[0-9a-f]{40}$/);
    deps = kit.deps({ documents: { onPaid: { dealField: poField, value: 'PAID IN XERO' } } });
    const outcome = await documentForDeal(deps, await kit.newJob(DEAL));
    assert.equal(outcome.status, 'succeeded');
    invoiceId = outcome.status === 'succeeded' ? outcome.documentId : '';
  });
  after(() => kit.close());

  it('ignores events that are not about our documents', async () => {
    const cases = [
      [{ ...event(), resourceId: randomUUID() }, 'not_our_document'],
      [{ ...event(), category: 'CONTACT' }, 'category_not_handled'],
      [{ ...event(), tenantId: randomUUID() }, 'other_tenant'],
    ] as const;
    for (const [input, code] of cases) {
      const outcome = await refreshDocument(deps, input);
      assert.equal(outcome.status, 'ignored');
      assert.equal(outcome.status === 'ignored' && outcome.code, code);
    }
  });

  it('refreshes a draft without any note', async () => {
    const outcome = await refreshDocument(deps, event());
    assert.equal(outcome.status === 'refreshed' && outcome.xeroStatus, 'DRAFT');
    const stored = await findDocumentByXeroId(kit.store.db, COMPANY_ID, invoiceId);
    assert.equal(stored?.amountDue, '6727.50');
    assert.equal(stored?.dueDate, '2026-01-19');
    assert.ok(stored?.xeroUpdatedAt instanceof Date);
    assert.deepEqual(await paidNotes(), []);
  });

  it('follows approval and a part payment: AUTHORISED with the amount still due', async () => {
    kit.clock.advance(60_000);
    await xeroApi('POST', `/api.xro/2.0/Invoices/${invoiceId}`, {
      Invoices: [{ Status: 'AUTHORISED' }],
    });
    kit.clock.advance(60_000);
    await pay(1000);
    const outcome = await refreshDocument(deps, event());
    assert.ok(outcome.status === 'refreshed');
    assert.equal(outcome.xeroStatus, 'AUTHORISED');
    assert.equal(outcome.paidNoted, false);
    const stored = await findDocumentByXeroId(kit.store.db, COMPANY_ID, invoiceId);
    assert.equal(stored?.status, 'AUTHORISED');
    assert.equal(stored?.amountDue, '5727.50');
    assert.equal(stored?.total, '6727.50');
    assert.deepEqual(await paidNotes(), []);
  });

  it('marks it PAID and writes exactly one paid note, however often and in whatever order events come', async () => {
    kit.clock.advance(60_000);
    await pay(5727.5);
    // Pipedrive fails the note, then cuts the connection after writing it: the note waits in the
    // outbox, and the event is done (no retry of the event is needed for the note).
    // A regular expression (wrapped in slashes): the API domain may carry a path prefix.
    const notesPath = '/\\/api\\/v1\\/notes/';
    await kit.pipedriveFault({ kind: '500', method: 'POST', path: notesPath, times: 2 });
    await kit.pipedriveFault({ kind: 'drop-response', method: 'POST', path: notesPath });
    const since = await kit.lastPipedriveSeq();
    // Three deliveries of the paying event at once, then the older UPDATE (the part payment) late.
    const outcomes = await Promise.all([1, 2, 3].map(() => refreshDocument(deps, event())));
    const late = await refreshDocument(deps, event());
    assert.deepEqual(
      [...outcomes, late].map((outcome) => outcome.status === 'refreshed' && outcome.xeroStatus),
      ['PAID', 'PAID', 'PAID', 'PAID'],
    );
    assert.equal(
      outcomes.filter((outcome) => outcome.status === 'refreshed' && outcome.paidNoted).length,
      1,
    );
    assert.deepEqual(await paidNotes(), []);
    // The queue's retries: a 500 again, then the write whose answer is lost, then the one that
    // finds it among the deal's notes instead of writing it again.
    const deliveries: string[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) deliveries.push(...(await kit.deliverNotes()));
    assert.deepEqual(deliveries, ['retry', 'retry', 'sent']);
    const posts = (await kit.pipedriveRequests(since)).filter(
      (request) => request.method === 'POST' && request.path.endsWith('/api/v1/notes'),
    );
    assert.equal(posts.length, 3, 'two refused, one written whose answer was lost, none after');

    const stored = await findDocumentByXeroId(kit.store.db, COMPANY_ID, invoiceId);
    assert.equal(stored?.status, 'PAID');
    assert.equal(stored?.amountDue, '0.00');
    assert.equal(stored?.fullyPaidOn, '2026-01-05');
    assert.ok(stored?.paidNotedAt instanceof Date);

    const notes = await paidNotes();
    assert.equal(notes.length, 1);
    assert.ok(
      notes[0]!.content.includes(
        `Invoice ${stored?.number} was paid in full on 2026-01-05 (NZD 6,727.50).`,
      ),
      notes[0]!.content,
    );
    assert.ok(
      notes[0]!.content.includes(
        `https://go.xero.com/app/${encodeURIComponent(SHORT_CODE)}/invoicing/view/${invoiceId}`,
      ),
      notes[0]!.content,
    );
    const deal = await kit.sandboxDeal(DEAL);
    assert.equal(deal.custom_fields[poField], 'PAID IN XERO');
  });

  it('never lets an older read of Xero overwrite a newer one', async () => {
    const stored = await findDocumentByXeroId(kit.store.db, COMPANY_ID, invoiceId);
    const older = new Date((stored?.xeroUpdatedAt?.getTime() ?? 0) - 120_000);
    const applied = await updateDocumentFromXero(
      kit.store.db,
      COMPANY_ID,
      invoiceId,
      { status: 'AUTHORISED', amountDue: '5727.50', xeroUpdatedAt: older },
      kit.clock.date(),
    );
    assert.equal(applied, undefined);
    const after = await findDocumentByXeroId(kit.store.db, COMPANY_ID, invoiceId);
    assert.equal(after?.status, 'PAID');
    assert.equal(after?.amountDue, '0.00');
  });
});

for (const dialect of testDialects()) {
  describe(`paid-note claim (${dialect})`, () => {
    let store: TestStore;
    const at = new Date('2026-11-25T10:00:00Z');
    before(async () => {
      store = await createTestStore(dialect);
      await upsertCompany(store.db, {
        id: 5,
        domain: 'c',
        apiDomain: 'https://c',
        installedAt: at,
      });
      await recordCreatedDocument(
        store.db,
        {
          companyId: 5,
          dealId: 9,
          triggerKey: 'stage-2',
          type: 'invoice',
          reference: 'r',
          currency: 'NZD',
          tenantId: 't',
          xeroId: 'x-9',
          number: 'INV-0009',
          status: 'PAID',
          subtotal: '1.00',
          totalTax: '0.00',
          total: '1.00',
          url: null,
        },
        at,
      );
    });
    after(() => store.destroy());

    it('has one winner among racing claims and none for another company', async () => {
      const wins = await Promise.all([1, 2, 3, 4].map(() => claimPaidNote(store.db, 6, 'x-9', at)));
      assert.equal(wins.filter(Boolean).length, 0);
      const claims = await Promise.all(
        [1, 2, 3, 4].map(() => claimPaidNote(store.db, 5, 'x-9', at)),
      );
      assert.equal(claims.filter(Boolean).length, 1);
    });
  });
}
