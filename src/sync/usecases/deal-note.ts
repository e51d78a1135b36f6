import { getRun, updateRun } from '../../store/repos/runs.js';
import type { ContactHow } from '../mapping/contact-match.js';
import type { DocumentKind, SyncDeps } from '../ports.js';

/**
 * The note each run leaves on its deal (DESIGN.md §1: "note on the deal (link or error + replay
 * link)"): what was made, with number, total and a Xero link, or what stopped it in plain words and
 * a Replay link. Notes are HTML (Pipedrive notes, pipedrive.md §3.9), so every text is escaped.
 * Writing the note is the last step and must never lose the run's outcome: a failure is logged and
 * recorded on the run, and the outcome stands.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const noun: Record<DocumentKind, string> = { invoice: 'invoice', quote: 'quote' };

const found: Record<ContactHow, string> = {
  linked: 'already linked',
  'by contact number': 'matched by contact number',
  'by name': 'matched by name',
  'by email': 'matched by email',
  created: 'created',
};

export function successNote(input: {
  kind: DocumentKind;
  number: string | null;
  total: string;
  currency: string;
  url: string;
  /** The Xero contact billed, and how it was found (ensureContact). */
  customer: { name: string; how: ContactHow };
  notes: readonly string[];
}): string {
  const name =
    input.number === null
      ? `A draft ${noun[input.kind]}`
      : `Draft ${noun[input.kind]} ${input.number}`;
  const lines = [
    `<p>${escapeHtml(name)} was created in Xero: ${escapeHtml(formatTotal(input.total))} ${escapeHtml(input.currency)}. ` +
      `<a href="${escapeHtml(input.url)}">Open it in Xero</a></p>`,
    `<p>Xero contact: ${escapeHtml(input.customer.name)} (${found[input.customer.how]}).</p>`,
    ...input.notes.map((note) => `<p>${escapeHtml(note)}</p>`),
  ];
  return lines.join('');
}

export function problemNote(kind: DocumentKind, text: string, replayUrl: string): string {
  return (
    `<p>No Xero ${noun[kind]} was created. ${escapeHtml(text)}</p>` +
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

export async function writeDealNote(
  deps: SyncDeps,
  runId: string,
  dealId: number,
  html: string,
): Promise<boolean> {
  try {
    await deps.pipedrive.addNote(dealId, html);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.warn({ runId, dealId, err: reason }, 'could not write the deal note');
    // Kept next to what the run already recorded (the document), not over it.
    const run = await getRun(deps.db, deps.company.id, runId);
    const previous = run?.responseSummary;
    const summary = typeof previous === 'object' && previous !== null ? previous : {};
    await updateRun(
      deps.db,
      deps.company.id,
      runId,
      { responseSummary: { ...summary, noteFailed: reason } },
      deps.clock.now(),
    );
    return false;
  }
}
