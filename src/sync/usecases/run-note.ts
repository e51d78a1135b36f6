import type { NewDealNote } from '../../store/repos/deal-notes.js';
import type { XeroDocument } from '../../store/repos/documents.js';
import type { ContactHow } from '../mapping/contact-match.js';
import type { DocumentJob, SyncDeps } from '../ports.js';
import { composeDealNote, problemNote, runNoteTopic, successNote } from './deal-note.js';
import type { PreparedDocument } from './prepare-document.js';

/**
 * The one note of a document run, composed for the notes outbox (deal-note.ts): what was made, or
 * why nothing was. The marker goes on the note's link: the Xero link, or the Replay link.
 */

const aboutRun = (job: DocumentJob) => ({
  dealId: job.dealId,
  topic: runNoteTopic(job.runId),
  runId: job.runId,
});

/** A run that made (or adopted) a document: number, total, the link, and anything to check. */
export function runSuccessNote(
  deps: SyncDeps,
  job: DocumentJob,
  { built }: PreparedDocument,
  doc: XeroDocument,
  how: 'created' | 'adopted',
  url: (xeroId: string) => string,
  customer: {
    name: string;
    how: ContactHow;
    customerNumber?: string | undefined;
    /** What to check about the contact (ensureContact), said with the document's own notes. */
    warnings?: readonly string[] | undefined;
  },
): NewDealNote {
  const total = doc.total ?? built.expected.total.toFixed(2);
  const notes = [...built.notes, ...(customer.warnings ?? [])];
  const dealTotal = built.dealTotal.toFixed(2);
  if (total !== dealTotal) {
    // Invariant 7 says this cannot happen (buildDocument predicts Xero's total); say so loudly if it does.
    deps.logger.error(
      { runId: job.runId, dealId: job.dealId, total, dealTotal },
      'Xero total differs from the deal total',
    );
    notes.push(
      `Xero's total ${total} differs from the deal's ${dealTotal}; please check the document.`,
    );
  }
  if (how === 'adopted')
    notes.push('An earlier attempt had already created it; it was found in Xero and kept.');
  return composeDealNote(deps, aboutRun(job), (mark) =>
    successNote({
      kind: job.kind,
      number: doc.number,
      total,
      currency: doc.currency,
      url: mark(doc.url ?? url(doc.xeroId ?? '')),
      customer,
      notes,
    }),
  );
}

/** A run that made no document: why, in plain words, and the Replay link. */
export function runProblemNote(deps: SyncDeps, job: DocumentJob, text: string): NewDealNote {
  return composeDealNote(deps, aboutRun(job), (mark) =>
    problemNote(job.kind, text, mark(deps.links.replayUrl(deps.company.id, job.runId))),
  );
}
