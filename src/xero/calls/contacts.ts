import type { paths } from '../generated/accounting.js';
import { toWriteResult, type XeroWriteResult } from '../results.js';
import type { XeroContact, XeroTenantRef, XeroWriteOptions } from '../types.js';
import { single, whereString, type XeroCallContext } from './context.js';

export type XeroContactQuery = (
  { contactNumber: string } | { name: string } | { emailAddress: string }
) & { includeArchived?: boolean };

/**
 * Keys to look contacts up by, each a top-level text field Xero's `where` compares with `==`
 * (docs/vendors/xero.md §5); a contact matching any of them is returned.
 */
export interface XeroContactKeys {
  contactIds?: readonly string[];
  ContactNumber?: readonly string[];
  AccountNumber?: readonly string[];
  TaxNumber?: readonly string[];
  CompanyNumber?: readonly string[];
  Name?: readonly string[];
  EmailAddress?: readonly string[];
}

/**
 * The contact's top-level text fields the client filters on with `==`. The same six as the settings'
 * MATCH_XERO_FIELDS (what an admin may match on): the vendor client imports nothing of the domain.
 */
const TEXT_KEYS = [
  'ContactNumber',
  'AccountNumber',
  'TaxNumber',
  'CompanyNumber',
  'Name',
  'EmailAddress',
] as const;

/** Contacts come 100 to a page (docs/vendors/xero.md §5). */
const CONTACT_PAGE_SIZE = 100;
/**
 * Longest `where` sent in one GET (before encoding, which adds about a third for quotes and spaces),
 * so the query string stays near 2 KB, the smallest server default for it in common use (IIS).
 */
const WHERE_MAX_CHARS = 1500;

export function contactCalls({ call, api, keyed, perElement, orUndefinedOn404 }: XeroCallContext) {
  async function getContacts(
    ref: XeroTenantRef,
    query: NonNullable<paths['/Contacts']['get']['parameters']['query']>,
  ): Promise<XeroContact[]> {
    const data = await call(ref, 'GET', '/Contacts', (init) =>
      api.GET('/Contacts', {
        params: { header: init.tenant, query },
        headers: init.headers,
        signal: init.signal,
      }),
    );
    return data.Contacts ?? [];
  }

  return {
    /** docs/vendors/xero.md §16.1: match on ContactNumber (our Pipedrive id), then email, then exact name. */
    findContacts(ref: XeroTenantRef, query: XeroContactQuery): Promise<XeroContact[]> {
      const where =
        'contactNumber' in query
          ? `ContactNumber==${whereString(query.contactNumber)}`
          : 'name' in query
            ? `Name==${whereString(query.name)}`
            : `EmailAddress==${whereString(query.emailAddress)}`;
      // page=1: full contact records (docs/vendors/xero.md §5), and at most 100 matches is plenty.
      return getContacts(ref, {
        where,
        page: 1,
        ...(query.includeArchived && { includeArchived: true }),
      });
    },

    async getContact(ref: XeroTenantRef, contactId: string): Promise<XeroContact | undefined> {
      const data = await orUndefinedOn404(
        call(ref, 'GET', `/Contacts/${contactId}`, (init) =>
          api.GET('/Contacts/{ContactID}', {
            params: { header: init.tenant, path: { ContactID: contactId } },
            headers: init.headers,
            signal: init.signal,
          }),
        ),
      );
      return data?.Contacts?.[0];
    },

    async createContacts(
      ref: XeroTenantRef,
      contacts: XeroContact[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroContact>[]> {
      const data = await call(ref, 'PUT', '/Contacts', (init) =>
        api.PUT('/Contacts', {
          params: { header: keyed(ref, options), query: perElement },
          headers: init.headers,
          signal: init.signal,
          body: { Contacts: contacts },
        }),
      );
      return (data.Contacts ?? []).map(toWriteResult);
    },

    async updateContact(
      ref: XeroTenantRef,
      contactId: string,
      contact: XeroContact,
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroContact>> {
      const data = await call(ref, 'POST', `/Contacts/${contactId}`, (init) =>
        api.POST('/Contacts/{ContactID}', {
          params: { header: keyed(ref, options), path: { ContactID: contactId } },
          headers: init.headers,
          signal: init.signal,
          body: { Contacts: [contact] },
        }),
      );
      return single(data.Contacts, 'POST', `/Contacts/${contactId}`);
    },

    /**
     * Contacts matching any of `keys` (ContactID or a text field), archived ones
     * included, in as few calls as Xero's URL length allows: one `where` of OR'ed clauses per chunk,
     * every page of it (docs/vendors/xero.md §5). Lets a batch of up to 50 customers be looked up at once.
     */
    async findContactsByKeys(ref: XeroTenantRef, keys: XeroContactKeys): Promise<XeroContact[]> {
      const clauses = [
        ...(keys.contactIds ?? []).map((id) => `ContactID==Guid(${whereString(id)})`),
        ...TEXT_KEYS.flatMap((field) =>
          (keys[field] ?? []).map((value) => `${field}==${whereString(value)}`),
        ),
      ];
      const found = new Map<string, XeroContact>();
      for (const where of joinWithin([...new Set(clauses)], ' OR ', WHERE_MAX_CHARS)) {
        for (let page = 1; ; page++) {
          const contacts = await getContacts(ref, { where, page, includeArchived: true });
          for (const contact of contacts) found.set(contact.ContactID ?? '', contact);
          if (contacts.length < CONTACT_PAGE_SIZE) break;
        }
      }
      return [...found.values()];
    },

    /**
     * POST /Contacts: creates or updates each element (an element with a ContactID updates that
     * contact, docs/vendors/xero.md §4); up to 50 per call, results per element.
     */
    async saveContacts(
      ref: XeroTenantRef,
      contacts: XeroContact[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroContact>[]> {
      const data = await call(ref, 'POST', '/Contacts', (init) =>
        api.POST('/Contacts', {
          params: { header: keyed(ref, options), query: perElement },
          headers: init.headers,
          signal: init.signal,
          body: { Contacts: contacts },
        }),
      );
      return (data.Contacts ?? []).map(toWriteResult);
    },
  };
}

/** Joins `parts` with `separator` into as few strings as possible, each at most `max` long. */
function joinWithin(parts: string[], separator: string, max: number): string[] {
  const joined: string[] = [];
  let current = '';
  for (const part of parts) {
    const next = current === '' ? part : `${current}${separator}${part}`;
    if (current !== '' && next.length > max) {
      joined.push(current);
      current = part;
    } else current = next;
  }
  if (current !== '') joined.push(current);
  return joined;
}
