import type { MatchXeroField, Settings } from '../settings.js';
import {
  contactNumberFor,
  type ContactSource,
  isOwnContactNumber,
  normaliseName,
} from './contact.js';
import { readField } from './contact-fields.js';
import type { XeroContactCandidate, XeroContactDraft } from './types.js';

/**
 * Whose Xero contact is whose: the decision behind every path to a contact (a deal's document, the
 * panel's Update, the bulk sync), pure so each path decides the same way.
 *
 * A record's customer identity is its contact code: `PD-ORG-<id>`/`PD-PER-<id>` (contactNumberFor),
 * or the value a ContactNumber field mapping supplies. A contact found by its code, name or email is
 * this record's only when
 * - it is ACTIVE (archived and GDPR-erased contacts are never billed);
 * - it carries no contact code, or this record's own: a code is another customer's name for itself,
 *   and a person who shares their company's email is still a different customer than the company;
 * - our store does not link it to another Pipedrive record (a contact without a code that another
 *   record was matched to by name or email is that record's) — unless it carries this record's
 *   `PD-…` code, which names one record only and outweighs a link made by mistake.
 * Steps are tried in order — the settings' field pairs (`contacts.matchFields`: "this Pipedrive field's
 * value is that Xero field's"), then its keys (`contacts.matchOrder`) — and the first that finds
 * exactly one such contact wins; two stop the search, because guessing would put an invoice on the
 * wrong customer.
 */

export type MatchKey = 'contact_number' | 'name' | 'email';

/** A field pair's step: the Xero contact field and the value this record holds for it. */
export interface MatchByField {
  xeroField: MatchXeroField;
  value: string;
}

export type MatchStep = MatchKey | MatchByField;

/** How a record's Xero contact was found; the run and the deal note say it. */
export type ContactHow =
  | 'linked'
  | 'by contact number'
  | 'by name'
  | 'by email'
  | `by ${MatchXeroField} ${string}`
  | 'created';

const HOW_MATCHED: Record<MatchKey, ContactHow> = {
  contact_number: 'by contact number',
  name: 'by name',
  email: 'by email',
};

/** "by TaxNumber 123-456-789": what the note and the run say of a match. */
export function howMatched(step: MatchStep): ContactHow {
  return typeof step === 'string' ? HOW_MATCHED[step] : `by ${step.xeroField} ${step.value}`;
}

/** The note's words for how the contact was found: "matched by TaxNumber 123-456-789". */
export function howInWords(how: ContactHow): string {
  if (how === 'linked') return 'already linked';
  return how === 'created' ? 'created' : `matched ${how}`;
}

/**
 * The search steps for a record: each field pair whose Pipedrive field has a value on it (option
 * labels for enum and set fields), then the configured keys.
 */
export function matchSteps(source: ContactSource, settings: Settings): MatchStep[] {
  const { matchFields, matchOrder } = settings.contacts;
  const entity = source.kind === 'organization' ? source.org : source.person;
  const pairs = source.kind === 'organization' ? matchFields.organization : matchFields.person;
  const byField = entity
    ? pairs.flatMap((pair): MatchByField[] => {
        const value = readField(
          entity as unknown as Record<string, unknown>,
          pair.pipedriveField,
          source.fieldDefinitions,
        );
        return value === undefined ? [] : [{ xeroField: pair.xeroField, value }];
      })
    : [];
  return [...byField, ...matchOrder];
}

/** The contact codes field pairs onto ContactNumber give this record: they name it too. */
export function pairedContactNumbers(steps: readonly MatchStep[]): string[] {
  return steps.flatMap((step) =>
    typeof step !== 'string' && step.xeroField === 'ContactNumber' ? [step.value] : [],
  );
}

export interface ContactIdentity {
  /** The contact codes that name this record: its own and the mapped one (ownContactNumbers). */
  ownNumbers: readonly string[];
  /** ContactIDs, lower case, that our store links to another Pipedrive record of this organisation. */
  linkedToOthers: ReadonlySet<string>;
}

export function ownContactNumbers(
  kind: ContactSource['kind'],
  pipedriveId: number,
  draft: Pick<XeroContactDraft, 'ContactNumber'>,
  paired: readonly string[] = [],
): string[] {
  return [...new Set([contactNumberFor(kind, pipedriveId), draft.ContactNumber, ...paired])];
}

export type ContactDecision =
  | { kind: 'matched'; contact: XeroContactCandidate; by: MatchStep }
  | { kind: 'ambiguous'; explanation: string }
  | { kind: 'archived'; contact: XeroContactCandidate }
  | { kind: 'none' };

export interface MatchRules {
  order: readonly MatchStep[];
  identity: ContactIdentity;
  /** This record's linked contact, when Xero holds it archived: it waits to be restored. */
  archivedLink?: XeroContactCandidate;
}

