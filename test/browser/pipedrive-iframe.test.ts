import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getCompany } from '../../src/store/repos/companies.js';
import { type AppKit, COMPANY, PIPEDRIVE_APP, startAppKit } from '../support/app-kit.js';
import { type BrowserSession, browserSkipReason, launchBrowser } from '../support/browser.js';

/**
 * The settings page the way Pipedrive shows it (docs/vendors/pipedrive.md §7.4, docs/access.md): the
 * Pipedrive sandbox's custom-UI host page frames the app with its signed token in the URL; the app
 * signs the admin in (a session cookie that works inside the frame), drops the token from the URL,
 * initialises the App Extensions SDK, and a setting saved inside the frame is stored.
 */
const skip = browserSkipReason() ?? false;

describe("browser: the settings page inside Pipedrive's iframe", { skip }, () => {
  let kit: AppKit;
  let browser: BrowserSession;
  before(async () => {
    kit = await startAppKit({ worker: false });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await kit?.close();
  });

  const host = (userId: number) =>
    `${kit.pipedriveUrl}/__sandbox/pipedrive/custom-ui-host?${new URLSearchParams({
      clientId: PIPEDRIVE_APP.clientId,
      url: `${kit.appUrl}/ui/settings`,
      companyId: String(COMPANY),
      userId: String(userId),
    }).toString()}`;

  it('an admin opens it, the SDK initialises, and a setting saved in the frame is stored', async () => {
    const { page } = browser;
    await page.goto(host(1001));
    await page.waitForFunction(() => (globalThis as any).sandboxHost?.initialized === true);
    const frame = page.frameLocator('#extension');
    const field = frame.locator('[name="documents.referenceTemplate"]');
    await field.fill('PD {deal.id} from the iframe');
    const appFrame = page.frames().find((candidate) => candidate.url().startsWith(kit.appUrl));
    assert.ok(appFrame, 'the app is framed');
    const url = new URL(appFrame.url());
    assert.equal(url.searchParams.get('token'), null, 'the signed token left the URL');
    assert.ok(url.searchParams.get('id'), "the SDK's id stayed");
    await frame.getByTestId('settings-save').click();
    await frame.getByTestId('settings-notice').waitFor();
    assert.match((await frame.getByTestId('settings-notice').textContent()) ?? '', /saved/i);
    const settings = (await getCompany(kit.app.db, COMPANY))?.settings as any;
    assert.equal(settings.documents.referenceTemplate, 'PD {deal.id} from the iframe');
  });

  it('a user who is not an admin sees a refusal in plain words inside the frame', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await page.goto(host(1002));
    const frame = page.frameLocator('#extension');
    await frame.locator('main').waitFor();
    assert.match(
      (await frame.locator('main').textContent()) ?? '',
      /Only an admin of this Pipedrive company/,
    );
  });
});
