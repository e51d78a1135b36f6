import type { Page } from 'playwright-core';

import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { xeroConnectUrl } from '../../src/services/links.js';
import {
  CONTACT_PANEL_FIELDS,
  DEAL_PANEL_FIELDS,
  type PanelBody,
} from '../../src/sync/mapping/panels.js';
import { type AppKit, COMPANY, PIPEDRIVE_APP, TENANT_A } from './app-kit.js';
import { renderPanelPreview } from './panel-preview.js';

/**
 * The steps a person takes through the app's pages, shared by the browser tests (which assert on
 * what each step returns) and scripts/screenshots.ts (which photographs each page). Every wait is
 * on a page event or a locator, never on a timer. `shot` is called once per page, on arrival.
 */
export type Shot = (name: string) => Promise<void>;
const noShot: Shot = async () => {};

/**
 * The browser takes the session of the admin who installed (kit.jar, docs/access.md), as if the
 * install had happened in it: the connect link and the pages need a signed-in admin.
 */
export async function signInBrowser(page: Page, kit: AppKit): Promise<void> {
  const cookies = [...kit.jar.cookies].map(([name, value]) => ({ name, value, url: kit.appUrl }));
  await page.context().addCookies(cookies);
}

/** Xero's consent page in the sandbox: tick the organisations, Allow; lands on the app's picker. */
export async function consentInXero(
  page: Page,
  kit: AppKit,
  organisations: string[],
  shot = noShot,
): Promise<{ consentHeading: string; pickerChoices: string[] }> {
  await signInBrowser(page, kit);
  await page.goto(xeroConnectUrl(kit.appUrl, COMPANY));
  const heading = page.getByRole('heading', { level: 1 });
  const consentHeading = (await heading.textContent()) ?? '';
  const boxes = page.getByRole('checkbox');
  // Start from nothing ticked, then tick exactly the organisations asked for.
  for (const box of await boxes.all()) await box.uncheck();
  for (const name of organisations) await page.getByRole('checkbox', { name }).check();
  await shot('xero-consent');
  await Promise.all([
    page.waitForURL(/\/oauth\/xero\/callback/),
    page.getByRole('button', { name: 'Allow access' }).click(),
  ]);
  const pickerChoices = await page
    .getByRole('radio')
    .evaluateAll((radios) => radios.map((radio) => radio.parentElement?.textContent?.trim() ?? ''));
  return { consentHeading, pickerChoices };
}

/** The app's organisation picker: choose one, Connect; returns the confirmation text. */
export async function chooseOrganisation(page: Page, name: string, shot = noShot): Promise<string> {
  await page.getByRole('heading', { name: 'Choose a Xero organisation' }).waitFor();
  await page.getByRole('radio', { name }).check();
  await shot('organisation-picker');
  await Promise.all([
    page.waitForURL(/\/oauth\/xero\/choose/),
    page.getByRole('button', { name: 'Connect' }).click(),
  ]);
  return (await page.locator('main').textContent()) ?? '';
}

/** The replay page a failed run's deal note links to: its text, then Replay; returns the answer. */
export async function replayFromNote(
  page: Page,
  href: string,
  shot = noShot,
): Promise<{ pageText: string; resultText: string }> {
  await page.goto(href);
  const pageText = (await page.locator('main').textContent()) ?? '';
  await shot('replay');
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: 'Replay' }).click(),
  ]);
  await page.getByRole('heading', { name: 'Replay queued' }).waitFor();
  return { pageText, resultText: (await page.locator('main').textContent()) ?? '' };
}

/** The replay link inside a deal note's HTML. */
export function replayLinkOf(noteHtml: string): string | undefined {
  return /href="([^"]*\/runs\/[^"]+\/replay[^"]*)"/.exec(noteHtml)?.[1]?.replaceAll('&amp;', '&');
}

export interface PanelView {
  /** The sandbox's verdict on the body against Pipedrive's panel format. */
  valid: boolean;
  errors: string[];
  body: PanelBody;
  /** Each drawn object's header and its fields as the preview shows them. */
  objects: { header: string; text: string }[];
}

/**
 * A JSON panel as a person sees it: the Pipedrive sandbox calls the app's panel URL with a signed
 * JWT and judges the body (POST /__sandbox/pipedrive/panels/call), and the body is drawn by the
 * test support's panel preview (test/support/panel-preview.ts) in the browser.
 */
