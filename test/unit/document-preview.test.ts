import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { previewMessage, withoutReplay } from '../../src/services/document-preview.js';
import type { Refusal, RefusalCode } from '../../src/sync/mapping/refusal.js';
import { refusalNote } from '../../src/sync/refusals.js';

/** The preview says what to change, never "then Replay": a preview attempted nothing. */
describe('document preview wording', () => {
  const codes: [RefusalCode, Refusal['details']][] = [
    ['deal_has_no_products', {}],
    ['currency_not_enabled', { currency: 'EUR', orgName: 'Kauri Coast Trading Ltd' }],
    ['tax_rate_not_mapped', { ratePercent: 12 }],
    ['item_not_found', { products: ['Widget', 'Gadget'] }],
    ['total_mismatch', { xeroTotal: '10.01', dealTotal: '10.00', currency: 'NZD' }],
  ];

  it('drops the closing "then Replay" of every note and keeps what to change', () => {
    for (const [code, details] of codes) {
      const note = refusalNote({ code, message: code, details });
      assert.match(note, /then Replay\.$/, note);
      const said = withoutReplay(note);
      assert.doesNotMatch(said, /Replay/, said);
      assert.match(said, /\.$/);
      assert.equal(said.length, note.length - ', then Replay'.length, said);
    }
  });

  it('answers the panel action in one line', () => {
    const message = previewMessage({
      status: 'ready',
      kind: 'invoice',
      currency: 'NZD',
      lineAmountTypes: 'Exclusive',
      lines: [
        {
          description: 'Consulting hour',
          quantity: 10,
          unitAmount: 180,
          taxType: 'OUTPUT2',
          lineAmount: '1800.00',
          taxAmount: '270.00',
        },
      ],
      subTotal: '1800.00',
      totalTax: '270.00',
      total: '2070.00',
      notes: [],
    });
    assert.equal(
      message,
      'Preview of the invoice: 1 line, tax 270.00, total NZD 2070.00. Nothing was created.',
    );
  });
});
