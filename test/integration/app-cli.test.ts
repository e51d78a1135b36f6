import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { getCompany } from '../../src/store/repos/companies.js';
import { listRuns, listRunsForDeal } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';
import { startChildApp } from '../support/child-app.js';

/**
 * The one-shot commands, as processes on the store of a running app (whose worker runs the jobs).
 * Each command is a process that loads the app (seconds under tsx), so this file keeps to few.
 */
describe('pipedrive-xero CLI commands', () => {
  let kit: AppKit;
  before(async () => {
    kit = await startAppKit();
  });
  after(() => kit.close());

  async function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
    return cliWith(kit.env, ...args);
  }
  async function cliWith(
    env: Record<string, string>,
    ...args: string[]
  ): Promise<{ code: number | null; output: string }> {
    const child = startChildApp(args, env);
    const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
    return { code, output: child.output() };
  }
  const dealDone = (dealId: number) =>
    kit.next('job:success', (info) => (info.payload as { dealId: number }).dealId === dealId);

  it('settings set refuses invalid settings listing every problem, and stores nothing', async () => {
    const file = join(kit.dir, 'bad-settings.json');
    writeFileSync(file, JSON.stringify({ documents: { defaultAccountCode: '' }, extra: 1 }));
    const refused = await cli('settings', 'set', file);
    assert.equal(refused.code, 1);
    assert.match(refused.output, /settings_invalid/);
    assert.match(refused.output, /- documents\.defaultAccountCode: /);
    assert.match(refused.output, /extra/);
    const stored = (await getCompany(kit.app.db, COMPANY))?.settings as any;
    assert.equal(stored.triggers.rules.length, 2);
  });

  it('--version prints the package version', async () => {
    const version = await cli('--version');
    assert.equal(version.code, 0);
    assert.equal(version.output.trim(), '0.1.0');
  });

  it('a bad deal id or an unknown company is refused before any run exists', async () => {
    const runsBefore = await listRuns(kit.app.db, COMPANY, {});
    const abc = await cli('sync', 'deal', 'abc');
    assert.equal(abc.code, 2, abc.output);
    assert.match(abc.output, /the deal id must be a positive whole number; got "abc"/);
    const unknown = await cli('sync', 'deal', '8', '--company', '9999');
    assert.equal(unknown.code, 1, unknown.output);
    assert.match(unknown.output, /company_not_found: Company 9999 has not installed the app/);
    assert.deepEqual(await listRuns(kit.app.db, COMPANY, {}), runsBefore, 'nothing was queued');
    const status = await cli('status', '--company', '9999');
    assert.equal(status.code, 1, status.output);
    assert.match(status.output, /company_not_found/);
  });

  it('settings set names a missing or broken file in one line, exit 2', async () => {
    const missing = await cli('settings', 'set', join(kit.dir, 'nope.json'));
    assert.equal(missing.code, 2, missing.output);
    assert.match(missing.output, /cannot read the settings file \S+nope\.json: no such file/);
    const broken = join(kit.dir, 'broken.json');
    writeFileSync(broken, '{"triggers": ');
    const notJson = await cli('settings', 'set', broken);
    assert.equal(notJson.code, 2, notJson.output);
    assert.match(notJson.output, /is not JSON .* fix: start from `npx pipedrive-xero settings get/);
    assert.doesNotMatch(notJson.output, /\n\s+at /, 'no stack trace');
  });

  it('status --links builds links on PUBLIC_URL and refuses without it', async () => {
    const { PUBLIC_URL: _unset, ...withoutPublicUrl } = kit.env;
    const refused = await cliWith({ ...withoutPublicUrl, PORT: '3999' }, 'status', '--links');
    assert.equal(refused.code, 2, refused.output);
    assert.match(refused.output, /status --links needs PUBLIC_URL/);
    const links = await cliWith({ ...kit.env, PORT: '3999' }, 'status', '--links');
    assert.equal(links.code, 0, links.output);
    const link = /connect link of 7001: (\S+)/.exec(links.output)?.[1];
    assert.ok(link?.startsWith(`${kit.appUrl}/oauth/xero/connect?company=7001`), links.output);
  });

  it('sync deal queues a run that the running app performs', async () => {
    const synced = await cli('sync', 'deal', '8');
    assert.equal(synced.code, 0, synced.output);
    assert.match(synced.output, /queued run \S+: invoice for deal 8 of company 7001/);
    // Polled rather than awaited as an event: the child's start-up (seconds under load) must not
    // eat into the wait, and the run may be done before a listener could be added.
    let status: string | undefined;
    for (let tries = 0; tries < 150; tries += 1) {
      status = (await listRunsForDeal(kit.app.db, COMPANY, 8))[0]?.status;
      if (status !== undefined && status !== 'queued' && status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(status, 'waiting_fix', 'EUR is not enabled in the demo organisation');
  });

  it('catch-up checks the webhook and the deals now; status --json shows it', async () => {
    const checked = await cli('catch-up');
    assert.equal(checked.code, 0, checked.output);
    assert.match(checked.output, new RegExp(`company ${COMPANY}: webhook ok`));
    assert.match(checked.output, /deals examined, 0 missed runs started/);
  });

  it('status --json shows connections, queue counts and runs', async () => {
    const done = dealDone(1);
    await kit.moveDeal(1, SALES.won);
    await done;
    const status = await cli('status', '--json');
    assert.equal(status.code, 0, status.output);
    const report = JSON.parse(status.output);
    assert.equal(report.companies[0].xero.tenantName, 'Kauri Coast Trading Ltd');
    assert.equal(report.companies[0].catchUp.webhook.status, 'ok');
    assert.deepEqual(report.queue, {
      pending: 0,
      scheduled: 1, // the company's next catch-up check
      running: 0,
      failed: 0,
    });
    const runs = report.companies[0].lastRuns;
    assert.ok(runs.some((run: any) => run.dealId === 1 && run.status === 'succeeded'));
  });

  it('keys create prints a key once that opens the API; list shows it; revoke ends it', async () => {
    const created = await cli('keys', 'create', '--name', 'ci', '--expires', '30');
    assert.equal(created.code, 0, created.output);
    const id = /key (\w+) of company/.exec(created.output)?.[1];
    const key = /^(pdxk_\S+)$/m.exec(created.output)?.[1];
    assert.ok(id && key, created.output);
    const settings = () =>
      fetch(`${kit.appUrl}/api/companies/${COMPANY}/settings`, {
        headers: { authorization: `Bearer ${key}` },
      });
    assert.equal((await settings()).status, 200);
    const listed = await cli('keys', 'list');
    assert.match(listed.output, new RegExp(`${id}  ci  created \\S+  active until `));
    assert.doesNotMatch(listed.output, /pdxk_/, 'a key is shown once, by create');
    const revoked = await cli('keys', 'revoke', id);
    assert.equal(revoked.code, 0, revoked.output);
    const refused = await settings();
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as any).error.code, 'access_denied');
  });
});
