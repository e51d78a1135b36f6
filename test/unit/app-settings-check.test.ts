import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { unknownXeroCodes } from '../../src/services/settings-check.js';
import { parseSettings } from '../../src/sync/settings.js';
import type { XeroAccount, XeroTaxRate } from '../../src/xero/types.js';

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
});
