import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { dealDocumentPreview } from '../../services/panel-actions.js';
import { DOCUMENT_KINDS } from '../../sync/document-kinds.js';
import type { HttpDeps } from '../deps.js';
import { page } from '../html.js';
import { verifyPanelRequest } from '../panels/panel-request.js';
import { renderPreviewPage } from './preview-page.js';

/**
 * GET /ui/preview: the deal's preview as a Pipedrive custom modal (docs/vendors/pipedrive.md §7.4).
 * Pipedrive opens it with the same query as a panel — ids and a JWT signed with the client secret
 * — so it is verified exactly as the panels are (http/panels/panel-request.ts); `kind` picks the
 * invoice (default) or the quote.
 */
const kindQuery = z.object({ kind: z.enum(DOCUMENT_KINDS).default('invoice') });

export function registerPreviewUiRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/ui/preview', { config: { html: true } }, async (request, reply) => {
    reply.type('text/html; charset=utf-8');
    const verified = await verifyPanelRequest(
      request.query,
      ['deal'],
      deps.pipedriveClient.clientSecret,
      deps.clock,
    );
    if (!verified.ok)
      return reply
        .code(verified.status)
        .send(page('No preview', `<p>${verified.message} (${verified.code})</p>`));
    const { kind } = kindQuery.parse(request.query);
    const { companyId, selectedId } = verified.caller;
    const preview = await dealDocumentPreview(deps, { companyId, dealId: selectedId, kind });
    const query = new URLSearchParams(request.query as Record<string, string>);
    return reply.send(
      renderPreviewPage({
        dealId: selectedId,
        kind,
        preview,
        hrefFor(other) {
          query.set('kind', other);
          return `/ui/preview?${query.toString()}`;
        },
      }),
    );
  });
}
