import { getContactLink } from '../../store/repos/links.js';
import { buildContact, type ContactSource } from '../mapping/contact.js';
import {
  type ContactHow,
  howMatched,
  linkedContactState,
  type LinkState,
  ownContactNumbers,
} from '../mapping/contact-match.js';
import type { XeroContactCandidate, XeroContactDraft } from '../mapping/types.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { addToNewContactsGroup } from './contact-group.js';
import {
  contactLinkKey,
  type ContactQuery,
  decideInXero,
  decisionStop,
  linkContact,
  pipedriveIdOf,
  toCandidate,
  verified,
  writeContacts,
} from './contact-writes.js';
import { contactLockName, isAlreadyThere, withCreationLocks } from './creation-lock.js';
import { customerNumberOf } from './customer-number.js';
import { idempotencyKey } from './keys.js';
import { referenceCacheOf } from './load-org-reference.js';
import type { DealSnapshot } from './read-deal.js';
import type { Stop } from './stop.js';

/**
 * The Xero contact a deal's document goes to (docs/architecture.md, the flow):
 * 1. the stored link (per tenant), trusted as it is: Xero is not asked again whether the contact still
 *    exists and is ACTIVE (no periodic re-verification, issue 12). When Xero refuses a document for
 *    its contact, the run asks again with `verify` (document-for-deal.ts), and then the link is used
 *    only if that contact still exists, is ACTIVE and is not another record's
 *    (mapping/contact-match.ts linkedContactState);
 * 2. else the contact the identity rules find in one lookup of the configured steps — the settings'
 *    field pairs (a TaxNumber, a CompanyNumber…), ContactNumber (PD-ORG-<id>/PD-PER-<id>), exact
 *    Name, email, OR'ed in one `where` — never another record's, never an archived one;
 * 3. else a new contact built from the organization (or, B2C, the person), created under the
 *    record's creation lock (creation-lock.ts): a job that waited for another one creating the same
 *    contact finds its link and uses it, and Xero's "already assigned" (someone created it between
 *    our lookup and our create) is resolved by looking it up again. A contact created here joins the
 *    settings' group for new contacts (contact-group.ts); if Xero refuses that, the run says so.
 * The link is stored whichever way it was found, and the result says which contact and how. Xero's
 * other refusals come back as a value in plain words, never as "Name 1".
 * The panel's Update and the bulk sync decide the same way (sync-contacts.ts, decideInXero).
 * previewContact says what steps 1–3 would do, reading only (the deal's Preview).
 */

export type ContactResult =
  | {
      ok: true;
      contactId: string;
      name: string;
      how: ContactHow;
      draft: XeroContactDraft;
      /** What the run says of the customer number (customer-number.ts), when the settings name one. */
      customerNumber?: string;
      /** What to check about the contact although the run went on (a group Xero refused). */
      warnings?: string[];
    }
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
  options: { verify?: boolean } = {},
): Promise<ContactResult> {
  const draft = buildContact(source, deps.company.settings);
  const verify = options.verify ?? false;
  const found = await findContact(deps, source, draft, verify);
  return found.kind === 'none'
    ? await createOnce(deps, found.query, found.linkedId, runId, verify)
    : await settle(deps, found);
}

/** What ensureContact would do, without doing it: nothing is created in Xero, no link is stored. */
export type ContactPreview =
  | { kind: 'found'; contactId: string; name: string; how: ContactHow }
  | { kind: 'create'; name: string }
  | { kind: 'stop'; stop: Stop };

export async function previewContact(
  deps: SyncDeps,
  source: ContactSource,
): Promise<ContactPreview> {
  const draft = buildContact(source, deps.company.settings);
  const found = await findContact(deps, source, draft, false);
  if (found.kind === 'none') return { kind: 'create', name: draft.Name };
  if (found.kind === 'stop') return { kind: 'stop', stop: found.stop };
  const { contact, how } = found;
  return { kind: 'found', contactId: contact.ContactID, name: contact.Name, how };
}

/** A lookup's verdict, before anything is written. */
type Found =
  | { kind: 'found'; query: ContactQuery; contact: XeroContactCandidate; how: ContactHow }
  | { kind: 'stop'; query: ContactQuery; stop: Stop };

/**
 * Steps 1 and 2, reading only: the usable stored link, else the identity rules' decision; `none`
 * (step 3: create one) carries what the creation needs.
 */
async function findContact(
  deps: SyncDeps,
  source: ContactSource,
  draft: XeroContactDraft,
  verify: boolean,
): Promise<Found | { kind: 'none'; query: ContactQuery; linkedId: string | undefined }> {
  const linkedId = await getContactLink(deps.db, linkKeyOf(deps, source));
  const link =
    linkedId === undefined ? undefined : await readLinked(deps, source, draft, linkedId, verify);
  const query: ContactQuery = {
    source,
    draft,
    ...(link?.state === 'archived' && { archivedLink: link.contact }),
  };
  if (link?.state === 'usable')
    return { kind: 'found', query, contact: link.contact, how: 'linked' };
  // Runs of one customer that start together share the look-up: the same customer, drafted the
  // same way, against the same archived link, is one question to Xero.
  const shareAs = `contact:${source.kind}:${pipedriveIdOf(source)}:${query.archivedLink?.ContactID ?? ''}:${JSON.stringify(draft)}`;
  return (await decideOne(deps, query, shareAs)) ?? { kind: 'none', query, linkedId };
}

