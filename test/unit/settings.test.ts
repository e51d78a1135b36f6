import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { defaultSettings, parseSettings } from '../../src/sync/settings.js';

describe('settings schema', () => {
  it('parses {} to working defaults', () => {
    const parsed = parseSettings({});
    assert.equal(parsed.ok, true);
    if (!parsed.ok) return;
    const { documents, items, contacts, triggers } = parsed.settings;
    assert.deepEqual(triggers, { rules: [], onWon: null });
    assert.equal(documents.lineAmountType, 'deal');
    assert.equal(documents.defaultAccountCode, '200');
    assert.equal(documents.noTaxType, 'NONE');
    assert.equal(documents.referenceTemplate, 'Pipedrive deal {deal.id}: {deal.title}');
    assert.deepEqual(documents.dueDate, { type: 'days_after_invoice', days: 14 });
    assert.equal(documents.currency, 'deal');
    assert.equal(documents.recurringBilling, 'first_period');
    assert.deepEqual(items, {
      productNotFound: 'no_action',
      defaultItemCode: null,
      matchBy: { pipedriveField: 'code', xeroField: 'Code' },
      links: [],
    });
    assert.deepEqual(contacts.matchFields, { organization: [], person: [] });
    assert.deepEqual(contacts.matchOrder, ['contact_number', 'name', 'email']);
    assert.deepEqual(contacts.companyFields[0], { pipedriveField: 'name', xeroField: 'Name' });
    assert.ok(
      contacts.companyFields.some(
        (m) => m.pipedriveField === 'address.locality' && m.xeroField === 'POBOX.City',
      ),
    );
    assert.ok(
      contacts.companyFields.some(
        (m) => m.pipedriveField === 'address.postal_code' && m.xeroField === 'STREET.PostalCode',
      ),
    );
    assert.ok(
      contacts.personFields.some(
        (m) => m.pipedriveField === 'email' && m.xeroField === 'EmailAddress',
      ),
    );
    assert.deepEqual(parsed.settings, defaultSettings());
  });

  it('gives independent copies (changing one default does not change the next)', () => {
    const first = defaultSettings();
    first.contacts.personFields.push({ pipedriveField: 'phone.mobile', xeroField: 'Phone.MOBILE' });
    first.documents.quote.expiryDays = 1;
    assert.equal(
      defaultSettings().contacts.personFields.length,
      first.contacts.personFields.length - 1,
    );
    assert.equal(defaultSettings().documents.quote.expiryDays, 30);
  });

  it('round-trips a full configuration', () => {
    const input = {
      triggers: { rules: [{ pipelineId: 1, stageId: 3, document: 'quote' }], onWon: 'invoice' },
      documents: {
        lineAmountType: 'exclusive',
        taxMappings: [{ ratePercent: 15, taxType: 'OUTPUT2' }],
        trackings: [{ categoryName: 'Region', optionName: 'North' }],
        dueDate: { type: 'day_of_following_month', days: 20 },
      },
      items: { productNotFound: 'default_item', defaultItemCode: 'MISC' },
      contacts: {
        matchOrder: ['email'],
        personFields: [
          { pipedriveField: 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12', xeroField: 'TaxNumber' },
        ],
      },
    };
    const parsed = parseSettings(input);
    assert.equal(parsed.ok, true, JSON.stringify(parsed));
    if (!parsed.ok) return;
    assert.equal(parsed.settings.triggers.rules[0]!.document, 'quote');
    assert.equal(parsed.settings.items.defaultItemCode, 'MISC');
    assert.deepEqual(parseSettings(JSON.parse(JSON.stringify(parsed.settings))), parsed);
  });

  const bad: [string, unknown, string][] = [
    ['unknown top-level key', { colour: 'blue' }, 'Unrecognized key: "colour"'],
    [
      'unknown nested key',
      { documents: { quote: { expiry: 3 } } },
      'documents.quote: Unrecognized key: "expiry"',
    ],
    [
      'unknown key in a trigger rule',
      { triggers: { rules: [{ pipelineId: 1, stageId: 2, document: 'invoice', x: 1 }] } },
      'triggers.rules.0: Unrecognized key: "x"',
    ],
    [
      'bad document kind',
      { triggers: { rules: [{ pipelineId: 1, stageId: 2, document: 'bill' }] } },
      'triggers.rules.0.document: Invalid option',
    ],
    [
      'three trackings',
      {
        documents: {
          trackings: [1, 2, 3].map((n) => ({ categoryName: `C${n}`, optionName: 'O' })),
        },
      },
      'documents.trackings: Xero allows at most 2 tracking categories per line',
    ],
    [
      'default_item without a code',
      { items: { productNotFound: 'default_item' } },
      'items.defaultItemCode: productNotFound "default_item" needs a defaultItemCode',
    ],
    [
      'unknown Xero field',
      { contacts: { companyFields: [{ pipedriveField: 'name', xeroField: 'Nickname' }] } },
      'contacts.companyFields.0.xeroField: Invalid option',
    ],
    [
      'bad Pipedrive field key',
      { contacts: { personFields: [{ pipedriveField: 'Name Of', xeroField: 'Name' }] } },
      'contacts.personFields.0.pipedriveField: must be a field key',
    ],
    [
      'repeated match key',
      { contacts: { matchOrder: ['name', 'name'] } },
      'contacts.matchOrder: each match key may appear once',
    ],
    [
      'day 40 of the following month',
      { documents: { dueDate: { type: 'day_of_following_month', days: 40 } } },
      'documents.dueDate: day_of_following_month needs days between 1 and 31',
    ],
    [
      '5,000 identical trigger rules',
      {
        triggers: {
          rules: Array.from({ length: 5000 }, () => ({
            pipelineId: 1,
            stageId: 4,
            document: 'invoice',
          })),
        },
      },
      'triggers.rules: Too big',
    ],
    [
      'the same trigger rule twice',
      {
        triggers: {
          rules: [
            { pipelineId: 1, stageId: 4, document: 'invoice' },
            { pipelineId: 1, stageId: 4, document: 'invoice' },
          ],
        },
      },
      'triggers.rules: each rule may appear once',
    ],
    [
      'more field mappings than any contact has fields',
      {
        contacts: {
          personFields: Array.from({ length: 61 }, () => ({
            pipedriveField: 'name',
            xeroField: 'Name',
          })),
        },
      },
      'contacts.personFields: Too big',
    ],
    [
      'branding theme that is not a UUID',
      { documents: { brandingThemeId: 'standard' } },
      'documents.brandingThemeId:',
    ],
  ];
  for (const [name, input, message] of bad) {
    it(`rejects ${name} with a readable path and message`, () => {
      const parsed = parseSettings(input);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.ok(
        parsed.errors.some((error) => error.startsWith(message)),
        `expected an error starting "${message}", got ${JSON.stringify(parsed.errors)}`,
      );
    });
  }

  it('reports every problem at once', () => {
    const parsed = parseSettings({ a: 1, documents: { b: 2, noTaxType: '' } });
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.equal(parsed.errors.length, 3);
  });
});
