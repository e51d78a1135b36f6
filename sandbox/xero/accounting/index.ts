import type { FastifyError, FastifyInstance } from 'fastify';

import { XeroBooks } from './books.js';
import { sendJson } from './envelope.js';
import { registerContactGroupRoutes } from './routes-contact-groups.js';
import { registerContactRoutes } from './routes-contacts.js';
import { registerDocumentRoutes } from './routes-documents.js';
import { registerItemRoutes } from './routes-items.js';
import { registerReferenceRoutes } from './routes-reference.js';
import { WhereError } from './where.js';

export { XeroBooks, type XeroBooksDeps } from './books.js';
export { registerAccountingControlRoutes } from './routes-control.js';

/** docs/vendors/xero.md §4: a single Accounting POST may be at most 3.5 MB. */
export const MAX_REQUEST_BYTES = 3.5 * 1024 * 1024;

/**
 * The Accounting API routes, without the /api.xro/2.0 prefix (the caller's scope carries it).
 * Handlers read `request.xeroCaller.tenantId`, set by the transport guard.
 */
export function registerAccountingRoutes(scope: FastifyInstance, books: XeroBooks): void {
  scope.register(async (accounting) => {
    accounting.addHook('onRequest', async (request, reply) => {
      const length = Number(request.headers['content-length'] ?? 0);
      if (length > MAX_REQUEST_BYTES) {
        return reply.code(413).type('text/plain; charset=utf-8').send('Request Entity Too Large');
      }
    });
    accounting.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof WhereError) {
        return sendJson(reply, 400, {
          ErrorNumber: 16,
          Type: 'QueryParseException',
          Message: error.message,
        });
      }
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return reply.code(413).type('text/plain; charset=utf-8').send('Request Entity Too Large');
      }
      const status = error.statusCode ?? 500;
      if (status === 403) {
        return reply.code(403).send({
          Type: null,
          Title: 'Forbidden',
          Status: 403,
          Detail: 'AuthenticationUnsuccessful',
        });
      }
      if (status < 500) {
        return sendJson(reply, 400, {
          ErrorNumber: 17,
          Type: 'PostDataInvalidException',
          Message: error.message,
        });
      }
      request.log.error(error);
      return reply.code(500).type('text/plain; charset=utf-8').send('An error occurred in Xero.');
    });
    registerReferenceRoutes(accounting, books);
    registerContactRoutes(accounting, books);
    registerContactGroupRoutes(accounting, books);
    registerItemRoutes(accounting, books);
    registerDocumentRoutes(accounting, books);
  });
}
