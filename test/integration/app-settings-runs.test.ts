import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_CONTACT_GROUPS } from '../../sandbox/xero/seed.js';
import { getCompany } from '../../src/store/repos/companies.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';

describe('app: settings API, runs and replay', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit();
  });
  after(() => kit.close());

  const api = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = kit.auth,
  ) =>
    fetch(`${kit.appUrl}/api/companies/${COMPANY}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  it('GET returns the stored settings with their defaults', async () => {
    const response = await api('GET', '/settings');
    assert.equal(response.status, 200);
    const { settings } = (await response.json()) as any;
    assert.equal(settings.triggers.rules.length, 2);
    assert.equal(settings.documents.defaultAccountCode, '200');
  });

  it('PUT refuses invalid settings with every problem listed, and stores nothing', async () => {
    const before = (await getCompany(kit.app.db, COMPANY))?.settings;
    const response = await api('PUT', '/settings', {
      triggers: { rules: [{ pipelineId: 0, stageId: SALES.won, document: 'bill' }] },
      surprise: true,
    });
    assert.equal(response.status, 400);
    const { error } = (await response.json()) as any;
    assert.equal(error.code, 'settings_invalid');
    assert.ok(
      error.details.some((detail: string) => detail.startsWith('triggers.rules.0.pipelineId')),
    );
    assert.ok(
      error.details.some((detail: string) => detail.startsWith('triggers.rules.0.document')),
    );
    assert.ok(error.details.some((detail: string) => /surprise/.test(detail)));
    assert.deepEqual((await getCompany(kit.app.db, COMPANY))?.settings, before);
  });

  it('PUT refuses account codes and tax types the connected organisation does not have, naming them', async () => {
    const response = await api('PUT', '/settings', {
      documents: {
        defaultAccountCode: '999',
        noTaxType: 'NOPE',
        taxMappings: [{ ratePercent: 15, taxType: 'OUTPUT2' }],
      },
    });
    assert.equal(response.status, 400);
    const { error } = (await response.json()) as any;
    assert.equal(error.code, 'settings_unknown_xero_codes');
    assert.deepEqual(error.details, [
      'documents.defaultAccountCode: Xero has no active account "999"',
      'documents.noTaxType: Xero has no active tax rate "NOPE"',
    ]);
  });

  it('PUT checks matching and mappings against the real Pipedrive fields and Xero organisation (issue 10)', async () => {
    const missing = 'f'.repeat(40);
    const fields = await api('PUT', '/settings', {
      contacts: {
        matchFields: { organization: [{ pipedriveField: missing, xeroField: 'TaxNumber' }] },
      },
      documents: { referenceTemplate: `{deal.${missing}}` },
    });
    assert.equal(fields.status, 400);
    const refused = ((await fields.json()) as any).error;
    assert.equal(refused.code, 'settings_unknown_pipedrive_fields');
    assert.deepEqual(refused.details, [
      `contacts.matchFields.organization.0.pipedriveField: Pipedrive has no organization field "${missing}"`,
      `documents.referenceTemplate: Pipedrive has no deal field "${missing}"`,
    ]);

    const codes = await api('PUT', '/settings', {
      contacts: {
        newContacts: {
          defaultCurrency: 'EUR',
          salesAccountCode: '999',
          taxType: 'OUTPUT2',
          contactGroupId: DEMO_CONTACT_GROUPS.deleted,
        },
      },
      items: { links: [{ productId: 1, itemCode: 'NO-SUCH-ITEM' }] },
    });
    assert.equal(codes.status, 400);
    const unknown = ((await codes.json()) as any).error;
    assert.equal(unknown.code, 'settings_unknown_xero_codes');
    assert.deepEqual(unknown.details, [
      'contacts.newContacts.salesAccountCode: Xero has no active account "999"',
      'contacts.newContacts.defaultCurrency: the currency EUR is not enabled in Xero',
      'contacts.newContacts.contactGroupId: the Xero contact group "Old prospects" is deleted; choose an active group',
      'items.links.0.itemCode: Xero has no item "NO-SUCH-ITEM"',
    ]);
    const group = await api('PUT', '/settings', {
      contacts: { newContacts: { contactGroupId: '2d9e3a4c-5b6f-4c7d-8e8f-9a0b1c2d3e4f' } },
    });
    assert.equal(group.status, 400);
    assert.deepEqual(((await group.json()) as any).error.details, [
      'contacts.newContacts.contactGroupId: Xero has no contact group 2d9e3a4c-5b6f-4c7d-8e8f-9a0b1c2d3e4f',
    ]);
  });

  it('PUT stores valid settings', async () => {
    const response = await api('PUT', '/settings', {
      triggers: {
        rules: [{ pipelineId: SALES.pipelineId, stageId: SALES.won, document: 'invoice' }],
      },
      documents: { taxMappings: [{ ratePercent: 15, taxType: 'OUTPUT2' }] },
    });
    assert.equal(response.status, 200);
    const stored = (await getCompany(kit.app.db, COMPANY))?.settings as any;
    assert.deepEqual(stored.documents.taxMappings, [{ ratePercent: 15, taxType: 'OUTPUT2' }]);
    assert.equal(stored.triggers.rules.length, 1);
  });

  it('refuses settings without an API key', async () => {
    const response = await api('GET', '/settings', undefined, {});
    assert.equal(response.status, 401);
  });

  it('lists runs and replays a run that waits for a fix as a new, enqueued run', async () => {
    // Deal 8 is in EUR, which the demo organisation has not enabled: the run waits for a fix.
    const first = kit.next(
      'job:success',
      (info) => (info.payload as { dealId: number }).dealId === 8,
    );
    await kit.moveDeal(8, SALES.won);
    await first;
    const listed = (await (await api('GET', '/runs')).json()) as any;
    const failed = listed.runs.find((run: any) => run.dealId === 8);
    assert.equal(failed.status, 'waiting_fix');
    assert.equal(failed.reasonCode, 'currency_not_enabled');

    const again = kit.next(
      'job:success',
      (info) => (info.payload as { dealId: number }).dealId === 8,
    );
    const response = await api('POST', `/runs/${failed.id}/replay`);
    assert.equal(response.status, 202);
    const { run } = (await response.json()) as any;
    assert.equal(run.replayOf, failed.id);
    assert.notEqual(run.id, failed.id);
    await again;
    const runs = await listRunsForDeal(kit.app.db, COMPANY, 8);
    assert.equal(runs.length, 2);
    assert.equal(runs.find((candidate) => candidate.id === run.id)?.status, 'waiting_fix');
    const notes = await kit.notes(8);
    assert.equal(notes.length, 2, 'each run tells the deal');
    assert.match(notes[0]?.content ?? '', /replay/i);
  });

  it("the deal note's replay link carries no credential: it asks to sign in, then its button replays that run", async () => {
    const [note] = await kit.notes(8);
    assert.ok(note, 'note found');
    const href = /href="([^"]*\/runs\/[^"]+\/replay[^"]*)"/
      .exec(note.content)?.[1]
      ?.replaceAll('&amp;', '&');
    assert.ok(href, note.content);
    const anonymous = await fetch(href);
    assert.equal(anonymous.status, 401);
    assert.match(await anonymous.text(), /Sign in with Pipedrive/);
    const page = await kit.session.fetch(href);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<form method="post">/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const again = kit.next(
      'job:success',
      (info) => (info.payload as { dealId: number }).dealId === 8,
    );
    const posted = await kit.session.fetch(href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    assert.equal(posted.status, 200);
    await again;
    assert.equal((await listRunsForDeal(kit.app.db, COMPANY, 8)).length, 3);
  });

  it('replay of an unknown run is 404, of a succeeded run 409', async () => {
    assert.equal((await api('POST', '/runs/nope/replay')).status, 404);
    const done = kit.next(
      'job:success',
      (info) => (info.payload as { dealId: number }).dealId === 1,
    );
    await kit.moveDeal(1, SALES.won);
    await done;
    const [succeeded] = await listRunsForDeal(kit.app.db, COMPANY, 1);
    const response = await api('POST', `/runs/${succeeded?.id}/replay`);
    assert.equal(response.status, 409);
    assert.equal(((await response.json()) as any).error.code, 'run_not_replayable');
  });
});
