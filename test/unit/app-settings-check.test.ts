import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { unknownXeroCodes } from '../../src/services/settings-check.js';
import { parseSettings } from '../../src/sync/settings.js';
import type { XeroAccount, XeroContactGroup, XeroTaxRate } from '../../src/xero/types.js';

const accounts = [
  { Code: '200', Status: 'ACTIVE' },
  { Code: '205', Status: 'ARCHIVED' },
] as XeroAccount[];
const taxRates = [
  { TaxType: 'OUTPUT2', Status: 'ACTIVE' },
  { TaxType: 'NONE', Status: 'ACTIVE' },
  { TaxType: 'OLDGST', Status: 'DELETED' },
] as XeroTaxRate[];

function settings(documents: unknown) {
  const parsed = parseSettings({ documents });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.settings;
}

describe('unknownXeroCodes', () => {
  it('accepts codes the organisation has', () => {
    assert.deepEqual(
      unknownXeroCodes(
        settings({ taxMappings: [{ ratePercent: 15, taxType: 'OUTPUT2' }] }),
        accounts,
        taxRates,
      ),
      [],
    );
  });

  it('names every unknown, archived or deleted code with its settings path', () => {
    const problems = unknownXeroCodes(
      settings({
        defaultAccountCode: '205',
        defaultTaxType: 'OLDGST',
        noTaxType: 'NONE',
        taxMappings: [
          { ratePercent: 15, taxType: 'OUTPUT2' },
          { ratePercent: 9, taxType: 'TAX009' },
        ],
      }),
      accounts,
      taxRates,
    );
    assert.deepEqual(problems, [
      'documents.defaultAccountCode: Xero has no active account "205"',
      'documents.defaultTaxType: Xero has no active tax rate "OLDGST"',
      'documents.taxMappings.1.taxType: Xero has no active tax rate "TAX009"',
    ]);
  });

  describe('the contact group for new contacts', () => {
    const ACTIVE = '0b7c1e2a-3f4d-4a5b-8c6d-7e8f9a0b1c2d';
    const DELETED = '1c8d2f3b-4a5e-4b6c-9d7e-8f9a0b1c2d3e';
    const groups = [
      { ContactGroupID: ACTIVE, Name: 'Pipedrive customers', Status: 'ACTIVE' },
      { ContactGroupID: DELETED, Name: 'Old prospects', Status: 'DELETED' },
    ] as XeroContactGroup[];
    const withGroup = (contactGroupId: string) => {
      const parsed = parseSettings({ contacts: { newContacts: { contactGroupId } } });
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      return parsed.settings;
    };
    const check = (id: string) =>
      unknownXeroCodes(withGroup(id), accounts, taxRates, { contactGroups: groups });

    it('accepts an active group, whatever the case of its id', () => {
      assert.deepEqual(check(ACTIVE), []);
      assert.deepEqual(check(ACTIVE.toUpperCase()), []);
    });

    it('refuses a deleted group by its name, and an unknown one by its id', () => {
      assert.deepEqual(check(DELETED), [
        'contacts.newContacts.contactGroupId: the Xero contact group "Old prospects" is deleted; choose an active group',
      ]);
      const unknown = '2d9e3a4c-5b6f-4c7d-8e8f-9a0b1c2d3e4f';
      assert.deepEqual(check(unknown), [
        `contacts.newContacts.contactGroupId: Xero has no contact group ${unknown}`,
      ]);
    });

    it('the schema takes a ContactGroupID only', () => {
      const parsed = parseSettings({ contacts: { newContacts: { contactGroupId: 'Customers' } } });
      assert.equal(parsed.ok, false);
    });
  });
});
