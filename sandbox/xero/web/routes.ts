import type { FastifyInstance, FastifyReply } from 'fastify';

import type { XeroBooks } from '../accounting/books.js';
import { findDocument } from '../accounting/documents.js';
import type { Books } from '../accounting/model.js';
import {
  renderContactPage,
  renderDocumentListPage,
  renderDocumentPage,
  renderNotFoundPage,
} from './pages.js';

/**
 * The web app's pages (web/pages.ts) on the sandbox's own host: in sandbox mode the app's "View in
 * Xero" links lead here instead of go.xero.com. An organisation is found by its ShortCode, as in
 * Xero's deep links (docs/vendors/xero.md §13).
 */
export function registerXeroWebRoutes(app: FastifyInstance, books: XeroBooks): void {
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).type('text/html; charset=utf-8').send(body);
  const organisation = (shortCode: string): Books | undefined =>
    books
      .tenants()
      .map((tenant) => books.books(tenant.tenantId))
      .find((found) => found?.organisation.ShortCode === shortCode);

  app.get<{ Params: { shortCode: string } }>(
    '/app/:shortCode/invoicing',
    async (request, reply) => {
      const found = organisation(request.params.shortCode);
      if (found === undefined) return html(reply, 404, renderNotFoundPage('No such organisation.'));
      return html(reply, 200, renderDocumentListPage(found));
    },
  );

  for (const [section, kind] of [
    ['invoicing', 'invoice'],
    ['quotes', 'quote'],
  ] as const) {
    app.get<{ Params: { shortCode: string; id: string } }>(
      `/app/:shortCode/${section}/view/:id`,
      async (request, reply) => {
        const found = organisation(request.params.shortCode);
        const doc = found && findDocument(found, kind, request.params.id);
        if (found === undefined || doc === undefined)
          return html(reply, 404, renderNotFoundPage(`No ${kind} ${request.params.id}.`));
        return html(reply, 200, renderDocumentPage(found, doc));
      },
    );
  }

  app.get<{ Params: { shortCode: string; id: string } }>(
    '/app/:shortCode/contacts/contact/:id',
    async (request, reply) => {
      const found = organisation(request.params.shortCode);
      const contact = found?.contacts.get(request.params.id.toLowerCase());
      if (found === undefined || contact === undefined)
        return html(reply, 404, renderNotFoundPage(`No contact ${request.params.id}.`));
      return html(reply, 200, renderContactPage(found, contact));
    },
  );
}
