import { DOCUMENT_KIND } from '../sync/document-kinds.js';
import type { AppLinks } from '../sync/ports.js';

/**
 * Where notes and pages point: the deal in Pipedrive, the run's replay page in this app (which asks
 * the person to sign in, docs/access.md: a link carries no credential), and the document or contact
 * in Xero's web app at `xeroWebUrl` — go.xero.com, or the Xero sandbox's pages in sandbox mode
 * (docs/vendors/xero.md §13: the current UI's deep links need the organisation's ShortCode; without
 * one, Xero's home page). `publicUrl` is read on each call: with PORT=0 it is known only after
 * listening.
 */
export function createAppLinks(
  publicUrl: () => string,
  xeroWebUrl = 'https://go.xero.com',
): AppLinks {
  const web = xeroWebUrl.replace(/\/+$/, '');
  return {
    dealUrl: (domain, dealId) => `https://${domain}.pipedrive.com/deal/${dealId}`,
    replayUrl: (companyId, runId) =>
      `${publicUrl()}/companies/${companyId}/runs/${encodeURIComponent(runId)}/replay`,
    xeroDocumentUrl(shortCode, kind, id) {
      if (shortCode === null) return `${web}/`;
      const section = DOCUMENT_KIND[kind].webSection;
      return `${web}/app/${encodeURIComponent(shortCode)}/${section}/view/${encodeURIComponent(id)}`;
    },
    xeroContactUrl(shortCode, contactId) {
      if (shortCode === null) return undefined;
      return `${web}/app/${encodeURIComponent(shortCode)}/contacts/contact/${encodeURIComponent(contactId)}`;
    },
  };
}

/** Where a signed-in admin connects (or reconnects) the company's Xero organisation. */
export function xeroConnectUrl(publicUrl: string, companyId: number): string {
  return `${publicUrl}/oauth/xero/connect?company=${companyId}`;
}
