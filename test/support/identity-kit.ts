import { randomUUID } from 'node:crypto';

import type { XeroContact } from '../../src/xero/types.js';
import { COMPANY_ID, type SyncKit, TENANT_ID } from './sync-kit.js';
import { one, type SandboxContact, type SandboxInvoice } from './vendor-shapes.js';

/**
 * Customers made on both sides for identity and race tests: organizations, persons and deals in the
 * Pipedrive sandbox (control API), contacts written straight into the Xero sandbox (through the app's
 * own client, as another user of the organisation would), and what a run left behind.
 */
export const ref = { companyId: String(COMPANY_ID), tenantId: TENANT_ID };

/** A demo product whose Xero item exists (CONS-HR). */
const PRODUCT = 1;

export function identityKit(kit: SyncKit) {
  return {
    async org(name: string): Promise<number> {
      return (await kit.pdControl('POST', '/organizations', { name })).data.id;
    },
    async person(name: string, email: string | null, orgId: number | null = null): Promise<number> {
      const emails = email === null ? [] : [{ value: email, primary: true, label: 'work' }];
      return (await kit.pdControl('POST', '/persons', { name, emails, org_id: orgId })).data.id;
    },
    /** A product whose item is not in Xero yet. */
    async product(code: string): Promise<number> {
      const body = {
        name: `Product ${code}`,
        code,
        tax: 15,
        prices: [{ currency: 'NZD', price: 100 }],
      };
      return (await kit.pdControl('POST', '/products', body)).data.id;
    },
    /** A deal with one line per product (default: one of an existing item), for this customer. */
    async deal(
      customer: { org?: number; person?: number },
      ...productIds: number[]
    ): Promise<number> {
      const created = await kit.pdControl('POST', '/deals', {
        title: `Identity deal ${randomUUID().slice(0, 8)}`,
        currency: 'NZD',
        org_id: customer.org ?? null,
        person_id: customer.person ?? null,
      });
      const dealId: number = created.data.id;
      for (const productId of productIds.length === 0 ? [PRODUCT] : productIds)
        await kit.pdControl('POST', `/deals/${dealId}/products`, {
          product_id: productId,
          item_price: 100,
          quantity: 1,
          tax: 15,
          tax_method: 'exclusive',
        });
      return dealId;
    },
    /** A contact made in Xero by someone else; archived on request. */
    async xeroContact(fields: XeroContact, archived = false): Promise<XeroContact> {
      const [result] = await kit.xero.createContacts(ref, [fields], {
        idempotencyKey: randomUUID(),
      });
      if (!result?.ok) throw new Error(`seeding ${fields.Name}: ${JSON.stringify(result)}`);
      const contact = result.element;
      if (archived) {
        const response = await fetch(
          `${kit.xeroUrl}/__sandbox/xero/tenants/${TENANT_ID}/contacts/${contact.ContactID}/archive`,
          { method: 'POST' },
        );
        if (!response.ok) throw new Error(`archiving ${fields.Name}: ${response.status}`);
      }
      return contact;
    },
    async invoiceOf(dealId: number): Promise<SandboxInvoice | undefined> {
      return (await kit.xeroDocuments()).invoices.find((doc) =>
        String(doc.Reference).includes(`[PD-${dealId}-`),
      );
    },
    async contactById(contactId: string): Promise<SandboxContact> {
      return one(await kit.xeroContacts(), (contact) => contact.ContactID === contactId);
    },
    async lastNote(dealId: number): Promise<string> {
      return (await kit.notes(dealId)).at(-1)?.content ?? '';
    },
  };
}
