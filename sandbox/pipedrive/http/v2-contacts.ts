import { z } from 'zod';

import type { PipedriveCompanies } from '../store/companies.js';
import type { Company } from '../store/company.js';
import { renderOrganizationV2, renderPersonV2 } from '../store/render-v2.js';
import type { OrganizationRecord, PersonRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import {
  customFieldsSchema,
  defined,
  idSchema,
  mergeCustomFields,
  numericId,
  parseBody,
  visibleToSchema,
} from './body.js';
import { ApiError, intListParam, intParam, pageV2 } from './paging.js';
import { timeParam } from './v2-deals.js';

/** v2 organizations and persons (reference/pipedrive.md §3.6–3.7). */

const addressSchema = z.object({ value: z.string() }).catchall(z.string().nullable());
const orgSchema = z
  .object({
    name: z.string().min(1),
    owner_id: idSchema,
    address: addressSchema.nullable(),
    website: z.string().nullable(),
    label_ids: z.array(z.number().int()),
    visible_to: visibleToSchema,
    custom_fields: customFieldsSchema,
  })
  .partial();
const contactItem = z.object({
  value: z.string(),
  primary: z.boolean().default(false),
  label: z.string().default('work'),
});
const personSchema = z
  .object({
    name: z.string().min(1),
    owner_id: idSchema,
    org_id: idSchema.nullable(),
    emails: z.array(contactItem),
    phones: z.array(contactItem),
    label_ids: z.array(z.number().int()),
    visible_to: visibleToSchema,
    custom_fields: customFieldsSchema,
  })
  .partial();
export type OrganizationInput = z.output<typeof orgSchema>;
export type PersonInput = z.output<typeof personSchema>;

export function parseOrganization(body: unknown, requireName: boolean): OrganizationInput {
  const input = parseBody(orgSchema, body);
  if (requireName && !input.name) throw new ApiError(400, 'Validation failed: name: Required');
  return input;
}

export function parsePerson(body: unknown, requireName: boolean): PersonInput {
  const input = parseBody(personSchema, body);
  if (requireName && !input.name) throw new ApiError(400, 'Validation failed: name: Required');
  return input;
}

/** A stored organization from an input (missing address subfields become null, §3.6). */
export function organizationPatch(
  company: Company,
  current: OrganizationRecord | undefined,
  input: OrganizationInput,
): Partial<OrganizationRecord> {
  const { custom_fields: custom, address, ...rest } = input;
  const patch: Partial<OrganizationRecord> = defined(rest);
  if (address !== undefined)
    patch.address = address === null ? null : { ...emptyAddress(), ...address };
  if (custom !== undefined)
    patch.custom = mergeCustomFields(company, 'organization', current?.custom ?? {}, custom);
  return patch;
}

export function personPatch(
  company: Company,
  current: PersonRecord | undefined,
  input: PersonInput,
): Partial<PersonRecord> {
  const { custom_fields: custom, name, ...rest } = input;
  const patch: Partial<PersonRecord> = defined(rest);
  if (name !== undefined) {
    const [first = name, ...others] = name.split(' ');
    Object.assign(patch, { name, first_name: first, last_name: others.join(' ') });
  }
  if (custom !== undefined)
    patch.custom = mergeCustomFields(company, 'person', current?.custom ?? {}, custom);
  return patch;
}

function emptyAddress() {
  return {
    value: '',
    street_number: null,
    route: null,
    subpremise: null,
    sublocality: null,
    locality: null,
    admin_area_level_1: null,
    admin_area_level_2: null,
    country: null,
    postal_code: null,
    formatted_address: null,
  };
}

export function newOrganization(company: Company, userId: number, at: number): OrganizationRecord {
  return {
    id: company.nextId('organization'),
    name: '',
    owner_id: userId,
    address: null,
    website: null,
    label_ids: [],
    visible_to: 3,
    is_deleted: false,
    add_time: at,
    update_time: at,
    custom: {},
  };
}

export function newPerson(company: Company, userId: number, at: number): PersonRecord {
  return {
    id: company.nextId('person'),
    name: '',
    first_name: '',
    last_name: '',
    owner_id: userId,
    org_id: null,
    emails: [],
    phones: [],
    label_ids: [],
    visible_to: 3,
    is_deleted: false,
    add_time: at,
    update_time: at,
    custom: {},
  };
}

function find<T extends { is_deleted: boolean }>(
  table: Map<number, T>,
  raw: string | undefined,
  what: string,
): T {
  const record = table.get(numericId(raw));
  if (!record || record.is_deleted) throw new ApiError(404, `${what} not found`);
  return record;
}

export function contactRoutes(store: PipedriveCompanies, now: () => number): ApiRoute[] {
  const id = (request: { params: unknown }) => (request.params as { id: string }).id;
  return [
    {
      version: 'v2',
      method: 'GET',
      path: '/organizations',
      handler: ({ company }, request) => {
        const query = request.query as Record<string, string | undefined>;
        const ids = intListParam(query, 'ids');
        const since = timeParam(query, 'updated_since');
        const owner = intParam(query, 'owner_id');
        const orgs = [...company.organizations.values()].filter(
          (org) =>
            !org.is_deleted &&
            (ids === undefined || ids.includes(org.id)) &&
            (owner === undefined || org.owner_id === owner) &&
            (since === undefined || org.update_time >= since),
        );
        const page = pageV2(
          orgs,
          query,
          ['id', 'name', 'add_time', 'update_time'],
          (org, field) => org[field as 'id'],
        );
        return {
          success: true,
          data: page.data.map((org) => renderOrganizationV2(company, org)),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/organizations/{id}',
      handler: ({ company }, request) => ({
        success: true,
        data: renderOrganizationV2(
          company,
          find(company.organizations, id(request), 'Organization'),
        ),
      }),
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/organizations',
      handler: ({ company, userId, change }, request) => {
        const org = Object.assign(
          newOrganization(company, userId, now()),
          organizationPatch(company, undefined, parseOrganization(request.body, true)),
        );
        return {
          success: true,
          data: renderOrganizationV2(company, store.create(company, 'organization', org, change)),
        };
      },
    },
    {
      version: 'v2',
      method: 'PATCH',
      path: '/organizations/{id}',
      handler: ({ company, change }, request) => {
        const org = find(company.organizations, id(request), 'Organization');
        const patch = organizationPatch(company, org, parseOrganization(request.body, false));
        return {
          success: true,
          data: renderOrganizationV2(
            company,
            store.update(company, 'organization', org, patch, change),
          ),
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/persons',
      handler: ({ company }, request) => {
        const query = request.query as Record<string, string | undefined>;
        const ids = intListParam(query, 'ids');
        const orgId = intParam(query, 'org_id');
        const dealId = intParam(query, 'deal_id');
        const dealPerson =
          dealId === undefined ? undefined : (company.deals.get(dealId)?.person_id ?? -1);
        const persons = [...company.persons.values()].filter(
          (person) =>
            !person.is_deleted &&
            (ids === undefined || ids.includes(person.id)) &&
            (orgId === undefined || person.org_id === orgId) &&
            (dealPerson === undefined || person.id === dealPerson),
        );
        const page = pageV2(
          persons,
          query,
          ['id', 'name', 'add_time', 'update_time'],
          (person, field) => person[field as 'id'],
        );
        return {
          success: true,
          data: page.data.map((person) => renderPersonV2(company, person)),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/persons/{id}',
      handler: ({ company }, request) => ({
        success: true,
        data: renderPersonV2(company, find(company.persons, id(request), 'Person')),
      }),
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/persons',
      handler: ({ company, userId, change }, request) => {
        const person = Object.assign(
          newPerson(company, userId, now()),
          personPatch(company, undefined, parsePerson(request.body, true)),
        );
        return {
          success: true,
          data: renderPersonV2(company, store.create(company, 'person', person, change)),
        };
      },
    },
    {
      version: 'v2',
      method: 'PATCH',
      path: '/persons/{id}',
      handler: ({ company, change }, request) => {
        const person = find(company.persons, id(request), 'Person');
        const patch = personPatch(company, person, parsePerson(request.body, false));
        return {
          success: true,
          data: renderPersonV2(company, store.update(company, 'person', person, patch, change)),
        };
      },
    },
  ];
}
