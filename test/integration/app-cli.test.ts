import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { getCompany } from '../../src/store/repos/companies.js';
import { listRunsForDeal } from '../../src/store/repos/runs.js';
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
    const child = startChildApp(args, kit.env);
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

  it('sync deal queues a run that the running app performs', async () => {
    const done = dealDone(8);
    const synced = await cli('sync', 'deal', '8');
    assert.equal(synced.code, 0, synced.output);
    assert.match(synced.output, /queued run \S+: invoice for deal 8 of company 7001/);
    await done;
    const [run] = await listRunsForDeal(kit.app.db, COMPANY, 8);
    assert.equal(run?.status, 'waiting_fix', 'EUR is not enabled in the demo organisation');
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
