import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { documentForDeal } from '../../src/sync/usecases/document-for-deal.js';
import { startSyncKit, type SyncKit } from '../support/sync-kit.js';

/**
 * Document field mappings (issue 10): the Reference and a quote's Title, Summary and Terms from
 * templates over the deal's, organization's and person's fields, custom ones included (option labels
 * for enum fields), with a stated default where a field is empty. Demo deal 1 (Kauri Digital Ltd)
 * carries "Purchase order number" PO-7781 and "Document type" = Invoice (an enum); its organization
 * "Xero account number" KD-0001 (docs/demo-data.md). Real HTTP against both sandboxes.
 */
describe('documentForDeal: document texts from templates over Pipedrive fields', () => {
  let kit: SyncKit;
  const keys: Record<string, string> = {};
  before(async () => {
    kit = await startSyncKit();
    for (const entity of ['deal', 'organization'] as const)
      for (const field of await kit.pipedrive.listFields(entity))
        keys[field.field_name] = field.field_code;
  });
  after(() => kit.close());

  it('fills Reference, Title, Summary and Terms from deal, organization and person fields, defaults where empty', async () => {
    const po = keys['Purchase order number']!;
    const type = keys['Document type']!;
    const account = keys['Xero account number']!;
    const settings = {
      items: { productNotFound: 'create_item' as const },
      documents: {
        referenceTemplate: `{deal.${po}} / {org.${account}}`,
        quote: {
          titleTemplate: `{deal.title} ({deal.${type}})`,
          summary: `For {org.name}, attention {person.name}. Region: {org.address.admin_area_level_1|not given}`,
          terms: `Send the purchase order {deal.${po}|on request} to {person.email}. Ref {org.${keys['Billing address']}.postal_code|none}`,
          expiryDays: 30,
        },
      },
    };
    const outcome = await documentForDeal(kit.deps(settings), await kit.newJob(1, 'quote'));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const quote = (await kit.xeroDocuments()).quotes.find((doc: any) =>
      doc.Reference.includes('[PD-1-stage-2]'),
    );
    assert.ok(quote, 'quote found');
    assert.equal(quote.Reference, 'PO-7781 / KD-0001 [PD-1-stage-2]');
    assert.equal(quote.Title, 'Kauri Digital – implementation (Invoice)');
    assert.equal(quote.Summary, 'For Kauri Digital Ltd, attention Aroha Ngata. Region: Auckland');
    assert.equal(
      quote.Terms,
      'Send the purchase order PO-7781 to accounts@kauridigital.example. Ref 1140',
    );
  });

  it('a deal without the field takes the stated default, and an unknown placeholder shows as written', async () => {
    const po = keys['Purchase order number']!;
    const settings = {
      items: { productNotFound: 'create_item' as const },
      documents: { referenceTemplate: `{deal.${po}|no PO} {deal.titel}` },
    };
    const outcome = await documentForDeal(kit.deps(settings), await kit.newJob(3, 'invoice'));
    assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
    const invoice = (await kit.xeroDocuments()).invoices.find((doc: any) =>
      doc.Reference.includes('[PD-3-stage-2]'),
    );
    assert.ok(invoice, 'invoice found');
    assert.equal(invoice.Reference, 'no PO {deal.titel} [PD-3-stage-2]');
  });
});
