import { XeroValidationError } from '../../xero/errors.js';
import type { XeroContact } from '../../xero/types.js';
import { buildContact, type ContactSource } from '../mapping/contact.js';
import { type MatchKey, matchContact } from '../mapping/contact-match.js';
import type { XeroContactCandidate, XeroContactDraft } from '../mapping/types.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { getContactLink, saveContactLink } from '../../store/repos/links.js';
import { idempotencyKey } from './keys.js';
import { referenceCacheOf } from './load-org-reference.js';
import type { DealSnapshot } from './read-deal.js';
import type { Stop } from './stop.js';

/**
 * The Xero contact a deal's document goes to (DESIGN.md §1 "ensure Xero contact"):
 * 1. the stored link (per tenant), if that contact still exists and is ACTIVE in Xero;
 * 2. else a match in the configured order — ContactNumber (PD-ORG-<id>/PD-PER-<id>), exact Name among
 *    active contacts, email — one lookup per key, stopping at the first that decides;
 * 3. else a new contact built from the organization (or, B2C, the person).
 * The link is stored whichever way it was found. Xero's refusal to create (e.g. a name already used by
 * another active contact, xero.md §8) comes back as a value in plain words, never as "Name 1".
 */

export type ContactResult =
  | { ok: true; contactId: string; how: 'linked' | 'matched' | 'created'; draft: XeroContactDraft }
  | { ok: false; stop: Stop };

export function contactSourceOf(snapshot: DealSnapshot): ContactSource | undefined {
  const { org, person, fieldDefinitions } = snapshot;
  if (org) return { kind: 'organization', org, ...(person && { person }), fieldDefinitions };
  if (person) return { kind: 'person', person, fieldDefinitions };
  return undefined;
}

export async function ensureContact(
  deps: SyncDeps,
  source: ContactSource,
  runId: string,
): Promise<ContactResult> {
  const draft = buildContact(source, deps.company.settings);
  const pipedriveId = (source.kind === 'organization' ? source.org : source.person)!.id;
  const linkKey = {
    companyId: deps.company.id,
    tenantId: deps.tenant.tenantId,
    kind: source.kind,
    pipedriveId,
  };
  const linked = await getContactLink(deps.db, linkKey);
  if (linked !== undefined && (await isActiveContact(deps, linked))) {
    return { ok: true, contactId: linked, how: 'linked', draft };
  }

  const found = await matchInXero(deps, draft);
  if (found.kind === 'ambiguous') {
    return { ok: false, stop: stop('contact_ambiguous', found.explanation) };
  }
  if (found.kind === 'archived') {
    return {
      ok: false,
      stop: stop(
        'contact_archived',
        `The Xero contact "${found.contact.Name}" (contact code ${draft.ContactNumber}) is archived, and archived contacts are never billed. Restore it in Xero (Contacts, Archived), or remove its contact code there, then Replay.`,
      ),
    };
  }
  let contactId: string;
  let how: 'matched' | 'created';
  if (found.kind === 'matched') {
    contactId = found.contactId;
    how = 'matched';
  } else {
    const created = await createContact(
      deps,
      draft,
      idempotencyKey(
        'contact',
        deps.company.id,
        deps.tenant.tenantId,
        source.kind,
        pipedriveId,
        runId,
      ),
    );
    if (!created.ok) return created;
    contactId = created.contactId;
    how = 'created';
  }
  await saveContactLink(deps.db, linkKey, contactId, deps.clock.now());
  referenceCacheOf(deps).rememberContact(
    deps.tenant.tenantId,
    contactId,
    deps.clock.now().getTime(),
  );
  return { ok: true, contactId, how, draft };
}

/** A linked contact is used only while it exists and is ACTIVE (xero.md §8: never archived ones). */
async function isActiveContact(deps: SyncDeps, contactId: string): Promise<boolean> {
  const cache = referenceCacheOf(deps);
  const nowMs = deps.clock.now().getTime();
  if (cache.isContactVerified(deps.tenant.tenantId, contactId, nowMs)) return true;
  const contact = await deps.xero.getContact(xeroRef(deps), contactId);
  if (contact?.ContactStatus !== 'ACTIVE') return false;
  cache.rememberContact(deps.tenant.tenantId, contactId, nowMs);
  return true;
}

type Found =
  | { kind: 'matched'; contactId: string }
  | { kind: 'ambiguous'; explanation: string }
  | { kind: 'archived'; contact: XeroContactCandidate }
  | { kind: 'none' };

async function matchInXero(deps: SyncDeps, draft: XeroContactDraft): Promise<Found> {
  const ref = xeroRef(deps);
  for (const by of deps.company.settings.contacts.matchOrder) {
    const query = queryFor(by, draft);
    if (query === undefined) continue;
    // Archived contacts are read for the contact code only, to explain them; they are never billed.
    const candidates = (
      await deps.xero.findContacts(ref, { ...query, includeArchived: by === 'contact_number' })
    ).flatMap(toCandidate);
    const match = matchContact(candidates, draft, [by]);
    if (match.kind === 'matched') return { kind: 'matched', contactId: match.contact.ContactID };
    if (match.kind === 'ambiguous') return { kind: 'ambiguous', explanation: match.explanation };
    // Our contact code is held by an archived contact: Xero would refuse a new contact with it.
    const archived = by === 'contact_number' ? candidates.find(isArchived) : undefined;
    if (archived) return { kind: 'archived', contact: archived };
  }
  return { kind: 'none' };
}

const isArchived = (candidate: XeroContactCandidate) => candidate.ContactStatus !== 'ACTIVE';

/** The note's text is the message: these are already written for the deal's reader. */
function stop(code: string, text: string): Stop {
  return { code, message: text, note: text };
}

function queryFor(by: MatchKey, draft: XeroContactDraft) {
  if (by === 'contact_number') return { contactNumber: draft.ContactNumber };
  if (by === 'name') return { name: draft.Name };
  const email = draft.EmailAddress?.trim();
  return email ? { emailAddress: email } : undefined;
}

function toCandidate(contact: XeroContact): XeroContactCandidate[] {
  if (contact.ContactID === undefined || contact.Name === undefined) return [];
  return [
    {
      ContactID: contact.ContactID,
      Name: contact.Name,
      ContactNumber: contact.ContactNumber ?? null,
      EmailAddress: contact.EmailAddress ?? null,
      ContactStatus: contact.ContactStatus ?? 'ACTIVE',
    },
  ];
}

async function createContact(
  deps: SyncDeps,
  draft: XeroContactDraft,
  key: string,
): Promise<{ ok: true; contactId: string } | { ok: false; stop: Stop }> {
  const refused = (messages: string[]) => ({
    ok: false as const,
    stop: stop(
      'xero_contact_rejected',
      `Xero would not create the contact "${draft.Name}": ${messages.join(' ')} Fix it in Xero or Pipedrive, then Replay.`,
    ),
  });
  try {
    const [result] = await deps.xero.createContacts(xeroRef(deps), [draft], {
      idempotencyKey: key,
    });
    if (!result) return refused(['Xero returned no contact.']);
    if (!result.ok) return refused(result.messages);
    const contactId = result.element.ContactID;
    return contactId ? { ok: true, contactId } : refused(['Xero returned no contact id.']);
  } catch (error) {
    if (error instanceof XeroValidationError) return refused(error.messages);
    throw error;
  }
}
