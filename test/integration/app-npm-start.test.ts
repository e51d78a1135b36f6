import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { type ChildApp, startChildApp } from '../support/child-app.js';

/**
 * `npm start` (pipedrive-xero start) without credentials: sandbox mode. It must start both sandboxes,
 * install the demo company and connect the demo organisation through the real OAuth flows, and print
 * instructions that work as printed: the curl moves a deal, and a draft invoice appears.
 */
describe('npm start in sandbox mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdx-start-'));
  let child: ChildApp | undefined;
  after(async () => {
    await child?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets up the demo and its printed curl turns a deal into a draft invoice', async () => {
    child = startChildApp(['start'], {
      PORT: '0',
      SANDBOX_PIPEDRIVE_PORT: '0',
      SANDBOX_XERO_PORT: '0',
      DATA_DIR: dir,
      DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
      LOG_LEVEL: 'info',
    });
    await child.waitFor((line) => line.text.startsWith('Ctrl-C stops everything'), 60_000);
    const printed = child.output();
    assert.match(
      printed,
      /Installed for the demo Pipedrive company 7001; connected to Xero "Kauri Coast Trading Ltd"/,
    );
    assert.match(printed, /sandbox mode: generated an encryption key/);
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
    await child.waitFor((line) => line.json?.msg === 'job succeeded');

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
});