export async function showPanel(
  page: Page,
  kit: AppKit,
  resource: 'deal' | 'organization',
  selectedId: number,
  shot = noShot,
): Promise<PanelView> {
  const fields = resource === 'deal' ? DEAL_PANEL_FIELDS : CONTACT_PANEL_FIELDS;
  const result = await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/panels/call', {
    clientId: PIPEDRIVE_APP.clientId,
    resource,
    selectedId,
    fields,
  });
  const body = result.body as PanelBody;
  const title = `Xero · ${resource} ${selectedId}`;
  await page.setContent(renderPanelPreview(title, body));
  const cards = page.getByTestId('panel-object');
  const objects = await cards.evaluateAll((sections) =>
    sections.map((section) => ({
      header: section.querySelector('h3')?.textContent ?? '',
      text: section.querySelector('table')?.textContent ?? '',
    })),
  );
  await shot(`${resource}-panel`);
  return { valid: result.valid, errors: result.errors ?? [], body, objects };
}

/** The company's settings or history page (the browser is signed in: `signInBrowser`). */
export function uiUrl(kit: AppKit, path: '/ui/settings' | '/ui/history'): string {
  return `${kit.appUrl}${path}?company=${COMPANY}`;
}

/** The index of the first blank row of a repeating table (the page offers blank rows to fill). */
async function firstBlankRow(page: Page, keyColumn: string): Promise<number> {
  const values = await page
    .locator(`select[data-testid^="${keyColumn}-"]`)
    .evaluateAll((selects) =>
      selects.map((select) => (select as unknown as { value: string }).value),
    );
  const index = values.indexOf('');
  if (index < 0) throw new Error(`no blank ${keyColumn} row on the settings page`);
  return index;
}

export interface SettingsChoice {
  /** Trigger rules by the labels the page shows ("Sales → Won", "Draft invoice"). */
  rules: { stage: string; document: string }[];
  /** One organization field → Xero contact field mapping, by label. */
  companyField: { pipedrive: string; xero: string };
}

/** The settings page: add trigger rules and a field mapping, Save; returns the page's answer. */
export async function saveSettings(
  page: Page,
  kit: AppKit,
  choice: SettingsChoice,
  shot = noShot,
): Promise<{ notice: string; errors: string }> {
  await page.goto(uiUrl(kit, '/ui/settings'));
  for (const rule of choice.rules) {
    const index = await firstBlankRow(page, 'rule.stage');
    await page.getByTestId(`rule.stage-${index}`).selectOption({ label: rule.stage });
    await page.getByTestId(`rule.document-${index}`).selectOption({ label: rule.document });
  }
  const row = await firstBlankRow(page, 'companyField.pipedrive');
  await page
    .getByTestId(`companyField.pipedrive-${row}`)
    .selectOption({ label: choice.companyField.pipedrive });
  await page
    .getByTestId(`companyField.xero-${row}`)
    .selectOption({ label: choice.companyField.xero });
  await shot('settings');
  await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.url().includes('/ui/settings'),
    ),
    page.getByTestId('settings-save').click(),
  ]);
  await page
    .locator('[data-testid="settings-notice"], [data-testid="settings-errors"]')
    .first()
    .waitFor();
  const textOf = async (testId: string) => {
    const found = page.getByTestId(testId);
    return (await found.count()) === 0 ? '' : ((await found.textContent()) ?? '');
  };
  return { notice: await textOf('settings-notice'), errors: await textOf('settings-errors') };
}

/** The history page, filtered to a deal: each run's status, and Replay on the first replayable one. */
export async function replayFromHistory(
  page: Page,
  kit: AppKit,
  dealId: number,
  shot = noShot,
): Promise<{
  statuses: string[];
  labels: string[];
  dealLinks: { text: string; href: string }[];
  filterAfterReplay: string;
  notice: string;
}> {
  await page.goto(uiUrl(kit, '/ui/history'));
  await page.getByTestId('filter-deal').fill(String(dealId));
  await Promise.all([page.waitForURL(/deal=/), page.getByTestId('filter-apply').click()]);
  const rows = page.locator('tr[data-testid^="run-"]');
  const statuses = await rows.evaluateAll((found) =>
    found.map((row) => row.getAttribute('data-status') ?? ''),
  );
  const labels = await page.locator('[data-testid^="status-"]').allTextContents();
  const dealLinks = await page.locator('a[data-testid^="deal-link-"]').evaluateAll((links) =>
    links.map((link) => ({
      text: link.textContent ?? '',
      href: link.getAttribute('href') ?? '',
    })),
  );
  await shot('history');
  await Promise.all([
    page.waitForURL(/notice=/),
    page.locator('button[data-testid^="replay-"]:not([data-testid="replay-all"])').first().click(),
  ]);
  return {
    statuses,
    labels,
    dealLinks,
    filterAfterReplay: await page.getByTestId('filter-deal').inputValue(),
    notice: (await page.getByTestId('history-notice').textContent()) ?? '',
  };
}

