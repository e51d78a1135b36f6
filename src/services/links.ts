import { DOCUMENT_KIND } from '../sync/document-kinds.js';
import type { AppLinks } from '../sync/ports.js';
import type { Signer } from './signed-token.js';

/**
 * Where notes and pages point: the deal in Pipedrive, the run's replay page in this app (signed for
 * that one run, so a Pipedrive user can replay it without any other access), and the document or
 * contact in Xero's web app at `xeroWebUrl` — go.xero.com, or the Xero sandbox's pages in sandbox
 * mode (docs/vendors/xero.md §13: the current UI's deep links need the organisation's ShortCode;
 * without one, Xero's home page). `publicUrl` is read on each call: with PORT=0 it is known only
 * after listening.
 */
export function createAppLinks(
  publicUrl: () => string,
  signer: Signer,
  xeroWebUrl = 'https://go.xero.com',
): AppLinks {
  const web = xeroWebUrl.replace(/\/+$/, '');
  return {
    dealUrl: (domain, dealId) => `https://${domain}.pipedrive.com/deal/${dealId}`,
    replayUrl(companyId, runId) {
      const token = signer.sign('replay', { company: companyId, run: runId });
      return `${publicUrl()}/companies/${companyId}/runs/${encodeURIComponent(runId)}/replay?token=${token}`;
    },
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

/** The link token that opens /oauth/xero/connect and the /api routes of one company. */
export function companyToken(signer: Signer, companyId: number): string {
  return signer.sign('company', { company: companyId });
}

export function xeroConnectUrl(publicUrl: string, signer: Signer, companyId: number): string {
  return `${publicUrl}/oauth/xero/connect?company=${companyId}&token=${companyToken(signer, companyId)}`;
}