/**
 * The decided contact or a stop; undefined when nothing matches (create one). With `shareAs`,
 * callers asking the same question at the same time share one look-up.
 */
async function decideOne(
  deps: SyncDeps,
  query: ContactQuery,
  shareAs?: string,
): Promise<Found | undefined> {
  // One query, one decision.
  const decide = async () => (await decideInXero(deps, [query])).decisions[0]!;
  const decision =
    shareAs === undefined
      ? await decide()
      : await referenceCacheOf(deps).shared(deps.tenant.tenantId, shareAs, decide);
  if (decision.kind === 'matched')
    return { kind: 'found', query, contact: decision.contact, how: howMatched(decision.by) };
  const stop = decisionStop(decision, query.draft);
  return stop ? { kind: 'stop', query, stop } : undefined;
}

/** A found contact linked and used; a stop as the result. */
async function settle(deps: SyncDeps, found: Found): Promise<ContactResult> {
  if (found.kind === 'stop') return { ok: false, stop: found.stop };
  const { source, draft } = found.query;
  return use(deps, source, draft, found.contact, found.how);
}

/**
 * Creates the contact under the record's creation lock, unless the previous holder just did. Its
 * link is then trusted like any other (asked of Xero only with `verify`): each of a month-end's
 * runs that waited for it would otherwise spend a GET of the organisation's minute on it.
 */
function createOnce(
  deps: SyncDeps,
  query: ContactQuery,
  linkedBefore: string | undefined,
  runId: string,
  verify: boolean,
): Promise<ContactResult> {
  const { source, draft } = query;
  const pipedriveId = pipedriveIdOf(source);
  return withCreationLocks(deps, [contactLockName(source.kind, pipedriveId)], async () => {
    const linkedNow = await getContactLink(deps.db, linkKeyOf(deps, source));
    if (linkedNow !== undefined && linkedNow !== linkedBefore) {
      const link = await readLinked(deps, source, draft, linkedNow, verify);
      if (link?.state === 'usable') return use(deps, source, draft, link.contact, 'linked');
    }
    const key = idempotencyKey(
      'contact',
      deps.company.id,
      deps.tenant.tenantId,
      source.kind,
      pipedriveId,
      runId,
    );
    // One result per draft (writeContacts).
    const created = (await writeContacts(deps, 'create', [draft], key))[0]!;
    if (created.ok) {
      const contact = {
        ContactID: created.contactId,
        Name: created.contact.Name ?? draft.Name,
        ContactNumber: created.contact.ContactNumber ?? draft.ContactNumber,
        ContactStatus: 'ACTIVE' as const,
      };
      const warning = await addToNewContactsGroup(deps, [created.contactId]);
      const result = await use(deps, source, draft, contact, 'created');
      return warning && result.ok ? { ...result, warnings: [warning] } : result;
    }
    if (!isAlreadyThere(created.messages)) return { ok: false, stop: created.stop };
    const again = await decideOne(deps, query);
    return again ? settle(deps, again) : { ok: false, stop: created.stop };
  });
}

async function use(
  deps: SyncDeps,
  source: ContactSource,
  draft: XeroContactDraft,
  contact: XeroContactCandidate,
  how: ContactHow,
): Promise<ContactResult> {
  // A linked contact is remembered as verified only when Xero was asked (readLinked).
  if (how !== 'linked') await linkContact(deps, linkKeyOf(deps, source), verified(contact));
  const customerNumber = await customerNumberOf(deps, source, draft, contact);
  return {
    ok: true,
    contactId: contact.ContactID,
    name: contact.Name,
    how,
    draft,
    ...(customerNumber !== undefined && { customerNumber }),
  };
}

/**
 * The linked contact and whether it may be used. Unless `verify`, the link is trusted without a GET:
 * under the name Xero last showed (a contact verified recently), else the record's own. Undefined when
 * Xero no longer has it.
 */
async function readLinked(
  deps: SyncDeps,
  source: ContactSource,
  draft: XeroContactDraft,
  contactId: string,
  verify: boolean,
): Promise<{ state: LinkState; contact: XeroContactCandidate } | undefined> {
  const nowMs = deps.clock.now().getTime();
  const known = referenceCacheOf(deps).verifiedContact(deps.tenant.tenantId, contactId, nowMs);
  const trusted = verify
    ? undefined
    : (known ?? { ContactID: contactId, Name: draft.Name, ContactNumber: null });
  const contact = trusted
    ? { ...trusted, ContactStatus: 'ACTIVE' as const }
    : toCandidate((await deps.xero.getContact(xeroRef(deps), contactId)) ?? {})[0];
  if (!contact) return undefined;
  if (!trusted && contact.ContactStatus === 'ACTIVE')
    referenceCacheOf(deps).rememberContact(deps.tenant.tenantId, verified(contact), nowMs);
  const identity = { ownNumbers: ownContactNumbers(source.kind, pipedriveIdOf(source), draft) };
  return { state: linkedContactState(contact, identity), contact };
}

function linkKeyOf(deps: SyncDeps, source: ContactSource) {
  return contactLinkKey(deps, source.kind, pipedriveIdOf(source));
}