/**
 * "Replay all failed runs": the button asks first in a dialog; Cancel leaves everything as it was
 * (no request), Replay all posts. Returns what the dialog said and the page's answer.
 */
export async function replayAllFromHistory(
  page: Page,
  kit: AppKit,
  shot = noShot,
): Promise<{ dialogText: string; requestsOnCancel: number; notice: string }> {
  await page.goto(uiUrl(kit, '/ui/history'));
  let posts = 0;
  const count = (request: { method(): string }) => {
    if (request.method() === 'POST') posts += 1;
  };
  page.on('request', count);
  await page.getByTestId('replay-all').click();
  const dialog = page.getByRole('dialog', { name: 'Replay all failed runs?' });
  await dialog.waitFor();
  const dialogText = (await dialog.textContent()) ?? '';
  await shot('history-confirm');
  await page.getByTestId('confirm-replay-all-cancel').click();
  await dialog.waitFor({ state: 'hidden' });
  const requestsOnCancel = posts;
  page.off('request', count);
  await page.getByTestId('replay-all').click();
  await Promise.all([
    page.waitForURL(/notice=/),
    page.getByTestId('confirm-replay-all-confirm').click(),
  ]);
  return {
    dialogText,
    requestsOnCancel,
    notice: (await page.getByTestId('history-notice').textContent()) ?? '',
  };
}

/**
 * The deal's preview as Pipedrive's custom modal shows it: the Pipedrive sandbox's stand-in host
 * page frames /ui/preview with a signed token (docs/vendors/pipedrive.md §7.4); the page must
 * initialise the SDK, then shows the lines and totals as tables.
 */
export async function previewInModal(
  page: Page,
  kit: AppKit,
  dealId: number,
  shot = noShot,
): Promise<{ lines: string[][]; total: string; refused: string }> {
  const query = new URLSearchParams({
    clientId: PIPEDRIVE_APP.clientId,
    url: `${kit.appUrl}/ui/preview`,
    resource: 'deal',
    selectedIds: String(dealId),
  });
  const { url } = (await (
    await fetch(`${kit.pipedriveUrl}/__sandbox/pipedrive/extensions/custom-ui-url?${query}`)
  ).json()) as { url: string };
  await page.goto(`${kit.pipedriveUrl}/__sandbox/pipedrive/custom-ui-host?${query}`);
  // Pipedrive shows a custom UI only once it initialises the SDK (the host says so, or times out).
  await page.locator('#status', { hasText: 'Extension initialised' }).waitFor();
  // The modal's own page, as the iframe shows it, for what it says (and its photograph).
  await page.goto(url);
  await page.getByTestId('preview').waitFor();
  const lines = await page
    .locator('[data-testid="preview-lines"] tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );
  const total = await page
    .getByTestId('preview-total')
    .textContent()
    .catch(() => '');
  const refused = await page
    .getByTestId('preview-refused')
    .textContent()
    .catch(() => '');
  await shot('preview');
  return { lines, total: total ?? '', refused: refused ?? '' };
}

/** The link a deal note gives to the document in Xero (the sandbox's Xero pages in sandbox mode). */
export function xeroLinkOf(noteHtml: string): string | undefined {
  return /href="([^"]*\/app\/[^"]*\/(?:invoicing|quotes)\/view\/[^"]+)"/
    .exec(noteHtml)?.[1]
    ?.replaceAll('&amp;', '&')
    .replace(/[?&]pdx_note=[^&]*/, '');
}

