import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createLogger } from '../../src/logger.js';
import { createEmbeddedQueue } from '../../src/queue/embedded.js';
import { sweepInbox } from '../../src/services/inbox-sweep.js';
import { upsertCompany } from '../../src/store/repos/companies.js';
import { recordInboxEvent } from '../../src/store/repos/inbox.js';
import { defaultSettings } from '../../src/sync/settings.js';
import { createTestStore, type TestStore } from '../support/each-dialect.js';

/**
 * Invariant 2 after a crash: events answered 2xx and stored, but never turned into jobs (the process
 * died between the insert and the enqueue), are turned into jobs by the worker's startup sweep —
 * Pipedrive's and Xero's alike — and exactly once.
 */
describe('inbox sweep', () => {
  let store: TestStore;
  // Stored just before the crash; the worker sweeps when it starts again.
  const storedAt = new Date('2026-11-25T09:59:59.500Z');
  const clock = { now: () => new Date('2026-11-25T10:00:00Z') };
  before(async () => {
    store = await createTestStore('sqlite');
    const settings = defaultSettings();
    settings.triggers.rules.push({ pipelineId: 1, stageId: 4, document: 'invoice' });
    await upsertCompany(store.db, {
      id: 7001,
      domain: 'kauricoast',
      apiDomain: 'http://127.0.0.1:9/c/kauricoast',
      installedAt: clock.now(),
      settings,
    });
    await recordInboxEvent(store.db, {
      companyId: 7001,
      source: 'pipedrive',
      eventKey: 'df47d877-0f9c-4ae3-b33b-2f5f2f0a8c3a',
      payload: {
        meta: {
          action: 'change',
          entity: 'deal',
          company_id: '7001',
          entity_id: '8',
          id: 'df47d877-0f9c-4ae3-b33b-2f5f2f0a8c3a',
          timestamp: '2026-11-25T09:59:59.000Z',
          user_id: '1001',
          version: '2.0',
          change_source: 'app',
        },
        data: { id: 8, stage_id: 4, pipeline_id: 1, status: 'open' },
        previous: { stage_id: 3 },
      },
      receivedAt: storedAt,
    });
    await recordInboxEvent(store.db, {
      companyId: 7001,
      source: 'xero',
      eventKey: 'inv-1:2026-11-25T09:59:58.000:UPDATE',
      payload: {
        resourceUrl: 'https://api.xero.com/api.xro/2.0/Invoices/inv-1',
        resourceId: 'inv-1',
        eventDateUtc: '2026-11-25T09:59:58.000',
        eventType: 'UPDATE',
        eventCategory: 'INVOICE',
        tenantId: 'tenant-a',
        tenantType: 'ORGANISATION',
      },
      receivedAt: storedAt,
    });
  });
  after(() => store.destroy());

  it('turns every stored, unprocessed event into its job, once', async () => {
    const queue = createEmbeddedQueue({ db: store.db, clock });
    const deps = { db: store.db, clock, logger: createLogger('silent'), queue };
    assert.equal(await sweepInbox(deps), 2);
    const jobs = await store.db.selectFrom('jobs').select(['name', 'payload']).execute();
    assert.deepEqual(jobs.map((job) => job.name).sort(), ['document-for-deal', 'refresh-document']);
    const inbox = await store.db.selectFrom('inbox_events').select(['processed_at']).execute();
    assert.ok(inbox.every((event) => event.processed_at !== null));
    assert.equal(await sweepInbox(deps), 0, 'a second sweep finds nothing left');
  });
});
