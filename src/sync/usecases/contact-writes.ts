import {
  type ContactLinkKey,
  listContactLinksTo,
  saveContactLink,
} from '../../store/repos/links.js';
import type { XeroContactKeys } from '../../xero/calls/contacts.js';
import { XeroValidationError } from '../../xero/errors.js';
import type { XeroContact } from '../../xero/types.js';
import { type ContactSource, newContactDraft } from '../mapping/contact.js';
import {
  type ContactDecision,
  decideContact,
  type MatchStep,
  matchSteps,
  ownContactNumbers,
  pairedContactNumbers,
} from '../mapping/contact-match.js';
import type { XeroContactCandidate, XeroContactDraft } from '../mapping/types.js';
import type { VerifiedContact } from '../org-reference-cache.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import type { MatchXeroField } from '../settings.js';
import { referenceCacheOf } from './load-org-reference.js';
import type { Stop } from './stop.js';

/**
 * What every path to a Xero contact shares (a deal's document, the panel's Update, the bulk sync):
 * the link key, Xero contacts as match candidates, the decision from one lookup (the same rules for
 * every path, mapping/contact-match.ts), the plain-words stops, creating drafts in one PUT /Contacts
 * and storing the link once a contact is known.
 */

export function contactLinkKey(
  deps: Pick<SyncDeps, 'company' | 'tenant'>,
  kind: ContactSource['kind'],
  pipedriveId: number,
): ContactLinkKey {
  return { companyId: deps.company.id, tenantId: deps.tenant.tenantId, kind, pipedriveId };
}

export function pipedriveIdOf(source: ContactSource): number {
  return (source.kind === 'organization' ? source.org : source.person)!.id;
}

export function toCandidate(contact: XeroContact): XeroContactCandidate[] {
  if (contact.ContactID === undefined || contact.Name === undefined) return [];
  return [
    {
      ContactID: contact.ContactID,
      Name: contact.Name,
      ContactNumber: contact.ContactNumber ?? null,
      EmailAddress: contact.EmailAddress ?? null,
      AccountNumber: contact.AccountNumber ?? null,
      TaxNumber: contact.TaxNumber ?? null,
      CompanyNumber: contact.CompanyNumber ?? null,
      ContactStatus: contact.ContactStatus ?? 'ACTIVE',
    },
  ];
}

/** The note's text is the message: these are already written for the reader. */
export function plainStop(code: Stop['code'], text: string): Stop {
  return { code, message: text, note: text };
}

/** `again` ends the advice: "Replay" for a run, "Update again" for the panel. */
export function archivedStop(name: string, contactNumber: string, again = 'Replay'): Stop {
  return plainStop(
    'contact_archived',
    `The Xero contact "${name}" (contact code ${contactNumber}) is archived, and archived contacts are never billed. Restore it in Xero (Contacts, Archived), or remove its contact code there, then ${again}.`,
  );
}

/** The stop an ambiguous or archived decision means; null when the decision lets the sync go on. */
export function decisionStop(
  found: ContactDecision,
  draft: XeroContactDraft,
  again = 'Replay',
): Stop | null {
  if (found.kind === 'ambiguous') return plainStop('contact_ambiguous', found.explanation);
  if (found.kind === 'archived')
    return archivedStop(
      found.contact.Name,
      found.contact.ContactNumber || draft.ContactNumber,
      again,
    );
  return null;
}

export interface ContactQuery {
  source: ContactSource;
  draft: XeroContactDraft;
  /** The record's linked contact, when Xero holds it archived. */
  archivedLink?: XeroContactCandidate;
}

/**
 * Each query's decision from ONE lookup of every value its search steps name (matchSteps: the
 * settings' field pairs, then ContactNumber, Name and email), OR'ed in one `where`, archived
 * included (a few GETs for a large batch), and one read of which records our store links the
 * contacts found to. `found` holds the contacts by ContactID.
 */
export async function decideInXero(
  deps: SyncDeps,
  queries: readonly ContactQuery[],
): Promise<{ decisions: ContactDecision[]; found: Map<string, XeroContact> }> {
  if (queries.length === 0) return { decisions: [], found: new Map() };
  const stepsOf = queries.map((query) => matchSteps(query.source, deps.company.settings));
  const contacts = await deps.xero.findContactsByKeys(
    xeroRef(deps),
    lookupKeys(queries.map((query, index) => ({ draft: query.draft, steps: stepsOf[index]! }))),
  );
  const candidates = contacts.flatMap(toCandidate);
  const links = await listContactLinksTo(
    deps.db,
    { companyId: deps.company.id, tenantId: deps.tenant.tenantId },
    candidates.map((candidate) => candidate.ContactID),
  );
  // Contacts matched by earlier queries of the batch count as linked to them, as they soon will be.
  const claims = links.map(({ kind, pipedriveId, xeroContactId }) => ({
    kind,
    pipedriveId,
    xeroContactId: xeroContactId.toLowerCase(),
  }));
  const decisions = queries.map(({ source, draft, archivedLink }, index) => {
    const order = stepsOf[index]!;
    const pipedriveId = pipedriveIdOf(source);
    const linkedToOthers = new Set(
      claims
        .filter((link) => link.kind !== source.kind || link.pipedriveId !== pipedriveId)
        .map((link) => link.xeroContactId),
    );
    const identity = {
      ownNumbers: ownContactNumbers(source.kind, pipedriveId, draft, pairedContactNumbers(order)),
      linkedToOthers,
    };
    const decision = decideContact(candidates, draft, {
      order,
      identity,
      ...(archivedLink && { archivedLink }),
    });
    if (decision.kind === 'matched')
      claims.push({
        kind: source.kind,
        pipedriveId,
        xeroContactId: decision.contact.ContactID.toLowerCase(),
      });
    return decision;
  });
  return {
    decisions,
    found: new Map(contacts.map((contact) => [contact.ContactID ?? '', contact])),
  };
}

