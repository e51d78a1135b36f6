/**
 * `npm run screenshots`: starts both sandboxes and the app on loopback (test/support/app-kit.ts),
 * walks the flow a person takes in a real Chromium (the same steps as test/browser/flow.test.ts)
 * and writes one PNG per page to ./screenshots/ (gitignored). Needs /usr/bin/chromium.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { SALES, startAppKit } from '../test/support/app-kit.js';
import { browserSkipReason, launchBrowser } from '../test/support/browser.js';
import {
  chooseOrganisation,
  consentInXero,
  enablePanelsAndXeroWebhooks,
  payInvoice,
  replayFromHistory,
  replayFromNote,
  replayLinkOf,
  saveSettings,
  type Shot,
  showPanel,
} from '../test/support/browser-walk.js';

const KAURI_DEAL = 1;
const KAURI_ORG = 1;
const EUR_DEAL = 8;

async function main(): Promise<void> {
  const missing = browserSkipReason();
  if (missing !== undefined) throw new Error(missing);
  const out = resolve('screenshots');
  mkdirSync(out, { recursive: true });

  const kit = await startAppKit({ ready: false });
  const browser = await launchBrowser();
  const written: string[] = [];
  const shot: Shot = async (name) => {
    const path = join(out, `${name}.png`);
    await browser.page.screenshot({ path, fullPage: true });
    written.push(path);
  };
  const forDeal = (dealId: number) => (info: { payload: unknown }) =>
    (info.payload as { dealId?: number }).dealId === dealId;
  try {
    await kit.install();
    await enablePanelsAndXeroWebhooks(kit);
    await consentInXero(
      browser.page,
      kit,
      ['Kauri Coast Trading Ltd', 'Kauri Coast Wholesale Ltd'],
      shot,
    );
    await chooseOrganisation(browser.page, 'Kauri Coast Trading Ltd', shot);
    await saveSettings(
      browser.page,
      kit,
      {
        rules: [{ stage: 'Sales → Won', document: 'Draft invoice' }],
        companyField: { pipedrive: 'Xero account number', xero: 'Account number' },
      },
      shot,
    );

    const invoiced = kit.next('job:success', forDeal(KAURI_DEAL));
    await kit.moveDeal(KAURI_DEAL, SALES.won);
    await invoiced;
    await showPanel(browser.page, kit, 'deal', KAURI_DEAL, shot);

    const failed = kit.next('job:success', forDeal(EUR_DEAL));
    await kit.moveDeal(EUR_DEAL, SALES.won);
    await failed;
    const [note] = await kit.notes(EUR_DEAL);
    const href = replayLinkOf(note?.content ?? '');
    if (href === undefined) throw new Error('the failed run left no replay link in its note');
    const replayed = kit.next('job:success', forDeal(EUR_DEAL));
    await replayFromHistory(browser.page, kit, EUR_DEAL, shot);
    await replayed;
    await replayFromNote(browser.page, href, shot);

    const [invoice] = (await kit.documents()).invoices;
    await payInvoice(kit, invoice.InvoiceID, Number(invoice.Total));
    await showPanel(browser.page, kit, 'organization', KAURI_ORG, shot);
  } finally {
    await browser.close();
    await kit.close();
  }
  for (const path of written) console.log(path);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
