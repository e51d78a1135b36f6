import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { CookieJar, hop, walkPipedriveInstall } from '../../src/cli/oauth-walk.js';
import { getCompany } from '../../src/store/repos/companies.js';
import { type AppKit, COMPANY, PIPEDRIVE_APP, startAppKit } from '../support/app-kit.js';

describe('app: Pipedrive install, re-install and uninstall', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ ready: false, worker: false });
  });
  after(() => kit.close());

  const liveWebhooks = async () =>
    (
      (await kit.control('pipedrive', 'GET', '/__sandbox/pipedrive/webhooks')).webhooks as any[]
    ).filter((webhook) => webhook.client_id === PIPEDRIVE_APP.clientId);

  it('installs through OAuth, stores the company and registers one deal-change webhook with basic auth', async () => {
    const answer = await kit.install();
    // A first install signs the admin in and goes on to connect Xero; no credential in the URL.
    assert.equal(answer.status, 303);
    assert.equal(answer.location, `${kit.appUrl}/oauth/xero/connect?company=${COMPANY}`);
    assert.ok(kit.jar.cookies.has('pdx_session'), 'the installing admin has a session');

    const company = await getCompany(kit.app.db, COMPANY);
    assert.equal(company?.domain, 'kauricoast');
    const webhooks = await liveWebhooks();
    assert.equal(webhooks.length, 1);
    const [webhook] = webhooks;
    assert.equal(webhook.subscription_url, `${kit.appUrl}/webhooks/pipedrive/${COMPANY}`);
    assert.equal(webhook.event_action, 'change');
    assert.equal(webhook.event_object, 'deal');
    assert.equal(webhook.http_auth_user, `pdx-${COMPANY}`);
    assert.ok(webhook.http_auth_password.length >= 24, 'a generated password');
  });

  it('re-installing keeps exactly one webhook with the same credentials', async () => {
    const [before] = await liveWebhooks();
    const answer = await kit.install();
    assert.equal(answer.status, 303);
    const webhooks = await liveWebhooks();
    assert.equal(webhooks.length, 1);
    assert.equal(webhooks[0].id, before.id);
    assert.equal(webhooks[0].http_auth_password, before.http_auth_password);
  });

  it('refuses a non-admin in plain words and keeps the company grant', async () => {
    const grant = await kit.app.db.selectFrom('pipedrive_connections').selectAll().execute();
    const answer = await walkPipedriveInstall(kit.appUrl, { user_id: '1002' });
    assert.equal(answer.status, 403);
    assert.match(answer.body, /Only an admin of this Pipedrive company/);
    assert.match(answer.body, /not_company_admin/);
    assert.deepEqual(
      await kit.app.db.selectFrom('pipedrive_connections').selectAll().execute(),
      grant,
    );
  });

  it('refuses a replayed state, and a state started in another browser (login CSRF)', async () => {
    const jar = new CookieJar();
    const start = await hop(`${kit.appUrl}/oauth/pipedrive/install`, {}, jar);
    const consent = new URL(start.location!);
    consent.searchParams.set('auto_approve', '1');
    const callback = (await hop(consent.toString(), {}, jar)).location!;
    // Another browser (no cookie, or its own) cannot finish this flow …
    const foreign = await hop(callback, {}, new CookieJar());
    assert.equal(foreign.status, 400);
    assert.match(foreign.body, /oauth_state_invalid/);
    // … the browser that started it can, once; a replay of the same callback is refused.
    const finished = await hop(callback, {}, jar);
    assert.equal(finished.status, 303, finished.body);
    const replayed = await hop(callback, {}, jar);
    assert.equal(replayed.status, 400);
    assert.match(replayed.body, /oauth_state_invalid/);
  });

  it('a code Pipedrive refuses answers 400 with a code, not 502', async () => {
    const jar = new CookieJar();
    const start = await hop(`${kit.appUrl}/oauth/pipedrive/install`, {}, jar);
    const state = new URL(start.location!).searchParams.get('state')!;
    const answer = await hop(
      `${kit.appUrl}/oauth/pipedrive/callback?code=not-a-code&state=${state}`,
      {},
      jar,
    );
    assert.equal(answer.status, 400);
    assert.match(answer.body, /oauth_code_invalid/);
  });

  it('refuses a callback whose state we did not issue', async () => {
    const response = await fetch(
      `${kit.appUrl}/oauth/pipedrive/callback?code=abc&state=forged.state`,
    );
    assert.equal(response.status, 400);
    assert.match(await response.text(), /oauth_state_invalid/);
  });

  it('refuses an uninstall call without the client credentials', async () => {
    const response = await fetch(`${kit.appUrl}/oauth/pipedrive/callback`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', authorization: 'Basic bm9ib2R5Om5vcGU=' },
      body: JSON.stringify({
        client_id: PIPEDRIVE_APP.clientId,
        company_id: COMPANY,
        user_id: 1001,
      }),
    });
    assert.equal(response.status, 401);
    assert.ok(await getCompany(kit.app.db, COMPANY), 'nothing deleted');
  });

  it("uninstalling (Pipedrive's DELETE to the callback) deletes the company's data", async () => {
    await kit.connectXero();
    const before = await kit.app.db.selectFrom('xero_connections').selectAll().execute();
    assert.equal(before.length, 1);

    await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/uninstall', {
      clientId: PIPEDRIVE_APP.clientId,
      companyId: COMPANY,
      userId: 1001,
    });

    assert.equal(await getCompany(kit.app.db, COMPANY), undefined);
    for (const table of [
      'pipedrive_connections',
      'xero_connections',
      'runs',
      'inbox_events',
    ] as const) {
      const rows = await kit.app.db.selectFrom(table).selectAll().execute();
      assert.equal(rows.length, 0, `${table} emptied`);
    }
  });
});
