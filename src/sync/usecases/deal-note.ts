import { randomUUID } from 'node:crypto';

import escapeHtml from 'escape-html';

import { type Db, withTransaction } from '../../store/db.js';
import { addDealNote, type NewDealNote } from '../../store/repos/deal-notes.js';
import { DOCUMENT_KIND, type DocumentKind } from '../document-kinds.js';
import { type ContactHow, howInWords } from '../mapping/contact-match.js';
import type { SyncDeps } from '../ports.js';

/**
 * The note each run leaves on its deal: what was made, with number, total and a Xero link, or what
 * stopped it in plain words and a Replay link. Notes are HTML that Pipedrive sanitises
 * (https://developers.pipedrive.com/docs/api/v1/Notes), so every text is escaped.
 * A note is not written here: it is composed, stored in the notes outbox in the transaction that
 * records what it tells, and handed over for delivery (deliver-deal-note.ts), so neither a crash nor
 * a Pipedrive outage loses it. Its link carries the outbox id as a marker (`markNoteLink`).
 */

export function successNote(input: {
  kind: DocumentKind;
  number: string | null;
  total: string;
  currency: string;
  url: string;
  /** The Xero contact billed, and how it was found (ensureContact). */
  customer: { name: string; how: ContactHow; customerNumber?: string | undefined };
  notes: readonly string[];
}): string {
  const name =
    input.number === null
      ? `A draft ${DOCUMENT_KIND[input.kind].noun}`
      : `Draft ${DOCUMENT_KIND[input.kind].noun} ${input.number}`;
  const lines = [
    `<p>${escapeHtml(name)} was created in Xero: ${escapeHtml(formatTotal(input.total))} ${escapeHtml(input.currency)}. ` +
      `<a href="${escapeHtml(input.url)}">Open it in Xero</a></p>`,
    `<p>Xero contact: ${escapeHtml(input.customer.name)} (${escapeHtml(howInWords(input.customer.how))}).</p>`,
    ...(input.customer.customerNumber === undefined
      ? []
      : [`<p>${escapeHtml(input.customer.customerNumber)}</p>`]),
    ...input.notes.map((note) => `<p>${escapeHtml(note)}</p>`),
  ];
  return lines.join('');
}

export function problemNote(kind: DocumentKind, text: string, replayUrl: string): string {
  return (
    `<p>No Xero ${DOCUMENT_KIND[kind].noun} was created. ${escapeHtml(text)}</p>` +
    `<p><a href="${escapeHtml(replayUrl)}">Replay</a></p>`
  );
}

/** 6727.5 → "6,727.50": the total as a person reads it, with the exact cents. */
export function formatTotal(total: string): string {
  const [whole = '0', cents = '00'] = total.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents.padEnd(2, '0')}`;
}

/** The query parameter of the marker; a link keeps its query through Pipedrive's sanitising. */
export const NOTE_MARKER_PARAM = 'pdx_note';

/**
 * `url` with the note's marker added to its query: unique to one outbox row, so the delivery can
 * tell its own note among the deal's notes (deliver-deal-note.ts) without any visible text.
 */
export function markNoteLink(url: string, noteId: string): string {
  // Plain text work, not `new URL`: the link stays as it was built, and nothing here can throw
  // inside the transaction that records the outcome.
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const separator = base.includes('?') ? '&' : '?';
  return `${base}${separator}${NOTE_MARKER_PARAM}=${encodeURIComponent(noteId)}${fragment}`;
}

/** One note per run: what its outcome is. */
export const runNoteTopic = (runId: string): string => `run:${runId}`;

/**
 * A note for the outbox, with a fresh id; `html` gets `mark`, which puts the marker on the note's
 * link (every note has one).
 */
export function composeDealNote(
  deps: { company: { id: number } },
  about: { dealId: number; topic: string; runId?: string },
  html: (mark: (url: string) => string) => string,
): NewDealNote {
  const id = randomUUID();
  return {
    id,
    companyId: deps.company.id,
    ...about,
    content: html((url) => markNoteLink(url, id)),
  };
}

/**
 * Records an outcome with `record` and stores its note in the same transaction, then hands the note
 * over. `deps.db` must not be a transaction already: the hand-over has to follow the commit.
 */
export async function recordWithDealNote<T>(
  deps: Pick<SyncDeps, 'db' | 'clock' | 'notes' | 'logger'>,
  note: NewDealNote,
  record: (trx: Db) => Promise<T>,
): Promise<T> {
  const { result, added } = await withTransaction(deps.db, async (trx) => ({
    result: await record(trx),
    added: await addDealNote(trx, note, deps.clock.now()),
  }));
  if (added) await dispatchDealNote(deps, note);
  return result;
}

/**
 * After the commit: hand the note over for delivery. A failed hand-over is logged and left to the
 * sweep, since the note is safe in the outbox and the outcome it tells stands.
 */
export async function dispatchDealNote(
  deps: Pick<SyncDeps, 'notes' | 'logger'>,
  note: NewDealNote,
): Promise<void> {
  try {
    await deps.notes.dispatch(note.companyId, note.id);
  } catch (error) {
    deps.logger.warn(
      { err: error, noteId: note.id, dealId: note.dealId },
      'deal note not handed over; the sweep will deliver it',
    );
  }
}
