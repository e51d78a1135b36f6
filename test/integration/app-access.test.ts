import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { CookieJar, hop } from '../../src/cli/oauth-walk.js';
import { type AppKit, COMPANY, PIPEDRIVE_APP, startAppKit } from '../support/app-kit.js';
import { stageChangeEvent, webhookAuthorization } from '../support/pipedrive-webhook.js';
import { tenantDigest } from '../support/tenant-digest.js';

/**
 * Access as docs/access.md describes it, over real HTTP: the settings page opened the way
 * Pipedrive's iframe opens it (an admin gets a session, a non-admin or a forged token does not),
 * the security headers, coded 404s, strict ids, the status API, and the rate limit.
 */
describe('app access: Pipedrive sign-in, headers, ids and limits', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit({ worker: false, env: { RATE_LIMIT_PER_MINUTE: '300' } });
  });
  after(() => kit.close());

  const frameUrl = async (userId: number, companyId = COMPANY) => {
    const query = new URLSearchParams({
      clientId: PIPEDRIVE_APP.clientId,
      url: `${kit.appUrl}/ui/settings`,
      companyId: String(companyId),
      userId: String(userId),
    });
    return (
      await kit.control(
        'pipedrive',
        'GET',
        `/__sandbox/pipedrive/extensions/custom-ui-url?${query.toString()}`,
      )
    ).url as string;
  };

  it("an admin opening the page in Pipedrive's iframe gets a session, and the token leaves the URL", async () => {
    const jar = new CookieJar();
    const opened = await hop(await frameUrl(1001), {}, jar);
    assert.equal(opened.status, 303);
    const location = new URL(opened.location!);
    assert.equal(location.pathname, '/ui/settings');
    assert.equal(location.searchParams.get('company'), String(COMPANY));
    assert.ok(location.searchParams.get('id'), 'the SDK runtime id stays');
    assert.equal(location.searchParams.get('token'), null, 'no credential left in the URL');
    assert.ok(jar.cookies.has('pdx_session'));
    const page = await hop(opened.location!, {}, jar);
    assert.equal(page.status, 200);
    assert.match(page.body, /name="_csrf" value="[^"]+"/);
  });

  it('a non-admin of the company is refused in plain words and gets no session', async () => {
    const before = await tenantDigest(kit.app.db, COMPANY);
    const jar = new CookieJar();
    const opened = await hop(await frameUrl(1002), {}, jar);
    assert.equal(opened.status, 403);
    assert.match(opened.body, /Only an admin of this Pipedrive company/);
    assert.match(opened.body, /not_company_admin/);
    assert.equal(jar.cookies.has('pdx_session'), false);
    assert.equal(await tenantDigest(kit.app.db, COMPANY), before);
  });

  it('a forged, altered or mismatched Pipedrive token is refused', async () => {
    const url = new URL(await frameUrl(1001));
    const token = url.searchParams.get('token')!;
    const cases: [string, (target: URL) => void][] = [
      [
        'altered signature',
        (target) => target.searchParams.set('token', `${token.slice(0, -2)}xx`),
      ],
      ['another user in the query', (target) => target.searchParams.set('userId', '1002')],
      ['another company in the query', (target) => target.searchParams.set('companyId', '7002')],
      ['not a JWT', (target) => target.searchParams.set('token', 'nope')],
    ];
    for (const [name, change] of cases) {
      const target = new URL(url);
      change(target);
      const answer = await hop(target.toString(), {}, new CookieJar());
      assert.equal(answer.status, 401, `${name}: ${answer.status} ${answer.body.slice(0, 200)}`);
      assert.match(answer.body, /access_denied/, name);
    }
  });

  it('signs an admin in with Pipedrive OAuth outside Pipedrive and returns to the page; refuses a non-admin', async () => {
    const signIn = async (userId: number) => {
      const jar = new CookieJar();
      const start = await hop(
        `${kit.appUrl}/auth/pipedrive?return=${encodeURIComponent(`/ui/history?company=${COMPANY}`)}`,
        {},
        jar,
      );
      assert.equal(start.status, 302);
      const consent = new URL(start.location!);
      consent.searchParams.set('auto_approve', '1');
      consent.searchParams.set('user_id', String(userId));
      const callback = await hop(consent.toString(), {}, jar);
      return { jar, answer: await hop(callback.location!, {}, jar) };
    };
    const admin = await signIn(1001);
    assert.equal(admin.answer.status, 303, admin.answer.body);
    assert.equal(admin.answer.location, `${kit.appUrl}/ui/history?company=${COMPANY}`);
    const history = await hop(admin.answer.location!, {}, admin.jar);
    assert.equal(history.status, 200);
    const grants = await kit.app.db.selectFrom('pipedrive_connections').selectAll().execute();
    const other = await signIn(1002);
    assert.equal(other.answer.status, 403);
    assert.match(other.answer.body, /not_company_admin/);
    assert.equal(other.jar.cookies.has('pdx_session'), false);
    assert.deepEqual(
      await kit.app.db.selectFrom('pipedrive_connections').selectAll().execute(),
      grants,
      "the company's grant is kept",
    );
  });

  it('a sign-in return address must be a page of this app', async () => {
    const away = await fetch(
      `${kit.appUrl}/auth/pipedrive?return=${encodeURIComponent('//evil.example/')}`,
      {
        redirect: 'manual',
      },
    );
    assert.equal(away.status, 400);
  });

  it('sends security headers: CSP framing by Pipedrive only, no referrer, nosniff, no-store', async () => {
    const response = await kit.session.fetch(`${kit.appUrl}/ui/settings?company=${COMPANY}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors https:\/\/\*\.pipedrive\.com http:\/\/127\.0\.0\.1:\d+/);
    assert.match(csp, /script-src 'self'/);
    assert.equal(response.headers.get('x-frame-options'), null);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('answers an unknown route 404 with a code', async () => {
    const response = await fetch(`${kit.appUrl}/nope?x=1`);
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as any).error.code, 'route_not_found');
  });

  it('takes ids written in digits only', async () => {
    for (const id of [
      '0x1b59',
      '%207001',
      '7001%20',
      '07001',
      '-7001',
      '7001.0',
      '1e3',
      '99999999999999999999',
    ]) {
      const response = await fetch(`${kit.appUrl}/api/companies/${id}/settings`, {
        headers: kit.auth,
      });
      assert.ok([400, 403, 404].includes(response.status), `${id}: ${response.status}`);
      const status = await fetch(`${kit.appUrl}/api/status?company=${id}`, { headers: kit.auth });
      assert.equal(status.status, 400, `status ?company=${id}`);
    }
  });

  it('GET /api/status needs a company and its key or session, and shows that company only', async () => {
    const anonymous = await fetch(`${kit.appUrl}/api/status`);
    assert.equal(anonymous.status, 400);
    assert.equal(((await anonymous.json()) as any).error.code, 'request_invalid');
    const withKey = await fetch(`${kit.appUrl}/api/status?company=${COMPANY}`, {
      headers: kit.auth,
    });
    assert.equal(withKey.status, 200);
    const report = (await withKey.json()) as any;
    assert.deepEqual(
      report.companies.map((company: any) => company.id),
      [COMPANY],
    );
  });

  it('limits requests per company and answers 429 with a code and Retry-After', async () => {
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 400 && limited === undefined; attempt++) {
      const response = await fetch(`${kit.appUrl}/api/companies/7003/runs`);
      if (response.status === 429) limited = response;
      else await response.arrayBuffer();
    }
    assert.ok(limited, 'no 429 within 400 requests');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(((await limited.json()) as any).error.code, 'rate_limited');
    // Another company is not held back by it.
    const other = await fetch(`${kit.appUrl}/api/companies/${COMPANY}/settings`, {
      headers: kit.auth,
    });
    assert.equal(other.status, 200);
  });

  // A refused delivery is retried only three times before Pipedrive bans the webhook: a bulk edit
  // of more deals than any limit must not lose events. (The limit here is 300 a minute; webhooks
  // had ten times that before.)
  it("never refuses the company's authenticated webhook deliveries", async () => {
    const authorization = await webhookAuthorization(kit);
    const statuses = new Map<number, number>();
    const deliveries = 3_100;
    let next = 0;
    const deliver = async () => {
      const index = next++;
      const response = await fetch(`${kit.appUrl}/webhooks/pipedrive/${COMPANY}`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: stageChangeEvent(COMPANY, `bulk-edit-${index}`, {
          id: 1,
          from: 1,
          to: 2,
          bulkEdit: true,
        }),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    };
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < deliveries) await deliver();
      }),
    );
    assert.deepEqual([...statuses], [[200, deliveries]]);
  });
});
