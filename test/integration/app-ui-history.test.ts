import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getCompany } from '../../src/store/repos/companies.js';
import { createRun, getRun, listRuns, updateRun } from '../../src/store/repos/runs.js';
import { type AppKit, COMPANY, startAppKit } from '../support/app-kit.js';
import { startChildApp } from '../support/child-app.js';

/** The history page over real HTTP: filters, escaping, replay one and replay all; and `sync products`. */
describe('app UI: history page and the bulk sync command', () => {
  let kit: AppKit;
  const failedRuns: string[] = [];
  before(async () => {
    kit = await startAppKit({ worker: false });
    const at = new Date('2026-03-10T10:00:00Z');
    for (const [dealId, triggerKey] of [
      [1, 'stage:4'],
      [2, 'stage:4'],
    ] as const) {
      const run = await createRun(
        kit.app.db,
        { companyId: COMPANY, kind: 'invoice', dealId, triggerKey },
        at,
      );
      await updateRun(
        kit.app.db,
        COMPANY,
        run.id,
        {
          status: 'failed',
          reasonCode: 'xero_validation_failed',
          message: 'Deal <script>alert(1)</script> has no products',
          requestSummary: { title: '<script>alert(2)</script>' },
        },
        at,
      );
      failedRuns.push(run.id);
    }
    const ok = await createRun(
      kit.app.db,
      { companyId: COMPANY, kind: 'quote', dealId: 3, triggerKey: 'stage:2' },
      new Date('2026-04-01T10:00:00Z'),
    );
    await updateRun(
      kit.app.db,
      COMPANY,
      ok.id,
      { status: 'succeeded' },
      new Date('2026-04-01T10:00:00Z'),
    );
  });
  after(() => kit.close());

  const page = async (extra = '') => {
    const response = await kit.session.fetch(`${kit.appUrl}/ui/history?company=${COMPANY}${extra}`);
    return { status: response.status, html: await response.text() };
  };
  const post = (path: string, fields: Record<string, string>) =>
    kit.session.fetch(`${kit.appUrl}${path}`, {
      method: 'POST',
      body: new URLSearchParams({ company: String(COMPANY), _csrf: kit.session.csrf, ...fields }),
      redirect: 'manual',
    });
  const runRows = (html: string) =>
    [...html.matchAll(/<tr data-testid="run-([^"]+)"/g)].map((m) => m[1]);

  it('escapes what runs carry and says why a run failed', async () => {
    const { status, html } = await page();
    assert.equal(status, 200);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /Deal &lt;script&gt;alert\(1\)&lt;\/script&gt; has no products/);
    assert.match(html, /xero_validation/);
    assert.match(html, /&lt;script&gt;alert\(2\)/);
  });

  it('filters by status, deal, kind and date', async () => {
    assert.equal(runRows((await page('&status=failed')).html).length, 2);
    assert.deepEqual(runRows((await page('&deal=2')).html), [failedRuns[1]]);
    assert.equal(runRows((await page('&kind=quote')).html).length, 1);
    assert.equal(runRows((await page('&from=2026-03-10&to=2026-03-10')).html).length, 2);
    assert.equal(runRows((await page('&from=2026-03-11')).html).length, 1);
    assert.equal((await page('&deal=abc')).status, 400);
  });

  it("names each run's deal by its title, linked to the deal in Pipedrive, and its outcome in words", async () => {
    const { html } = await page('&deal=1');
    const company = await getCompany(kit.app.db, COMPANY);
    const deal = await (await kit.app.connections.pipedriveFor(COMPANY)).getDeal(1);
    assert.match(
      html,
      new RegExp(
        `<a href="https://${company?.domain}\\.pipedrive\\.com/deal/1" target="_blank" rel="noopener" data-testid="deal-link-1">${escapeRegExp(deal.title)}</a>`,
      ),
    );
    assert.match(html, /<span class="badge bad" data-testid="status-[^"]+">Failed<\/span>/);
    assert.match(
      html,
      /<time datetime="2026-03-10T10:00:00.000Z" data-local-time>2026-03-10 10:00 UTC<\/time>/,
    );
    assert.doesNotMatch(html, />failed</, 'no status code shown as text');
  });

  it('pages through long histories, keeping the filters', async () => {
    const at = new Date('2026-02-01T10:00:00Z');
    for (let index = 0; index < 30; index++) {
      const run = await createRun(kit.app.db, { companyId: COMPANY, kind: 'contact' }, at);
      await updateRun(kit.app.db, COMPANY, run.id, { status: 'succeeded' }, at);
    }
    const first = await page('&kind=contact');
    assert.equal(runRows(first.html).length, 25);
    assert.match(first.html, /data-testid="page-next"/);
    const next = /href="([^"]+)" data-testid="page-next"/
      .exec(first.html)?.[1]
      ?.replaceAll('&amp;', '&');
    assert.ok(next?.includes('kind=contact') && next.includes('page=2'), next);
    const second = await kit.session.fetch(`${kit.appUrl}${next}`);
    const html = await second.text();
    assert.equal(runRows(html).length, 5);
    assert.match(html, /data-testid="page-prev"/);
    assert.doesNotMatch(html, /data-testid="page-next"/);
  });

  it('replays one failed run, then all the others', async () => {
    const one = await post('/ui/history/replay', { runId: failedRuns[0]!, status: 'failed' });
    assert.equal(one.status, 303);
    const back = new URL(one.headers.get('location') ?? '', kit.appUrl);
    assert.equal(back.searchParams.get('status'), 'failed', 'back to the history as filtered');
    const replays = () => listRuns(kit.app.db, COMPANY, { statuses: ['queued'] });
    assert.deepEqual(
      (await replays()).map((run) => run.replayOf),
      [failedRuns[0]],
    );
    const { html } = await page(`&notice=x`);
    assert.match(html, /data-testid="history-notice">x</);

    const all = await post('/ui/history/replay-all', {});
    assert.equal(all.status, 303);
    const location = new URL(all.headers.get('location') ?? '', kit.appUrl);
    assert.equal(
      location.searchParams.get('notice'),
      '2 failed runs queued again; each deal gets a note when its run ends.',
    );
    const replayOf = (await replays()).map((run) => run.replayOf).sort();
    assert.deepEqual(replayOf, [failedRuns[0], failedRuns[0], failedRuns[1]].sort());
    assert.equal((await getRun(kit.app.db, COMPANY, failedRuns[1]!))?.status, 'failed');
  });

  it('sync products prints progress and completes, naming what failed', async () => {
    const child = startChildApp(['sync', 'products'], kit.env);
    const code = await new Promise<number | null>((resolve) => child.process.once('exit', resolve));
    assert.equal(code, 0, child.output());
    assert.match(child.output(), /^products: \d+ handled$/m);
    assert.match(child.output(), /products: done, 9 synced, 1 failed/);
    assert.match(child.output(), /- product:7 item_code_too_long/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
