import { ADDRESS_PARTS, CONTACT_TEXT_FIELDS, type XeroContactField } from '../settings.js';
import type { XeroContactDraft } from './types.js';

/**
 * Which mapped fields of a contact draft differ from the contact Xero holds, named as the settings
 * name them (`EmailAddress`, `Phone.DEFAULT`, `POBOX.City`, …). Only what the draft sets is compared:
 * a field the mapping leaves empty is not sent, so Xero keeps its value and nothing changes. Text is
 * compared after trimming; an update is skipped when this is empty (no write for nothing).
 */

/** The parts of a Xero contact compared (Xero's own shape, as GET /Contacts returns it). */
export interface ExistingContact {
  Name?: string | null;
  ContactNumber?: string | null;
  FirstName?: string | null;
  LastName?: string | null;
  EmailAddress?: string | null;
  AccountNumber?: string | null;
  TaxNumber?: string | null;
  CompanyNumber?: string | null;
  Website?: string | null;
  Phones?: { PhoneType?: string; PhoneNumber?: string | null }[];
  Addresses?: ({ AddressType?: string } & Partial<Record<string, unknown>>)[];
}

export function contactChanges(
  draft: XeroContactDraft,
  existing: ExistingContact,
): XeroContactField[] {
  const changed: XeroContactField[] = [];
  for (const field of CONTACT_TEXT_FIELDS) {
    const wanted = draft[field];
    if (wanted !== undefined && !same(wanted, existing[field])) changed.push(field);
  }
  for (const phone of draft.Phones ?? []) {
    const held = existing.Phones?.find((entry) => entry.PhoneType === phone.PhoneType);
    if (!same(phone.PhoneNumber, held?.PhoneNumber)) changed.push(`Phone.${phone.PhoneType}`);
  }
  for (const address of draft.Addresses ?? []) {
    const held = existing.Addresses?.find((entry) => entry.AddressType === address.AddressType);
    for (const part of ADDRESS_PARTS) {
      const wanted = address[part];
      if (wanted !== undefined && !same(wanted, held?.[part]))
        changed.push(`${address.AddressType}.${part}`);
    }
  }
  return changed;
}

/** Every field a new contact gets from the draft (what "changed" means for a created contact). */
export function contactFields(draft: XeroContactDraft): XeroContactField[] {
  return contactChanges(draft, {});
}

function same(wanted: string, held: unknown): boolean {
  return typeof held === 'string' && held.trim() === wanted.trim();
}
