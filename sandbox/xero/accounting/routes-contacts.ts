import type { FastifyInstance } from 'fastify';

import { registerBatchWrites } from './batch-writes.js';
import type { XeroBooks } from './books.js';
import type { ElementResult } from './envelope.js';
import { sendNotFound } from './envelope.js';
import { isGuid } from './format.js';
import { booksOf, csv, listQueryOf, queryOf, sendList } from './http.js';
import { listRecords } from './listing.js';
import type { Books, ContactRecord } from './model.js';
import { contactView } from './views.js';

/** /Contacts (docs/vendors/xero.md §8, §5): paged reads with filters; PUT creates, POST creates or updates. */

const CONTACT_FIELDS = [
  'ContactID',
  'ContactNumber',
  'AccountNumber',
  'ContactStatus',
  'Name',
  'FirstName',
  'LastName',
  'EmailAddress',
  'CompanyNumber',
  'TaxNumber',
  'DefaultCurrency',
  'IsCustomer',
  'IsSupplier',
  'UpdatedDateUTC',
];

/** A path segment is a ContactID when GUID-shaped, else a ContactNumber (docs/vendors/xero.md §2). */
export function findContact(books: Books, key: string): ContactRecord | undefined {
  if (isGuid(key)) return books.contacts.get(key.toLowerCase());
  return [...books.contacts.values()].find((contact) => contact.ContactNumber === key);
}

export function registerContactRoutes(scope: FastifyInstance, books: XeroBooks): void {
  scope.get('/Contacts', async (request, reply) => {
    const tenant = booksOf(books, request);
    const query = queryOf(request);
    const ids = csv(query['ids']);
    const term = query['searchterm']?.toLowerCase();
    const summaryOnly = query['summaryonly'] === 'true';
    const rows = [...tenant.contacts.values()]
      .filter(
        (contact) => query['includearchived'] === 'true' || contact.ContactStatus !== 'ARCHIVED',
      )
      .filter((contact) => !ids || ids.includes(contact.ContactID))
      .filter(
        (contact) =>
          !term ||
          [
            contact.Name,
            contact.FirstName,
            contact.LastName,
            contact.ContactNumber,
            contact.EmailAddress,
          ].some((field) => field?.toLowerCase().includes(term)),
      )
      .map((contact) => ({
        record: contact,
        view: contactView(contact, summaryOnly),
        updatedMs: contact.updatedMs,
      }));
    const listed = listRecords(rows, listQueryOf(request, query), 'Contact', CONTACT_FIELDS);
    return sendList(books, request, reply, {
      ...(listed.pagination && { pagination: listed.pagination }),
      Contacts: listed.rows.map((row) => row.view),
    });
  });

  scope.get<{ Params: { key: string } }>('/Contacts/:key', async (request, reply) => {
    const contact = findContact(booksOf(books, request), request.params.key);
    if (!contact) return sendNotFound(reply);
    const groups = booksOf(books, request).contactGroups;
    return sendList(books, request, reply, { Contacts: [contactView(contact, false, groups)] });
  });

  registerBatchWrites<ContactRecord>(scope, books, {
    collection: 'Contacts',
    errorFlag: 'HasValidationErrors',
    unitDpOf: () => 2,
    find: findContact,
    save: ({ tenant, input, mode, target }): ElementResult => {
      const outcome = books.saveContact(tenant, input, mode, target);
      return outcome.ok
        ? { ok: true, view: contactView(outcome.record) }
        : { ok: false, input, errors: outcome.errors };
    },
  });
}
