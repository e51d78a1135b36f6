import type { DocumentKind } from '../document-kinds.js';
import type { SyncDeps } from '../ports.js';
import { XERO_DOCUMENTS, type XeroDocumentFacts } from './xero-documents.js';

/**
 * Invariant 1, the last line of defence: before (re-)creating a document whose earlier attempt may
 * have reached Xero — a claim without a Xero id, or a retried run — look for it by our Reference
 * (whose bracketed key names the deal and trigger, mapping/reference.ts) and adopt it. Deleted and
 * voided documents are not adopted: the user removed them, and the trigger may make a new one.
 */
const GONE = new Set(['DELETED', 'VOIDED']);

export async function findExistingDocument(
  deps: SyncDeps,
  kind: DocumentKind,
  reference: string,
  narrow: { contactId: string; date: string },
): Promise<XeroDocumentFacts | undefined> {
  const found = await XERO_DOCUMENTS[kind].findByReference(deps, reference, narrow);
  return found.find((doc) => !GONE.has(doc.status));
}