/** The values each Xero field is looked up by, over every query's steps. */
function lookupKeys(queries: { draft: XeroContactDraft; steps: readonly MatchStep[] }[]) {
  const values = new Map<MatchXeroField, string[]>();
  const add = (field: MatchXeroField, value: string | undefined) => {
    const text = value?.trim();
    if (text) values.set(field, [...(values.get(field) ?? []), text]);
  };
  for (const { draft, steps } of queries) {
    for (const step of steps) {
      if (typeof step !== 'string') add(step.xeroField, step.value);
      else if (step === 'contact_number') add('ContactNumber', draft.ContactNumber);
      else if (step === 'name') add('Name', draft.Name);
      else add('EmailAddress', draft.EmailAddress);
    }
  }
  return Object.fromEntries(values) as XeroContactKeys;
}

export function rejectedStop(
  verb: 'create' | 'update',
  name: string,
  messages: readonly string[],
  again = 'Replay',
): Stop {
  const said = messages.length === 0 ? 'it gave no reason.' : messages.join(' ');
  return plainStop(
    'xero_contact_rejected',
    `Xero would not ${verb} the contact "${name}": ${said} Fix it in Xero or Pipedrive, then ${again}.`,
  );
}

/** A refusal keeps Xero's words (`messages`) so a caller can tell "already exists" apart. */
export type Written =
  | { ok: true; contact: XeroContact; contactId: string }
  | { ok: false; stop: Stop; messages: readonly string[] };

/**
 * Writes contacts in one call (PUT creates, with the settings' defaults for new contacts; POST with
 * ContactIDs updates), each element's result
 * mapped back to its draft (docs/vendors/xero.md §4, summarizeErrors=false). A whole-batch 400 refuses them all
 * in Xero's words.
 */
export async function writeContacts(
  deps: SyncDeps,
  mode: 'create' | 'update',
  contacts: (XeroContactDraft & { ContactID?: string })[],
  idempotencyKey: string,
  again = 'Replay',
): Promise<Written[]> {
  if (contacts.length === 0) return [];
  const ref = xeroRef(deps);
  const options = { idempotencyKey };
  const refused = (draft: XeroContactDraft, messages: readonly string[]): Written => ({
    ok: false,
    stop: rejectedStop(mode, draft.Name, messages, again),
    messages,
  });
  let results;
  try {
    const single = contacts.length === 1 ? contacts[0] : undefined;
    results =
      mode === 'create'
        ? await deps.xero.createContacts(
            ref,
            // DefaultCurrency is a code the settings were checked against the organisation for
            // (services/settings-check.ts); Xero's type lists every ISO code.
            contacts.map((draft) => newContactDraft(draft, deps.company.settings) as XeroContact),
            options,
          )
        : single?.ContactID
          ? [await deps.xero.updateContact(ref, single.ContactID, single, options)]
          : await deps.xero.saveContacts(ref, contacts, options);
  } catch (error) {
    if (error instanceof XeroValidationError)
      return contacts.map((draft) => refused(draft, error.messages));
    throw error;
  }
  return contacts.map((draft, index): Written => {
    const result = results[index];
    if (!result) return refused(draft, ['Xero returned no contact.']);
    if (!result.ok) return refused(draft, result.messages);
    const contactId = result.element.ContactID ?? draft.ContactID;
    return contactId
      ? { ok: true, contact: result.element, contactId }
      : refused(draft, ['Xero returned no contact id.']);
  });
}

/** Stores the link and remembers the contact as verified ACTIVE for the tenant's cache window. */
export async function linkContact(
  deps: SyncDeps,
  key: ContactLinkKey,
  contact: VerifiedContact,
): Promise<void> {
  await saveContactLink(deps.db, key, contact.ContactID, deps.clock.now());
  referenceCacheOf(deps).rememberContact(deps.tenant.tenantId, contact, deps.clock.now().getTime());
}

export function verified(contact: XeroContactCandidate): VerifiedContact {
  return {
    ContactID: contact.ContactID,
    Name: contact.Name,
    ContactNumber: contact.ContactNumber ?? null,
  };
}
