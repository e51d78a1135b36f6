import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { DEMO_CONTACT_GROUPS } from '../../sandbox/xero/seed.js';
import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';

/** The settings page over real HTTP: real choices from both sandboxes, save, refusals, import/export, bulk sync. */
describe('app UI: settings page', () => {
  let kit: AppKit;
  let csrf: string;
  before(async () => {
    kit = await startAppKit();
    csrf = kit.session.csrf;
  });
  after(() => kit.close());

  const pageUrl = (path: string, extra = '') => `${kit.appUrl}${path}?company=${COMPANY}${extra}`;
  const getPage = async (path = '/ui/settings', extra = '') => {
    const response = await kit.session.fetch(pageUrl(path, extra));
    return { status: response.status, html: await response.text() };
  };
  const apiSettings = async () => {
    const response = await fetch(`${kit.appUrl}/api/companies/${COMPANY}/settings`, {
      headers: kit.auth,
    });
    return ((await response.json()) as any).settings;
  };
  /** The form as the browser would post it: every field of the page, with `change` applied. */
  const formFrom = (html: string, change: (form: URLSearchParams) => void) => {
    const form = new URLSearchParams();
    const section = html.slice(
      html.indexOf('data-testid="settings-form"'),
      html.indexOf('</form>', html.indexOf('data-testid="settings-form"')),
    );
    for (const match of section.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      form.append(match[1]!, decode(match[2]!));
    for (const match of section.matchAll(/<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs)) {
      const selected = /<option value="([^"]*)" selected>/.exec(match[2]!);
      form.append(match[1]!, decode(selected?.[1] ?? ''));
    }
    for (const match of section.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>(.*?)<\/textarea>/gs))
      form.append(match[1]!, decode(match[2]!));
    change(form);
    return form;
  };
  const post = (path: string, form: URLSearchParams) =>
    kit.session.fetch(`${kit.appUrl}${path}`, { method: 'POST', body: form, redirect: 'manual' });

  it('needs a signed-in admin outside sandbox mode, and offers the sign-in', async () => {
    const response = await fetch(`${kit.appUrl}/ui/settings?company=${COMPANY}`);
    assert.equal(response.status, 401);
    const html = await response.text();
    assert.match(html, /access_denied/);
    assert.match(html, /href="\/auth\/pipedrive\?return=/);
  });

  it('refuses a form without the CSRF token and stores nothing', async () => {
    const before = await apiSettings();
    const response = await post(
      '/ui/settings/import',
      new URLSearchParams({ company: String(COMPANY), settingsJson: '{}' }),
    );
    assert.equal(response.status, 403);
    assert.match(await response.text(), /csrf_invalid/);
    assert.deepEqual(await apiSettings(), before);
  });

  it('renders real pipelines, stages, accounts, tax rates and fields', async () => {
    const { status, html } = await getPage();
    assert.equal(status, 200);
    assert.match(html, /Sales → Proposal/);
    assert.match(html, new RegExp(`value="${SALES.pipelineId}:${SALES.won}" selected`));
    assert.match(html, /<option value="200" selected>200 /);
    assert.match(html, /value="OUTPUT2"/);
    assert.match(html, /value="address.locality"/);
    assert.match(html, /<option value="email"[^>]*>Email \(primary\)/);
    assert.doesNotMatch(html, /\(not found\)/, 'every default mapping names a real field');
    assert.match(html, /data-testid="xero-organisation">[^<]+</);
    assert.match(html, /data-testid="usage">0 of 100</);
    assert.match(html, /src="\/ui\/static\/app-extensions-sdk.js"/);
    const sdk = await fetch(`${kit.appUrl}/ui/static/app-extensions-sdk.js`);
    assert.equal(sdk.status, 200);
    assert.match(await sdk.text(), /AppExtensionsSDK/);
  });

  it('saving a trigger rule and a field mapping changes the stored settings', async () => {
    const { html } = await getPage();
    const form = formFrom(html, (form) => {
      form.append('rule.stage', `${SALES.pipelineId}:${SALES.negotiation}`);
      form.append('rule.document', 'quote');
      form.append('personField.pipedrive', 'email');
      form.append('personField.xero', 'AccountNumber');
    });
    const response = await post('/ui/settings', form);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /data-testid="settings-notice">Settings saved/);
    const settings = await apiSettings();
    assert.deepEqual(settings.triggers.rules.at(-1), {
      pipelineId: SALES.pipelineId,
      stageId: SALES.negotiation,
      document: 'quote',
    });
    assert.deepEqual(settings.contacts.personFields.at(-1), {
      pipedriveField: 'email',
      xeroField: 'AccountNumber',
    });
  });

  it('saving customer field pairs, the product match field and a product link stores them (issue 10)', async () => {
    const { html } = await getPage();
    assert.match(html, /data-testid="matching"/);
    // The organisation's active contact groups are offered, the deleted one is not.
    assert.match(
      html,
      new RegExp(`value="${DEMO_CONTACT_GROUPS.active}"[^>]*>Pipedrive customers<`),
    );
    assert.ok(!html.includes(DEMO_CONTACT_GROUPS.deleted));
    const form = formFrom(html, (form) => {
      form.append('matchField.organization.pipedrive', 'name');
      form.append('matchField.organization.xero', 'Name');
      form.append('matchField.person.pipedrive', 'email');
      form.append('matchField.person.xero', 'EmailAddress');
      form.set('items.matchBy.xeroField', 'Name');
      form.append('itemLink.product', '6');
      form.append('itemLink.code', 'GEN-SVC');
      form.set('contacts.customerNumber.from', 'xero');
      form.set('contacts.newContacts.salesAccountCode', '260');
      form.set('contacts.newContacts.paymentTerms.day', '20');
      form.set('contacts.newContacts.paymentTerms.type', 'OFFOLLOWINGMONTH');
      form.set('contacts.newContacts.contactGroupId', DEMO_CONTACT_GROUPS.active);
    });
    const response = await post('/ui/settings', form);
    assert.equal(response.status, 200, await response.clone().text());
    const page = await response.text();
    assert.match(page, /data-testid="settings-notice">Settings saved/);
    assert.match(page, /<option value="6" selected>Router X200 \(HW-ROUTER\)</);
    const settings = await apiSettings();
    assert.deepEqual(settings.contacts.matchFields, {
      organization: [{ pipedriveField: 'name', xeroField: 'Name' }],
      person: [{ pipedriveField: 'email', xeroField: 'EmailAddress' }],
    });
    assert.deepEqual(settings.items.matchBy, { pipedriveField: 'code', xeroField: 'Name' });
    assert.deepEqual(settings.items.links, [{ productId: 6, itemCode: 'GEN-SVC' }]);
    assert.deepEqual(settings.contacts.customerNumber, { from: 'xero', writeBackField: null });
    assert.deepEqual(settings.contacts.newContacts, {
      defaultCurrency: null,
      salesAccountCode: '260',
      taxType: null,
      paymentTerms: { day: 20, type: 'OFFOLLOWINGMONTH' },
      contactGroupId: DEMO_CONTACT_GROUPS.active,
    });

    // Saving the page again keeps them: the form carries every setting.
    const again = await post(
      '/ui/settings',
      formFrom(page, () => undefined),
    );
    assert.equal(again.status, 200);
    const kept = await apiSettings();
    assert.deepEqual(kept.items.links, [{ productId: 6, itemCode: 'GEN-SVC' }]);
    assert.deepEqual(kept.contacts, settings.contacts);
  });

  it("a product link is picked from the company's products, by name and code (issue 10)", async () => {
    const { html } = await getPage();
    const cell = /<select name="itemLink.product"[^>]*>(.*?)<\/select>/s.exec(html)?.[1] ?? '';
    assert.match(cell, /<option value="1">Consulting hour \(CONS-HR\)<\/option>/);
    assert.match(cell, /<option value="\d+">Travel expenses<\/option>/, 'a product without a code');
    assert.doesNotMatch(html, /data-testid="products-truncated"/);
  });

  it('a linked product Pipedrive does not list still shows with its id, and saving keeps it', async () => {
    const settings = await apiSettings();
    const links = [{ productId: 987654, itemCode: 'LIC-STD' }];
    const put = await fetch(`${kit.appUrl}/api/companies/${COMPANY}/settings`, {
      method: 'PUT',
      headers: { ...kit.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ...settings, items: { ...settings.items, links } }),
    });
    assert.equal(put.status, 200, await put.clone().text());
    const { html } = await getPage();
    assert.match(html, /<option value="987654" selected>987654 \(not found\)</);
    const saved = await post(
      '/ui/settings',
      formFrom(html, () => undefined),
    );
    assert.equal(saved.status, 200, await saved.clone().text());
    assert.deepEqual((await apiSettings()).items.links, links);
  });

  it('invalid input shows every error next to its field and stores nothing', async () => {
    const before = await apiSettings();
    const { html } = await getPage();
    const form = formFrom(html, (form) => {
      form.set('documents.dueDate.days', 'soon');
      form.set('items.productNotFound', 'default_item');
      form.set('documents.defaultAccountCode', '999');
    });
    const response = await post('/ui/settings', form);
    assert.equal(response.status, 400);
    const body = await response.text();
    assert.match(body, /data-testid="error-documents-dueDate-days"/);
    assert.match(body, /data-testid="error-items-defaultItemCode"/);
    assert.match(body, /value="soon"/, 'the page shows what was typed');
    assert.deepEqual(await apiSettings(), before);
    // The organisation's codes are checked once the schema passes.
    const unknownCode = formFrom(html, (form) => form.set('documents.defaultAccountCode', '999'));
    const refused = await post('/ui/settings', unknownCode);
    assert.equal(refused.status, 400);
    assert.match(
      await refused.text(),
      /data-testid="error-documents-defaultAccountCode".*Xero has no active account &quot;999&quot;/s,
    );
    assert.deepEqual(await apiSettings(), before);
  });

  it('export → import round trip, and a bad file shows errors', async () => {
    const exported = await kit.session.fetch(pageUrl('/ui/settings/export'));
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-disposition') ?? '', /attachment/);
    const text = await exported.text();
    assert.deepEqual(JSON.parse(text), await apiSettings());
    const changed = JSON.parse(text);
    changed.documents.referenceTemplate = 'Deal {deal.id}';
    const imported = await post(
      '/ui/settings/import',
      new URLSearchParams({
        company: String(COMPANY),
        _csrf: csrf,
        settingsJson: JSON.stringify(changed),
      }),
    );
    assert.equal(imported.status, 200);
    assert.equal((await apiSettings()).documents.referenceTemplate, 'Deal {deal.id}');

    const notJson = await post(
      '/ui/settings/import',
      new URLSearchParams({ company: String(COMPANY), _csrf: csrf, settingsJson: '{oops' }),
    );
    assert.equal(notJson.status, 400);
    assert.match(await notJson.text(), /not JSON/);
    const wrong = await post(
      '/ui/settings/import',
      new URLSearchParams({
        company: String(COMPANY),
        _csrf: csrf,
        settingsJson: JSON.stringify({ triggers: { rules: [{ pipelineId: 'x' }] }, extra: 1 }),
      }),
    );
    assert.equal(wrong.status, 400);
    const body = await wrong.text();
    // Each problem in plain words, naming the setting as the page does.
    assert.match(body, /Trigger rule 1: stage: Enter a number\./);
    assert.match(body, /&quot;extra&quot; is not a setting this app knows/);
    assert.doesNotMatch(body, /Invalid input|Unrecognized key|problem\(s\)/);
    assert.equal((await apiSettings()).documents.referenceTemplate, 'Deal {deal.id}');
  });

  it('bulk sync from the page completes and the status endpoint reports it', async () => {
    const done = kit.next('job:success', (info) => info.name === 'bulk-sync');
    const response = await post(
      '/ui/bulk-sync',
      new URLSearchParams({ company: String(COMPANY), _csrf: csrf, what: 'products' }),
    );
    assert.equal(response.status, 303);
    await done;
    const status = await kit.session.fetch(pageUrl('/ui/bulk-sync/status', '&what=products'));
    const body = (await status.json()) as any;
    assert.equal(body.status, 'completed');
    assert.ok(body.done > 0);
    const { html } = await getPage();
    assert.match(html, /data-testid="bulk-status-products" data-state="completed"/);
  });

  it('past 500 products a link takes a typed id, the first 500 suggested, and keeps what it holds', async () => {
    const create = (index: number) =>
      kit.control('pipedrive', 'POST', `/__sandbox/pipedrive/companies/${COMPANY}/products`, {
        name: `Bulk product ${index}`,
        code: `BULK-${index}`,
      });
    // 501 more than the demo's dozen: past one page whatever the demo holds.
    const missing = Array.from({ length: 501 }, (_, index) => index);
    for (let at = 0; at < missing.length; at += 25)
      await Promise.all(missing.slice(at, at + 25).map(create));

    const { html } = await getPage();
    assert.match(
      html,
      /data-testid="products-truncated">Pipedrive holds more than the 500 products/,
    );
    assert.doesNotMatch(html, /<select name="itemLink.product"/);
    assert.match(
      html,
      /<input name="itemLink.product"[^>]*list="pipedrive-products"[^>]*value="987654"/,
    );
    assert.match(html, /<option value="1" label="Consulting hour \(CONS-HR\)">/);
    const suggested = /<datalist id="pipedrive-products">(.*?)<\/datalist>/s.exec(html)?.[1] ?? '';
    assert.equal([...suggested.matchAll(/<option /g)].length, 500);

    const response = await post(
      '/ui/settings',
      formFrom(html, (form) => {
        form.append('itemLink.product', '2');
        form.append('itemLink.code', 'GEN-SVC');
      }),
    );
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual((await apiSettings()).items.links, [
      { productId: 987654, itemCode: 'LIC-STD' },
      { productId: 2, itemCode: 'GEN-SVC' },
    ]);
  });
});

/** The entities escape-html writes (src/http pages). */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);
}
