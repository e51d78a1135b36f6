import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { XeroBooks } from './books.js';
import { contactView, documentView } from './views.js';

/**
 * Test-control routes for the books (no auth; under /__sandbox/xero). Register on the root app so
 * the core's control error handler answers bad input.
 *
 * - GET  /__sandbox/xero/tenants/:tenantId/documents                 every invoice and quote, full lines
 * - POST /__sandbox/xero/tenants/:tenantId/invoices/:id/payments     {amount} → AmountPaid/AmountDue, PAID
 * - POST /__sandbox/xero/tenants/:tenantId/contacts/:id/archive      → ContactStatus ARCHIVED
 * - GET  /__sandbox/xero/tenants/:tenantId/contacts                  every contact, archived ones too
 * - POST /__sandbox/xero/tenants/:tenantId/contacts                  a contact made by a Xero user
 *   (the same rules as POST /Contacts: unique active Name and ContactNumber), e.g. one typed in
 *   by hand before the app was installed; `ContactStatus: "ARCHIVED"` archives it at once
 */
export function registerAccountingControlRoutes(app: FastifyInstance, books: XeroBooks): void {
  const tenantOf = (tenantId: string) => {
    const tenant = books.books(tenantId);
    if (!tenant) throw Object.assign(new Error(`unknown tenant ${tenantId}`), { statusCode: 404 });
    return tenant;
  };

  app.get<{ Params: { tenantId: string } }>(
    '/__sandbox/xero/tenants/:tenantId/documents',
    async (request) => {
      const tenant = tenantOf(request.params.tenantId);
      const docs = [...tenant.documents.values()];
      const view = (kind: string) =>
        docs
          .filter((doc) => doc.kind === kind)
          .map((doc) => documentView(tenant, doc, { withLines: true, unitDp: doc.unitDp }));
      return { invoices: view('invoice'), quotes: view('quote') };
    },
  );

  app.post<{ Params: { tenantId: string; id: string } }>(
    '/__sandbox/xero/tenants/:tenantId/invoices/:id/payments',
    async (request, reply) => {
      const tenant = tenantOf(request.params.tenantId);
      const { amount } = z
        .strictObject({ amount: z.number().positive() })
        .parse(request.body ?? {});
      const outcome = books.recordPayment(tenant, request.params.id, amount);
      if (!outcome.ok)
        return reply
          .code(outcome.error === 'invoice not found' ? 404 : 409)
          .send({ error: outcome.error });
      return {
        invoice: documentView(tenant, outcome.doc, { withLines: true, unitDp: outcome.doc.unitDp }),
      };
    },
  );

  app.get<{ Params: { tenantId: string } }>(
    '/__sandbox/xero/tenants/:tenantId/contacts',
    async (request) => ({
      contacts: [...tenantOf(request.params.tenantId).contacts.values()].map((contact) =>
        contactView(contact),
      ),
    }),
  );

  app.post<{ Params: { tenantId: string } }>(
    '/__sandbox/xero/tenants/:tenantId/contacts',
    async (request, reply) => {
      const input = z.record(z.string(), z.unknown()).parse(request.body ?? {});
      const outcome = books.saveContact(tenantOf(request.params.tenantId), input, 'create');
      if (!outcome.ok) return reply.code(400).send({ error: outcome.errors.join(' ') });
      return reply.code(201).send({ contact: contactView(outcome.record) });
    },
  );

  app.post<{ Params: { tenantId: string; id: string } }>(
    '/__sandbox/xero/tenants/:tenantId/contacts/:id/archive',
    async (request, reply) => {
      const contact = books.archiveContact(tenantOf(request.params.tenantId), request.params.id);
      if (!contact) return reply.code(404).send({ error: 'contact not found' });
      return { contact: contactView(contact) };
    },
  );
}
