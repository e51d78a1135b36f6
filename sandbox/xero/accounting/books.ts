import type { SandboxClock } from '../../common/clock.js';
import { demoOrganisations, type OrganisationSeed } from '../seed.js';
import type { TenantInfo, XeroChangeEvent, XeroChangeListener } from '../world.js';
import { type ContactOutcome, matchContact, writeContact } from './contacts.js';
import { type DocumentOutcome, type DocumentWrite, writeDocument } from './documents.js';
import { todayIn } from './format.js';
import { type ItemOutcome, matchItem, writeItem } from './items.js';
import { loadOrganisation } from './load-seed.js';
import type { Books, ContactRecord, DocumentKind, DocumentRecord, ItemRecord } from './model.js';
import { round } from './totals.js';

export interface XeroBooksDeps {
  clock: SandboxClock;
  onChange: XeroChangeListener;
  /** The calling app's name for ProviderName (default "Xero Sandbox"). */
  appName?: (clientId: string) => string | undefined;
}

/**
 * The organisations' books: reference data, contacts, items, invoices, quotes and their history.
 * Each write method validates, commits and announces INVOICE/CONTACT changes (world.ts).
 * States: reset(seed) replaces every organisation; writes only ever touch one tenant's Books.
 */
export class XeroBooks {
  private orgs = new Map<string, Books>();

  constructor(private readonly deps: XeroBooksDeps) {
    this.reset('demo');
  }

  /** 'demo': DEMO.md data; 'empty': the three organisations with reference data only. */
  reset(seed: 'demo' | 'empty'): void {
    const now = this.deps.clock.now();
    this.orgs = new Map(
      demoOrganisations().map((org) => [org.tenantId, loadOrganisation(org, seed === 'demo', now)]),
    );
  }

  /** Control API: one more organisation (gone again on reset). False when the id is taken. */
  addOrganisation(seed: OrganisationSeed): boolean {
    if (this.orgs.has(seed.tenantId.toLowerCase())) return false;
    this.orgs.set(
      seed.tenantId.toLowerCase(),
      loadOrganisation(seed, false, this.deps.clock.now()),
    );
    return true;
  }

  tenants(): TenantInfo[] {
    return [...this.orgs.values()].map((books) => ({
      tenantId: books.tenantId,
      tenantName: books.organisation.Name,
      tenantType: 'ORGANISATION',
    }));
  }

  hasTenant(tenantId: string): boolean {
    return this.orgs.has(tenantId.toLowerCase());
  }

  /** The tenant's books, or undefined for an unknown tenant. */
  books(tenantId: string): Books | undefined {
    return this.orgs.get(tenantId.toLowerCase());
  }

  providerName(clientId: string): string {
    return this.deps.appName?.(clientId) ?? 'Xero Sandbox';
  }

  now(): number {
    return this.deps.clock.now();
  }

  saveContact(
    books: Books,
    input: Record<string, unknown>,
    mode: 'create' | 'upsert',
    target?: ContactRecord,
  ): ContactOutcome {
    const existing = target ?? (mode === 'upsert' ? matchContact(books, input) : undefined);
    if (mode === 'upsert' && !target && input['ContactID'] && !existing) {
      return {
        ok: false,
        errors: [`The contact with ContactID ${String(input['ContactID'])} could not be found.`],
      };
    }
    const outcome = writeContact(books, input, existing, this.now());
    if (outcome.ok) {
      books.contacts.set(outcome.record.ContactID, outcome.record);
      this.emit(books, 'CONTACT', outcome.created ? 'CREATE' : 'UPDATE', outcome.record.ContactID);
    }
    return outcome;
  }

  saveItem(
    books: Books,
    input: Record<string, unknown>,
    mode: 'create' | 'upsert',
    unitDp: 2 | 4,
    target?: ItemRecord,
  ): ItemOutcome {
    const existing = target ?? (mode === 'upsert' ? matchItem(books, input) : undefined);
    const outcome = writeItem(books, input, existing, unitDp, this.now());
    if (outcome.ok) books.items.set(outcome.record.ItemID, outcome.record);
    return outcome;
  }

  deleteItem(books: Books, itemId: string): boolean {
    return books.items.delete(itemId.toLowerCase());
  }

