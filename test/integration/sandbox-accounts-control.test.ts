import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { listenSandbox, type RunningSandbox } from '../../sandbox/common/server.js';
import {
  api,
  installDemoApp,
  type StartedPipedrive,
  startPipedriveSandbox,
} from '../../sandbox/pipedrive/test-kit.js';
import { DEMO_XERO_USER } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import { buildXeroSandbox } from '../../sandbox/xero/server.js';
import { connect } from './xero-sandbox-helpers.js';

/**
 * Control-API additions for multi-account set-ups (docs/sandbox.md): Pipedrive companies and rate
 * limits; Xero organisations, contacts made "by hand" (archived ones too) and the full contact list.
 */
async function call(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('Pipedrive sandbox: companies and limits through the control API', () => {
  let pd: StartedPipedrive;
  before(async () => {
    pd = await startPipedriveSandbox();
  });
  after(() => pd.running.close());

  const company = {
    id: 7301,
    name: 'Campaign Three Ltd',
    domain: 'campaignthree',
    idStart: 30_001,
    admin: { id: 3001, name: 'Cam Admin', email: 'cam@three.example' },
    pipelines: [{ name: 'Sales', stages: ['Qualified', 'Won'] }],
  };

  it('adds a company with its pipelines; its records get ids in its own range', async () => {
    const created = await call(pd.url, 'POST', '/__sandbox/pipedrive/companies', company);
    assert.equal(created.status, 201);
    assert.deepEqual(
      created.body.company.pipelines[0].stages.map((stage: { name: string }) => stage.name),
      ['Qualified', 'Won'],
    );
    const org = await call(pd.url, 'POST', '/__sandbox/pipedrive/companies/7301/organizations', {
      name: 'First customer',
    });
    assert.equal(org.body.data.id, 30_001);

    const tokens = await installDemoApp(pd.url, { company_id: '7301', user_id: '3001' });
    const listed = await api(tokens, 'GET', '/api/v2/organizations');
    assert.deepEqual(
      listed.body.data.map((row: { name: string }) => row.name),
      ['First customer'],
    );
    assert.equal(
      (await call(pd.url, 'POST', '/__sandbox/pipedrive/companies', company)).status,
      409,
      'the id is taken',
    );
  });

  it('changes the rate limits', async () => {
    const changed = await call(pd.url, 'POST', '/__sandbox/pipedrive/limits', {
      dailyTokenBudget: 500_000,
    });
    assert.equal(changed.body.limits.dailyTokenBudget, 500_000);
    assert.equal(changed.body.limits.burstPerToken, 80, 'the others are kept');
    const read = await call(pd.url, 'GET', '/__sandbox/pipedrive/limits');
    assert.equal(read.body.limits.dailyTokenBudget, 500_000);
  });
});

describe('Xero sandbox: organisations and contacts through the control API', () => {
  let running: RunningSandbox;
  before(async () => {
    running = await listenSandbox(buildXeroSandbox());
  });
  after(() => running.close());
  const contacts = `/__sandbox/xero/tenants/${DEMO_TENANT_B}/contacts`;

  it('adds contacts as a Xero user would, archived ones too, under the same rules', async () => {
    const active = await call(running.url, 'POST', contacts, {
      Name: 'Rimu Systems',
      ContactNumber: 'PD-ORG-5',
      EmailAddress: 'accounts@rimu.example',
    });
    assert.equal(active.status, 201);
    const archived = await call(running.url, 'POST', contacts, {
      Name: 'Rimu Systems',
      ContactStatus: 'ARCHIVED',
    });
    assert.equal(archived.status, 201, 'an archived twin may share the name');
    const clash = await call(running.url, 'POST', contacts, { Name: 'rimu systems' });
    assert.equal(clash.status, 400);
    assert.match(clash.body.error, /already assigned to another contact/);

    const listed = await call(running.url, 'GET', contacts);
    const rimu = listed.body.contacts.filter(
      (contact: { Name: string }) => contact.Name === 'Rimu Systems',
    );
    assert.deepEqual(
      rimu.map((contact: { ContactStatus: string; ContactNumber?: string }) => [
        contact.ContactStatus,
        contact.ContactNumber ?? null,
      ]),
      [
        ['ACTIVE', 'PD-ORG-5'],
        ['ARCHIVED', null],
      ],
    );
  });

  it('adds an organisation that the given login may connect', async () => {
    const tenantId = '9c4a5b6d-7e8f-4a01-b2c3-d4e5f6a7b8c9';
    const added = await call(running.url, 'POST', '/__sandbox/xero/organisations', {
      tenantId,
      name: 'Campaign West Ltd',
      shortCode: '!cWs1T',
      users: [DEMO_XERO_USER.email],
    });
    assert.equal(added.status, 201);
    const tokens = await connect(running.url, { tenant_ids: tenantId });
    const connections = (await (
      await fetch(`${running.url}/connections`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      })
    ).json()) as { tenantId: string; tenantName: string }[];
    assert.deepEqual(
      connections.map((connection) => [connection.tenantId, connection.tenantName]),
      [[tenantId, 'Campaign West Ltd']],
    );
    const books = await call(running.url, 'GET', `/__sandbox/xero/tenants/${tenantId}/contacts`);
    assert.deepEqual(books.body.contacts, [], 'reference data only');
    const again = await call(running.url, 'POST', '/__sandbox/xero/organisations', {
      tenantId,
      name: 'Again',
      shortCode: '!x',
      users: [DEMO_XERO_USER.email],
    });
    assert.equal(again.status, 409);
  });
});
