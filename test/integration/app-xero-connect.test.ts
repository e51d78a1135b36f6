import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_TENANT_B } from '../../sandbox/xero/seed.js';
import { type AppKit, COMPANY, startAppKit, TENANT_A } from '../support/app-kit.js';

describe('app: connecting the Xero organisation', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ ready: false, worker: false });
    await kit.install();
  });
  after(() => kit.close());

  const connection = () =>
    kit.app.db
      .selectFrom('xero_connections')
      .selectAll()
      .where('company_id', '=', COMPANY)
      .executeTakeFirst();

  it('asks Xero for offline_access, and connects the one organisation authorised', async () => {
    const redirect = await fetch(`${kit.appUrl}/oauth/xero/connect?company=${COMPANY}`, {
      headers: kit.auth,
      redirect: 'manual',
    });
    assert.equal(redirect.status, 302);
    const consent = new URL(redirect.headers.get('location') ?? '');
    assert.match(consent.searchParams.get('scope') ?? '', /\boffline_access\b/);

    const page = await kit.connectXero([TENANT_A]);
    assert.equal(page.status, 200);
    assert.match(page.body, /Kauri Coast Trading Ltd/);
    // The page leads on to the settings, where the first trigger is chosen (nothing happens before).
    assert.match(page.body, /Nothing happens until you choose a <strong>trigger<\/strong>/);
    const settingsHref = /href="([^"]+)" data-testid="connected-settings"/.exec(page.body)?.[1];
    assert.ok(settingsHref, page.body);
    const settingsUrl = new URL(settingsHref.replaceAll('&amp;', '&'), kit.appUrl);
    assert.equal(
      (await (await kit.signIn()).fetch(settingsUrl.href)).status,
      200,
      'the signed-in admin lands',
    );
    assert.equal((await fetch(settingsUrl)).status, 401, 'the link itself carries no credential');
    const row = await connection();
    assert.equal(row?.tenant_id, TENANT_A);
    assert.equal(row?.short_code, '!kCt7Q', 'ShortCode read for deep links');
    assert.notEqual(
      row?.access_token_enc.includes('.'),
      true,
      'tokens are sealed, not JWTs in clear',
    );
  });

  it('refuses the connect link without a signed-in admin', async () => {
    const response = await fetch(`${kit.appUrl}/oauth/xero/connect?company=${COMPANY}`, {
      redirect: 'manual',
    });
    assert.equal(response.status, 401);
  });

  it('refuses to connect a company that has not installed the app', async () => {
    const response = await fetch(`${kit.appUrl}/oauth/xero/connect?company=999999`, {
      redirect: 'manual',
    });
    assert.equal(response.status, 401, 'nobody is signed in to company 999999');
  });

  it('with several organisations authorised shows a picker; the choice replaces the connection (switching)', async () => {
    const picker = await kit.connectXero([TENANT_A, DEMO_TENANT_B]);
    assert.equal(picker.status, 200);
    assert.match(picker.body, /<form method="post" action="\/oauth\/xero\/choose">/);
    assert.match(picker.body, /Kauri Coast Trading Ltd/);
    assert.match(picker.body, /Kauri Coast Wholesale Ltd/);
    assert.equal(
      (await connection())?.tenant_id,
      TENANT_A,
      'nothing changes until a choice is made',
    );

    const chosen = await kit.choose(picker, DEMO_TENANT_B);
    assert.equal(chosen.status, 200);
    assert.match(chosen.body, /Kauri Coast Wholesale Ltd/);
    const rows = await kit.app.db.selectFrom('xero_connections').selectAll().execute();
    assert.equal(rows.length, 1, 'exactly one organisation per company');
    assert.equal(rows[0]?.tenant_id, DEMO_TENANT_B);
  });

  it('refuses a tampered picker answer', async () => {
    const picker = await kit.connectXero([TENANT_A, DEMO_TENANT_B]);
    const forged = {
      ...picker,
      body: picker.body.replace(
        /name="pending" value="[^"]+"/,
        'name="pending" value="v1:AAAA:BBBB:CCCC"',
      ),
    };
    const answer = await kit.choose(forged, TENANT_A);
    assert.equal(answer.status, 400);
    assert.match(answer.body, /xero_choice_invalid/);
    assert.equal((await connection())?.tenant_id, DEMO_TENANT_B);
  });

  it('disconnect removes the connection at Xero and locally', async () => {
    const response = await fetch(`${kit.appUrl}/oauth/xero/disconnect`, {
      method: 'POST',
      headers: { ...kit.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ company: COMPANY }),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { disconnected: true });
    assert.equal(await connection(), undefined);
    const deletes = await kit.control(
      'xero',
      'GET',
      '/__sandbox/requests?method=DELETE&path=/connections',
    );
    assert.ok(
      deletes.requests.some((request: any) => request.status === 204 || request.status === 200),
    );
  });
});
