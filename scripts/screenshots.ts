/**
 * `npm run screenshots`: starts both sandboxes and the app on loopback (test/support/app-kit.ts),
 * walks the flow a person takes in a real Chromium (the same steps as test/browser/flow.test.ts)
 * and photographs every page on arrival in Pipedrive's light and dark themes, at the width of an
 * iframe inside Pipedrive and at full width: ./screenshots/<page>-<theme>-<width>.png (gitignored).
 * Needs /usr/bin/chromium.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { Page } from 'playwright-core';

import { SALES, startAppKit } from '../test/support/app-kit.js';
import { browserSkipReason, launchBrowser } from '../test/support/browser.js';
import {
  applyTheme,
  chooseOrganisation,
  consentInXero,
  enablePanelsAndXeroWebhooks,
  payInvoice,
  previewInModal,
  readXeroDocument,
  replayAllFromHistory,
  replayFromHistory,
  replayFromNote,
  replayLinkOf,
  saveSettings,
  type Shot,
  showPanel,
  xeroLinkOf,
} from '../test/support/browser-walk.js';

const KAURI_DEAL = 1;
const KAURI_ORG = 1;
const EUR_DEAL = 8;
const THEMES = ['light', 'dark'] as const;
/**
 * "iframe": a page inside Pipedrive (the app-settings surface or a custom modal; Pipedrive
 * publishes no fixed width for them, so a typical laptop's share of it); "full": a page of its own.
 */
const WIDTHS = { iframe: 800, full: 1280 } as const;
const VIEW_HEIGHT = 800;
/** A full page is photographed in one viewport as tall as it, so sticky parts sit where they end. */
const MAX_HEIGHT = 12_000;

async function main(): Promise<void> {
  const missing = browserSkipReason();
  if (missing !== undefined) throw new Error(missing);
  const out = resolve('screenshots');
  mkdirSync(out, { recursive: true });

  const kit = await startAppKit({ ready: false });
  const browser = await launchBrowser();
  const { page } = browser;
  const written: string[] = [];
  const shot: Shot = async (name) => {
    for (const [label, width] of Object.entries(WIDTHS)) {
      for (const theme of THEMES) {
        await page.setViewportSize({ width, height: VIEW_HEIGHT });
        await applyTheme(page, theme);
        const height = await page
          .locator('html')
          .evaluate((html) => (html as unknown as { scrollHeight: number }).scrollHeight);
        await page.setViewportSize({
          width,
          height: Math.min(MAX_HEIGHT, Math.max(VIEW_HEIGHT, height)),
        });
        const path = join(out, `${name}-${theme}-${label}.png`);
        await page.screenshot({ path });
        written.push(path);
      }
    }
    await page.setViewportSize({ width: WIDTHS.full, height: VIEW_HEIGHT });
    await applyTheme(page, 'light');
  };
  const forDeal = (dealId: number) => (info: { payload: unknown }) =>
    (info.payload as { dealId?: number }).dealId === dealId;
  /** Photographs a page whose button replays a run, then waits for that replay's job. */
  const shotThenReplay = (dealId: number) => {
    let replay: Promise<unknown> | undefined;
    const then: Shot = async (name) => {
      await shot(name);
      replay = kit.next('job:success', forDeal(dealId));
    };
    return { shot: then, replayed: () => replay };
  };
  try {
    await kit.install();
    await enablePanelsAndXeroWebhooks(kit);
    await consentInXero(page, kit, ['Kauri Coast Trading Ltd', 'Kauri Coast Wholesale Ltd'], shot);
    await chooseOrganisation(page, 'Kauri Coast Trading Ltd', shot);
    await shot('xero-connected');
    await saveSettings(
      page,
      kit,
      {
        rules: [{ stage: 'Sales → Won', document: 'Draft invoice' }],
        companyField: { pipedrive: 'Xero account number', xero: 'Account number' },
      },
      shot,
    );
    await page.getByTestId('documents-dueDate-days').fill('-3');
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST'),
      page.getByTestId('settings-save').click(),
    ]);
    await shot('settings-refused');

    const invoiced = kit.next('job:success', forDeal(KAURI_DEAL));
    await kit.moveDeal(KAURI_DEAL, SALES.won);
    await invoiced;
    const [invoiceNote] = await kit.notes(KAURI_DEAL);
    const xeroHref = xeroLinkOf(invoiceNote?.content ?? '');
    if (xeroHref === undefined) throw new Error('the invoice note has no link to Xero');
    await readXeroDocument(page, xeroHref, shot);
    await previewInModal(page, kit, KAURI_DEAL, shot);
    await showPanel(page, kit, 'deal', KAURI_DEAL, shot);

    const failed = kit.next('job:success', forDeal(EUR_DEAL));
    await kit.moveDeal(EUR_DEAL, SALES.won);
    await failed;
    await previewInModal(page, kit, EUR_DEAL, async () => shot('preview-refused'));
    const [note] = await kit.notes(EUR_DEAL);
    const href = replayLinkOf(note?.content ?? '');
    if (href === undefined) throw new Error('the failed run left no replay link in its note');
    const fromHistory = shotThenReplay(EUR_DEAL);
    await replayFromHistory(page, kit, EUR_DEAL, fromHistory.shot);
    await fromHistory.replayed();
    const fromNote = shotThenReplay(EUR_DEAL);
    await replayFromNote(page, href, fromNote.shot);
    await fromNote.replayed();
    const replayAll = shotThenReplay(EUR_DEAL);
    await replayAllFromHistory(page, kit, replayAll.shot);
    await replayAll.replayed();

    const [invoice] = (await kit.documents()).invoices;
    if (invoice === undefined) throw new Error('the walk made no invoice');
    await payInvoice(kit, invoice.InvoiceID, Number(invoice.Total));
    await readXeroDocument(page, xeroHref, async () => shot('xero-document-paid'));
    await showPanel(page, kit, 'organization', KAURI_ORG, shot);
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
