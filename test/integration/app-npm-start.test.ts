import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { type ChildApp, startChildApp } from '../support/child-app.js';
import { freePort } from '../support/free-port.js';

/**
 * `npm start` (pipedrive-xero start) without credentials: sandbox mode. It must start both sandboxes,
 * install the demo company and connect the demo organisation through the real OAuth flows, and print
 * instructions that work as printed: the curl moves a deal, and a draft invoice appears. The other
 * commands, run beside it, talk to the same local vendors; a restart keeps the settings.
 */
describe('npm start in sandbox mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdx-start-'));
  let env: Record<string, string>;
  let child: ChildApp | undefined;
  before(async () => {
    // Fixed ports, so that the one-shot commands below find the servers `start` runs.
    env = {
      PORT: String(await freePort()),
      SANDBOX_PIPEDRIVE_PORT: String(await freePort()),
      SANDBOX_XERO_PORT: String(await freePort()),
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
      LOG_LEVEL: 'info',
    };
  });
  after(async () => {
    await child?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<string> {
    child = startChildApp(['start'], env);
    await child.waitFor((line) => line.text.startsWith('Ctrl-C stops everything'), 90_000);
    return child.output();
  }
  async function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
    const command = startChildApp(args, { ...env, LOG_LEVEL: 'warn' });
    const code = await new Promise<number | null>((resolve) =>
      command.process.once('exit', resolve),
    );
    return { code, output: command.output() };
  }

  it('sets up the demo and its printed curl turns a deal into a draft invoice', async () => {
    const printed = await start();
    assert.match(
      printed,
      /Installed for the demo Pipedrive company 7001; connected to Xero "Kauri Coast Trading Ltd"/,
    );
    assert.match(printed, /sandbox mode: generated an encryption key/);
    assert.doesNotMatch(printed, /data deleted|uninstalled|Sandbox restart/, 'a first start');
    assert.match(readFileSync(join(dir, 'encryption.key'), 'utf8'), /^[A-Za-z0-9+/]{43}=\n$/);

    // Run the printed command: curl -s -X POST <url> -H '…' -d '<json>'
    const move = /curl -s -X POST (\S+) -H 'content-type: application\/json' -d '([^']+)'/.exec(
      printed,
    );
    assert.ok(move, printed);
    const [, moveUrl, moveBody] = move;
    const moved = await fetch(moveUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: moveBody!,
    });
    assert.equal(moved.status, 200);
    await child!.waitFor((line) => line.json?.msg === 'job succeeded');

    const pageUrl = /the draft in Xero:\s+(\S+)/.exec(printed)?.[1];
    const documentsUrl = /as JSON:\s+curl -s (\S+)/.exec(printed)?.[1];
    const notesUrl = /the note on the deal:\s+curl -s (\S+)/.exec(printed)?.[1];
    const { invoices } = (await (await fetch(documentsUrl!)).json()) as { invoices: any[] };
    assert.equal(invoices.length, 1);
    assert.equal(invoices[0].Status, 'DRAFT');
    // The printed page of the Xero sandbox lists the draft, and the note links to its own page.
    const listed = await (await fetch(pageUrl!)).text();
    assert.match(listed, new RegExp(`Invoice ${invoices[0].InvoiceNumber}`));
    const notes = (await (await fetch(notesUrl!)).json()) as { data: any[] };
    assert.match(notes.data[0].content, /Draft invoice INV-\d+ was created in Xero/);
    const invoicePage = /href="([^"]*\/invoicing\/view\/[^"?]+)/.exec(notes.data[0].content)?.[1];
    assert.ok(
      invoicePage !== undefined && invoicePage.startsWith(new URL(pageUrl!).origin),
      notes.data[0].content,
    );
    assert.match(await (await fetch(invoicePage)).text(), /data-testid="xero-document"/);
  });

  it('names the pages; the home page links settings, history and status', async () => {
    const printed = child!.output();
    const home = /home:\s+(\S+)/.exec(printed)?.[1];
    const settings = /settings:\s+(\S+)/.exec(printed)?.[1];
    const history = /history:\s+(\S+)/.exec(printed)?.[1];
    assert.ok(home && settings && history, printed);
    for (const url of [settings, history]) assert.equal((await fetch(url)).status, 200, url);
    const page = await fetch(home);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const body = await page.text();
    for (const href of [
      '/ui/settings?company=7001',
      '/ui/history?company=7001',
      '/api/status?company=7001',
    ]) {
      assert.ok(body.includes(`href="${href}"`), `${href} in ${body}`);
    }
  });

  it('the other commands use the same local vendors', async () => {
    const products = await cli('sync', 'products');
    assert.equal(products.code, 0, products.output);
    assert.match(products.output, /products: done, \d+ synced, \d+ failed/);
    const got = await cli('settings', 'get');
    assert.equal(got.code, 0, got.output);
    const settings = JSON.parse(got.output);
    assert.equal(settings.triggers.rules.length, 2);
    // Keep only the invoice rule: the restart below must keep this.
    settings.triggers.rules = settings.triggers.rules.slice(0, 1);
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify(settings));
    const set = await cli('settings', 'set', file);
    assert.equal(set.code, 0, set.output);
  });

  it('with the local vendors stopped, a command names the host it cannot reach', async () => {
    await child!.stop();
    const products = await cli('sync', 'products');
    assert.equal(products.code, 3, products.output);
    assert.match(
      products.output,
      new RegExp(
        `cannot reach http://127\\.0\\.0\\.1:${env['SANDBOX_PIPEDRIVE_PORT']} \\(ECONNREFUSED\\)`,
      ),
    );
    assert.match(products.output, /npx pipedrive-xero sandbox/);
    assert.doesNotMatch(products.output, /\n\s+at /, 'no stack trace');
  });

  it('a restart says what it resets and keeps the settings', async () => {
    const printed = await start();
    assert.match(
      printed,
      /Sandbox restart: .* runs, documents and tokens from the last start were cleared; its settings were kept/,
    );
    assert.match(printed, /Triggers: as you left them/);
    const got = await cli('settings', 'get');
    assert.equal(JSON.parse(got.output).triggers.rules.length, 1);
  });
});
