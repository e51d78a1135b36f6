import { contactGroupIdOf, type OrganisationSeed } from '../seed.js';
import { writeContact } from './contacts.js';
import { stableId as stableSeedId } from './format.js';
import { writeItem } from './items.js';
import type { Books } from './model.js';

/** Builds one organisation's books from its seed; contacts and items only for the 'demo' data set. */
export function loadOrganisation(seed: OrganisationSeed, withData: boolean, nowMs: number): Books {
  const books: Books = {
    tenantId: seed.tenantId,
    organisation: {
      OrganisationID: seed.tenantId,
      Name: seed.Name,
      LegalName: seed.LegalName,
      ShortCode: seed.ShortCode,
      BaseCurrency: seed.BaseCurrency,
      CountryCode: seed.CountryCode,
      Version: seed.Version,
      Timezone: seed.Timezone,
      ianaTimezone: seed.ianaTimezone,
      createdMs: nowMs,
    },
    accounts: structuredClone(seed.accounts),
    taxRates: structuredClone(seed.taxRates),
    currencies: structuredClone(seed.currencies),
    brandingThemes: structuredClone(seed.brandingThemes),
    trackingCategories: structuredClone(seed.trackingCategories),
    contacts: new Map(),
    contactGroups: [],
    items: new Map(),
    documents: new Map(),
    history: new Map(),
    counters: { invoice: 1, quote: 1 },
  };
  if (!withData) return books;
  for (const contact of seed.contacts) {
    const outcome = writeContact(books, { ...contact }, undefined, nowMs);
    if (!outcome.ok)
      throw new Error(`bad seed contact ${contact.Name}: ${outcome.errors.join('; ')}`);
    // Seed ids are stable so tests and docs can name them.
    const record = {
      ...outcome.record,
      ContactID: stableSeedId(seed.tenantId, 'contact', contact.Name),
      IsSupplier: contact.IsSupplier ?? false,
    };
    books.contacts.set(record.ContactID, record);
  }
  books.contactGroups = seed.contactGroups.map((group) => ({
    ContactGroupID: contactGroupIdOf(seed.tenantId, group.Name),
    ...group,
    contactIds: [],
  }));
  for (const item of seed.items) {
    const outcome = writeItem(books, { ...item }, undefined, 2, nowMs);
    if (!outcome.ok) throw new Error(`bad seed item ${item.Code}: ${outcome.errors.join('; ')}`);
    const record = { ...outcome.record, ItemID: stableSeedId(seed.tenantId, 'item', item.Code) };
    books.items.set(record.ItemID, record);
  }
  return books;
}
