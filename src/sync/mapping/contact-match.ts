import { normaliseName } from './contact.js';
import type { XeroContactCandidate, XeroContactDraft } from './types.js';

/**
 * Chooses the Xero contact a document goes to, among the contacts found for a draft (by ContactNumber,
 * Name and EmailAddress). Keys are tried in the configured order; the first key that finds exactly one
 * ACTIVE contact wins. Archived (and GDPR-erased) contacts are never used for documents (xero.md §8);
 * two active contacts on one key stop the search, because guessing would put an invoice on the wrong
 * customer — the caller reports the ambiguity instead.
 */

export type MatchKey = 'contact_number' | 'name' | 'email';

export type ContactMatch =
  | { kind: 'matched'; contact: XeroContactCandidate; by: MatchKey }
  | { kind: 'ambiguous'; by: MatchKey; contacts: XeroContactCandidate[]; explanation: string }
  | { kind: 'none'; explanation: string };

export function matchContact(
  candidates: readonly XeroContactCandidate[],
  draft: Pick<XeroContactDraft, 'Name' | 'ContactNumber' | 'EmailAddress'>,
  order: readonly MatchKey[],
): ContactMatch {
  for (const by of order) {
    const found = candidates.filter((candidate) => matches(candidate, draft, by));
    const active = found.filter((candidate) => candidate.ContactStatus === 'ACTIVE');
    if (active.length === 1) return { kind: 'matched', contact: active[0]!, by };
    if (active.length > 1) {
      return {
        kind: 'ambiguous',
        by,
        contacts: active,
        explanation: `${active.length} active Xero contacts share the ${label[by]} "${valueOf(draft, by)}": ${active.map((c) => c.Name).join(', ')}. Archive or merge the extra ones in Xero, then Replay.`,
      };
    }
  }
  const archived = candidates.filter(
    (candidate) =>
      candidate.ContactStatus !== 'ACTIVE' && order.some((by) => matches(candidate, draft, by)),
  );
  return {
    kind: 'none',
    explanation:
      archived.length === 0
        ? `No Xero contact matches "${draft.Name}".`
        : `Only archived Xero contacts match "${draft.Name}" (${archived.map((c) => c.Name).join(', ')}); they are not used.`,
  };
}

export type ContactDecision =
  | { kind: 'matched'; contact: XeroContactCandidate; by: MatchKey }
  | { kind: 'ambiguous'; explanation: string }
  | { kind: 'archived'; contact: XeroContactCandidate }
  | { kind: 'none' };

/**
 * What to do with a draft given the contacts found for it (one key's lookup, or a batch lookup of
 * all keys at once — the answer is the same): keys in the configured order, the first that decides
 * wins. Our contact code held only by an archived contact decides too: Xero would refuse a second
 * contact with that code, and an archived one is never billed (xero.md §8).
 */
export function decideContact(
  candidates: readonly XeroContactCandidate[],
  draft: Pick<XeroContactDraft, 'Name' | 'ContactNumber' | 'EmailAddress'>,
  order: readonly MatchKey[],
): ContactDecision {
  for (const by of order) {
    const match = matchContact(candidates, draft, [by]);
    if (match.kind === 'matched') return { kind: 'matched', contact: match.contact, by };
    if (match.kind === 'ambiguous') return { kind: 'ambiguous', explanation: match.explanation };
    if (by !== 'contact_number') continue;
    const archived = candidates.find(
      (candidate) =>
        candidate.ContactStatus !== 'ACTIVE' &&
        (candidate.ContactNumber ?? '') === draft.ContactNumber,
    );
    if (archived) return { kind: 'archived', contact: archived };
  }
  return { kind: 'none' };
}

const label: Record<MatchKey, string> = {
  contact_number: 'contact number',
  name: 'name',
  email: 'email address',
};

function valueOf(
  draft: Pick<XeroContactDraft, 'Name' | 'ContactNumber' | 'EmailAddress'>,
  by: MatchKey,
): string {
  if (by === 'contact_number') return draft.ContactNumber;
  if (by === 'name') return draft.Name;
  return draft.EmailAddress ?? '';
}

function matches(
  candidate: XeroContactCandidate,
  draft: Pick<XeroContactDraft, 'Name' | 'ContactNumber' | 'EmailAddress'>,
  by: MatchKey,
): boolean {
  if (by === 'contact_number') return (candidate.ContactNumber ?? '') === draft.ContactNumber;
  if (by === 'name') {
    // xero.md §8: names are unique among active contacts, case-insensitively as far as reported.
    return normaliseName(candidate.Name).toLowerCase() === normaliseName(draft.Name).toLowerCase();
  }
  const email = draft.EmailAddress?.trim().toLowerCase();
  return (
    email !== undefined &&
    email !== '' &&
    (candidate.EmailAddress ?? '').trim().toLowerCase() === email
  );
}
