import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  previewCustomer,
  previewMessage,
  withoutReplay,
} from '../../src/services/document-preview.js';
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
      customer: { name: 'Kauri Digital Ltd', how: 'matched by email' },
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
      'Preview of the invoice for Kauri Digital Ltd (matched by email): 1 line, tax 270.00, total NZD 2070.00. Nothing was created.',
    );
  });

  it("says how the customer would be found in the deal note's words, linking the contact in Xero", () => {
    const url = (id: string) => `https://go.xero.com/app/!ab12/contacts/contact/${id}`;
    assert.deepEqual(
      previewCustomer(
        { kind: 'found', contactId: 'c-1', name: 'Kowhai', how: 'by TaxNumber 123-456-789' },
        url,
      ),
      {
        name: 'Kowhai',
        how: 'matched by TaxNumber 123-456-789',
        contactId: 'c-1',
        url: url('c-1'),
      },
    );
    assert.equal(
      previewCustomer({ kind: 'found', contactId: 'c-2', name: 'Kauri', how: 'linked' }, url).how,
      'already linked',
    );
    assert.deepEqual(
      previewCustomer({ kind: 'create', name: 'Horoeka' }, () => undefined),
      {
        name: 'Horoeka',
        how: 'would be created',
      },
    );
    // Without the organisation's ShortCode there is no page to link to.
    assert.equal(
      'url' in
        previewCustomer(
          { kind: 'found', contactId: 'c-3', name: 'Rimu', how: 'by email' },
          () => undefined,
        ),
      false,
    );
  });
});