type DraftKeys = Pick<XeroContactDraft, 'Name' | 'ContactNumber' | 'EmailAddress'>;

/**
 * What to do with a draft given the contacts found for it (one batch lookup of every key, or one
 * key's lookup with that key as the order). Our contact code held only by an archived contact
 * decides too, where the contact code comes in the order (at the end when it is not in it): Xero
 * would refuse a second contact with that code, and the user archived this customer's contact. So
 * does this record's linked contact when archived, unless an active contact of its own is found.
 */
export function decideContact(
  candidates: readonly XeroContactCandidate[],
  draft: DraftKeys,
  rules: MatchRules,
): ContactDecision {
  const { order, identity } = rules;
  const usable = candidates.filter(
    (candidate) => candidate.ContactStatus === 'ACTIVE' && isOurs(candidate, identity),
  );
  const archivedOurs = () =>
    candidates.find(
      (candidate) =>
        candidate.ContactStatus !== 'ACTIVE' &&
        (candidate.ContactNumber ?? '') === draft.ContactNumber &&
        isOurs(candidate, identity),
    );
  for (const by of order) {
    const found = usable.filter((candidate) => matches(candidate, draft, by));
    if (found.length === 1) return { kind: 'matched', contact: found[0]!, by };
    if (found.length > 1) return { kind: 'ambiguous', explanation: ambiguity(found, draft, by) };
    const archived = by === 'contact_number' ? archivedOurs() : undefined;
    if (archived) return { kind: 'archived', contact: archived };
  }
  const archived =
    (order.includes('contact_number') ? undefined : archivedOurs()) ?? rules.archivedLink;
  return archived ? { kind: 'archived', contact: archived } : { kind: 'none' };
}

export type LinkState = 'usable' | 'archived' | 'not_ours';

/**
 * Whether the contact a record is linked to may still be used. A contact code of the user's own
 * (not one the app gives) is theirs to set; another record's app code means the link is wrong
 * (made before these rules), and the record's contact is looked for afresh.
 */
export function linkedContactState(
  contact: XeroContactCandidate,
  identity: Pick<ContactIdentity, 'ownNumbers'>,
): LinkState {
  const code = contact.ContactNumber ?? '';
  if (isOwnContactNumber(code) && !identity.ownNumbers.includes(code)) return 'not_ours';
  return contact.ContactStatus === 'ACTIVE' ? 'usable' : 'archived';
}

function isOurs(candidate: XeroContactCandidate, identity: ContactIdentity): boolean {
  const code = candidate.ContactNumber ?? '';
  if (code !== '' && !identity.ownNumbers.includes(code)) return false;
  if (isOwnContactNumber(code)) return true;
  return !identity.linkedToOthers.has(candidate.ContactID.toLowerCase());
}

const label: Record<MatchKey, string> = {
  contact_number: 'contact number',
  name: 'name',
  email: 'email address',
};

function ambiguity(found: readonly XeroContactCandidate[], draft: DraftKeys, by: MatchStep) {
  const what = typeof by === 'string' ? label[by] : by.xeroField;
  return `${found.length} active Xero contacts share the ${what} "${valueOf(draft, by)}": ${found.map((c) => c.Name).join(', ')}. Archive or merge the extra ones in Xero, then Replay.`;
}

function valueOf(draft: DraftKeys, by: MatchStep): string {
  if (typeof by !== 'string') return by.value;
  if (by === 'contact_number') return draft.ContactNumber;
  if (by === 'name') return draft.Name;
  return draft.EmailAddress ?? '';
}

/** Xero's value of a pair's field, compared the way a person reads it: trimmed, any case. */
function sameText(held: string | null | undefined, wanted: string): boolean {
  const norm = (text: string) => normaliseName(text).toLowerCase();
  return wanted.trim() !== '' && norm(held ?? '') === norm(wanted);
}

function matches(candidate: XeroContactCandidate, draft: DraftKeys, by: MatchStep): boolean {
  if (typeof by !== 'string') return sameText(candidate[by.xeroField], by.value);
  if (by === 'contact_number') return (candidate.ContactNumber ?? '') === draft.ContactNumber;
  if (by === 'name') {
    // Names are unique among active contacts, case-insensitively as far as reported
    // (https://developer.xero.com/documentation/api/accounting/contacts).
    return normaliseName(candidate.Name).toLowerCase() === normaliseName(draft.Name).toLowerCase();
  }
  const email = draft.EmailAddress?.trim().toLowerCase();
  return (
    email !== undefined &&
    email !== '' &&
    (candidate.EmailAddress ?? '').trim().toLowerCase() === email
  );
}
