import { DOCUMENT_KIND } from '../sync/document-kinds.js';
import type { AppLinks } from '../sync/ports.js';
import type { Signer } from './signed-token.js';

/**
 * Where notes and pages point: the deal in Pipedrive, the run's replay page in this app (signed for
 * that one run, so a Pipedrive user can replay it without any other access), and the document in
 * Xero (docs/vendors/xero.md §13: the current UI's deep links need the organisation's ShortCode; without one,
 * Xero's home page). `publicUrl` is read on each call: with PORT=0 it is known only after listening.
 */
export function createAppLinks(publicUrl: () => string, signer: Signer): AppLinks {
  return {
    dealUrl: (domain, dealId) => `https://${domain}.pipedrive.com/deal/${dealId}`,
    replayUrl(companyId, runId) {
      const token = signer.sign('replay', { company: companyId, run: runId });
      return `${publicUrl()}/companies/${companyId}/runs/${encodeURIComponent(runId)}/replay?token=${token}`;
    },
    xeroDocumentUrl(shortCode, kind, id) {
      if (shortCode === null) return 'https://go.xero.com/';
      const section = DOCUMENT_KIND[kind].webSection;
      return `https://go.xero.com/app/${encodeURIComponent(shortCode)}/${section}/view/${encodeURIComponent(id)}`;
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
