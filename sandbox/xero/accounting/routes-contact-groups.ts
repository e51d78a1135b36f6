import type { FastifyInstance } from 'fastify';

import type { XeroBooks } from './books.js';
import { sendNotFound } from './envelope.js';
import { isGuid } from './format.js';
import {
  booksOf,
  elementsOf,
  listQueryOf,
  queryOf,
  sendBatch,
  sendList,
  sendPostDataInvalid,
} from './http.js';
import { listRecords } from './listing.js';
import type { Books, ContactGroupRecord } from './model.js';
import { optionalString } from './validate.js';
import { contactGroupView, contactView } from './views.js';

/**
 * /ContactGroups (docs/vendors/xero.md §8.1): the list (ACTIVE and DELETED, with `where`/`order`),
 * one group with its members, and adding contacts to a group. Groups come from the seed.
 */

function findGroup(books: Books, id: string): ContactGroupRecord | undefined {
  if (!isGuid(id)) return undefined;
  return books.contactGroups.find((group) => group.ContactGroupID === id.toLowerCase());
}

export function registerContactGroupRoutes(scope: FastifyInstance, books: XeroBooks): void {
  scope.get('/ContactGroups', async (request, reply) => {
    const rows = booksOf(books, request).contactGroups.map((group) => ({
      record: group,
      view: contactGroupView(group),
    }));
    const listed = listRecords(rows, listQueryOf(request, queryOf(request)), 'ContactGroup');
    return sendList(books, request, reply, {
      ContactGroups: listed.rows.map((row) => row.view),
    });
  });

  scope.get<{ Params: { id: string } }>('/ContactGroups/:id', async (request, reply) => {
    const tenant = booksOf(books, request);
    const group = findGroup(tenant, request.params.id);
    if (!group) return sendNotFound(reply);
    return sendList(books, request, reply, { ContactGroups: [contactGroupView(group, tenant)] });
  });

  // Adding a member twice is harmless: it stays one member.
  scope.put<{ Params: { id: string } }>('/ContactGroups/:id/Contacts', async (request, reply) => {
    const tenant = booksOf(books, request);
    const group = findGroup(tenant, request.params.id);
    if (!group) return sendNotFound(reply);
    const elements = elementsOf(request.body, 'Contacts');
    if (!elements) return sendPostDataInvalid(reply, 'Contacts');
    const results = elements.map((input) => {
      const id = optionalString(input, 'ContactID')?.toLowerCase() ?? '';
      const contact = isGuid(id) ? tenant.contacts.get(id) : undefined;
      if (!contact)
        return {
          ok: false as const,
          input,
          errors: [`The contact with ContactID ${id || '(none)'} could not be found.`],
        };
      if (!group.contactIds.includes(contact.ContactID)) group.contactIds.push(contact.ContactID);
      return { ok: true as const, view: contactView(contact, false, tenant.contactGroups) };
    });
    return sendBatch(books, request, reply, 'Contacts', results, 'HasValidationErrors');
  });
}