/** A Xero document page: its status, lines and total as a person reads them. */
export async function readXeroDocument(
  page: Page,
  href: string,
  shot = noShot,
): Promise<{ heading: string; status: string; lines: number; total: string }> {
  await page.goto(href);
  await page.getByTestId('xero-document').waitFor();
  const result = {
    heading: (await page.getByRole('heading', { level: 1 }).textContent()) ?? '',
    status: (await page.getByTestId('document-status').first().textContent()) ?? '',
    lines: await page.locator('[data-testid="document-lines"] tbody tr').count(),
    total: (await page.getByTestId('document-total').textContent()) ?? '',
  };
  await shot('xero-document');
  return result;
}

/**
 * Disconnect Xero from the settings page: the button asks first; Cancel keeps the connection,
 * Disconnect ends it. Returns the dialog's text and the notice after confirming.
 */
export async function disconnectFromSettings(
  page: Page,
  kit: AppKit,
): Promise<{ dialogText: string; statusAfterCancel: string; notice: string }> {
  await page.goto(uiUrl(kit, '/ui/settings'));
  await page.getByTestId('xero-disconnect').click();
  const dialog = page.getByRole('dialog', { name: 'Disconnect Xero?' });
  const dialogText = (await dialog.textContent()) ?? '';
  await page.getByTestId('confirm-disconnect-cancel').click();
  await dialog.waitFor({ state: 'hidden' });
  const statusAfterCancel = (await page.getByTestId('xero-status').textContent()) ?? '';
  await page.getByTestId('xero-disconnect').click();
  await Promise.all([
    page.waitForResponse((response) => response.url().includes('/ui/xero/disconnect')),
    page.getByTestId('confirm-disconnect-confirm').click(),
  ]);
  await page.getByTestId('settings-notice').waitFor();
  return {
    dialogText,
    statusAfterCancel,
    notice: (await page.getByTestId('settings-notice').textContent()) ?? '',
  };
}

/**
 * Lets the Pipedrive sandbox call the app's JSON panels (Developer Hub's panel URLs, signed with the
 * client secret), and subscribes the app to the Xero sandbox's webhooks with the key it is configured
 * with (XERO_WEBHOOK_KEY).
 */
export async function enablePanelsAndXeroWebhooks(kit: AppKit): Promise<void> {
  await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/apps', {
    ...PIPEDRIVE_APP,
    name: 'pipedrive-xero (browser)',
    callbackUrl: `${kit.appUrl}/oauth/pipedrive/callback`,
    scopes: ['base', 'deals:full', 'products:read', 'contacts:full', 'admin', 'users:read'],
    panelUrls: {
      deal: `${kit.appUrl}/panels/deal`,
      organization: `${kit.appUrl}/panels/organization`,
      person: `${kit.appUrl}/panels/person`,
    },
  });
  await kit.control('xero', 'POST', '/__sandbox/xero/webhooks', {
    clientId: DEMO_XERO_APP.clientId,
    url: `${kit.appUrl}/webhooks/xero`,
    key: kit.app.deps.xeroWebhookKey,
  });
}

/**
 * A customer pays: the invoice is approved through Xero's API (as the accountant would) and paid in
 * full through the sandbox; Xero's webhook reaches the app, which refreshes its copy of the invoice.
 */
export async function payInvoice(kit: AppKit, invoiceId: string, amount: number): Promise<void> {
  const token = await kit.app.deps.connections.xero.tokens.getAccessToken(String(COMPANY));
  const approved = await fetch(`${kit.xeroUrl}/api.xro/2.0/Invoices/${invoiceId}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'xero-tenant-id': TENANT_A,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ Invoices: [{ Status: 'AUTHORISED' }] }),
  });
  if (!approved.ok)
    throw new Error(`approving ${invoiceId}: ${approved.status} ${await approved.text()}`);
  const refreshed = kit.next(
    'job:success',
    (info) =>
      info.name === 'refresh-document' &&
      (info.payload as { resourceId: string }).resourceId === invoiceId,
  );
  await kit.control(
    'xero',
    'POST',
    `/__sandbox/xero/tenants/${TENANT_A}/invoices/${invoiceId}/payments`,
    {
      amount,
    },
  );
  await kit.control('xero', 'POST', '/__sandbox/xero/webhooks/flush');
  await refreshed;
}

/** The theme as Pipedrive gives it (`data-theme`, docs/vendors/pipedrive.md §7.4) and as the browser prefers it. */
export async function applyTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page
    .locator('html')
    .evaluate(
      (html, value) =>
        (html as unknown as { setAttribute(name: string, value: string): void }).setAttribute(
          'data-theme',
          value,
        ),
      theme,
    );
}