  saveDocument(
    books: Books,
    kind: DocumentKind,
    input: Record<string, unknown>,
    options: { unitDp: 2 | 4; clientId: string; target?: DocumentRecord },
  ): DocumentOutcome {
    const idField = kind === 'invoice' ? 'InvoiceID' : 'QuoteID';
    const id =
      typeof input[idField] === 'string' ? (input[idField] as string).toLowerCase() : undefined;
    const existing = options.target ?? (id ? books.documents.get(id) : undefined);
    if (id && !existing) return { ok: false, errors: [`${idField} ${id} could not be found.`] };
    const ctx: DocumentWrite = {
      books,
      kind,
      nowMs: this.now(),
      unitDp: options.unitDp,
      clientId: options.clientId,
    };
    const outcome = writeDocument(ctx, input, existing);
    if (!outcome.ok) return outcome;
    const { doc } = outcome;
    if (outcome.newContact) {
      const created = this.saveContact(books, outcome.newContact, 'create');
      if (!created.ok) return created;
      doc.contactId = created.record.ContactID;
    }
    if (outcome.autoNumbered) books.counters[kind] = Number(doc.number.split('-')[1]) + 1;
    books.documents.set(doc.id, doc);
    this.flagContact(books, doc);
    if (!existing)
      this.addHistory(books, doc.id, 'Created', 'System Generated', `${doc.number} created.`);
    else if (existing.status !== doc.status)
      this.addHistory(
        books,
        doc.id,
        statusChange(doc.status),
        'System Generated',
        `${doc.number} status changed to ${doc.status}.`,
      );
    else this.addHistory(books, doc.id, 'Edited', 'System Generated', `${doc.number} edited.`);
    if (kind === 'invoice') this.emit(books, 'INVOICE', existing ? 'UPDATE' : 'CREATE', doc.id);
    return outcome;
  }

  addHistory(books: Books, id: string, changes: string, user: string, details: string): void {
    const entries = books.history.get(id) ?? [];
    entries.push({ atMs: this.now(), Changes: changes, User: user, Details: details });
    books.history.set(id, entries);
  }

  /** Control API: records a payment (AUTHORISED → PAID once nothing is due). */
  recordPayment(
    books: Books,
    invoiceId: string,
    amount: number,
  ): { ok: true; doc: DocumentRecord } | { ok: false; error: string } {
    const doc = books.documents.get(invoiceId.toLowerCase());
    if (!doc || doc.kind !== 'invoice') return { ok: false, error: 'invoice not found' };
    if (doc.status !== 'AUTHORISED')
      return { ok: false, error: `only AUTHORISED invoices take payments (status ${doc.status})` };
    const paid = doc.amountPaid.plus(round(amount, 2));
    if (!(amount > 0) || paid.gt(doc.total))
      return { ok: false, error: 'payment must be positive and not exceed the amount due' };
    doc.amountPaid = paid;
    doc.updatedMs = this.now();
    if (paid.eq(doc.total)) {
      doc.status = 'PAID';
      doc.fullyPaidOnDate = todayIn(books.organisation.ianaTimezone, doc.updatedMs);
    }
    this.addHistory(
      books,
      doc.id,
      'Payment',
      'System Generated',
      `Payment received of ${round(amount, 2).toFixed(2)}.`,
    );
    this.emit(books, 'INVOICE', 'UPDATE', doc.id);
    return { ok: true, doc };
  }

  /** Control API: archives a contact (as a Xero user would in the UI). */
  archiveContact(books: Books, contactId: string): ContactRecord | undefined {
    const contact = books.contacts.get(contactId.toLowerCase());
    if (!contact) return undefined;
    contact.ContactStatus = 'ARCHIVED';
    contact.updatedMs = this.now();
    this.emit(books, 'CONTACT', 'UPDATE', contact.ContactID);
    return contact;
  }

  /** IsCustomer / IsSupplier follow sales and purchase documents; UpdatedDateUTC is not bumped (docs/vendors/xero.md §5). */
  private flagContact(books: Books, doc: DocumentRecord): void {
    const contact = books.contacts.get(doc.contactId);
    if (!contact) return;
    if (doc.type === 'ACCREC') contact.IsCustomer = true;
    else contact.IsSupplier = true;
  }

  private emit(
    books: Books,
    category: XeroChangeEvent['category'],
    type: XeroChangeEvent['type'],
    resourceId: string,
  ): void {
    this.deps.onChange({ category, type, tenantId: books.tenantId, resourceId, atMs: this.now() });
  }
}

function statusChange(status: string): string {
  const words: Record<string, string> = {
    AUTHORISED: 'Approved',
    SUBMITTED: 'Submitted',
    DELETED: 'Deleted',
    VOIDED: 'Voided',
    SENT: 'Sent',
    ACCEPTED: 'Accepted',
    DECLINED: 'Declined',
    INVOICED: 'Invoiced',
  };
  return words[status] ?? 'Edited';
}
