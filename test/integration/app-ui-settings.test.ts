import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { type AppKit, COMPANY, SALES, startAppKit } from '../support/app-kit.js';

/** The settings page over real HTTP: real choices from both sandboxes, save, refusals, import/export, bulk sync. */
describe('app UI: settings page', () => {
  let kit: AppKit;
  let token: string;
  before(async () => {
    kit = await startAppKit();
    token = kit.auth.authorization.replace('Bearer ', '');
  });
  after(() => kit.close());

  const pageUrl = (path: string, extra = '') =>
    `${kit.appUrl}${path}?company=${COMPANY}&token=${encodeURIComponent(token)}${extra}`;
  const getPage = async (path = '/ui/settings', extra = '') => {
    const response = await fetch(pageUrl(path, extra));
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
    fetch(`${kit.appUrl}${path}`, { method: 'POST', body: form, redirect: 'manual' });

  it('needs the link token outside sandbox mode', async () => {
    const response = await fetch(`${kit.appUrl}/ui/settings?company=${COMPANY}`);
    assert.equal(response.status, 401);
    assert.match(await response.text(), /access_denied/);
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
    const exported = await fetch(pageUrl('/ui/settings/export'));
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
        token,
        settingsJson: JSON.stringify(changed),
      }),
    );
    assert.equal(imported.status, 200);
    assert.equal((await apiSettings()).documents.referenceTemplate, 'Deal {deal.id}');

    const notJson = await post(
      '/ui/settings/import',
      new URLSearchParams({ company: String(COMPANY), token, settingsJson: '{oops' }),
    );
    assert.equal(notJson.status, 400);
    assert.match(await notJson.text(), /not JSON/);
    const wrong = await post(
      '/ui/settings/import',
      new URLSearchParams({
        company: String(COMPANY),
        token,
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
      new URLSearchParams({ company: String(COMPANY), token, what: 'products' }),
    );
    assert.equal(response.status, 303);
    await done;
    const status = await fetch(pageUrl('/ui/bulk-sync/status', '&what=products'));
    const body = (await status.json()) as any;
    assert.equal(body.status, 'completed');
    assert.ok(body.done > 0);
    const { html } = await getPage();
    assert.match(html, /data-testid="bulk-status-products" data-state="completed"/);
  });
});

/** The entities escape-html writes (src/http pages). */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);
}
