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

  app.post<{ Params: { tenantId: string; id: string } }>(
    '/__sandbox/xero/tenants/:tenantId/contacts/:id/archive',
    async (request, reply) => {
      const contact = books.archiveContact(tenantOf(request.params.tenantId), request.params.id);
      if (!contact) return reply.code(404).send({ error: 'contact not found' });
      return { contact: contactView(contact) };
    },
  );
}
