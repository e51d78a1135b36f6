import { z } from 'zod';

import type { PipedriveCompanies } from '../store/companies.js';
import type { Company } from '../store/company.js';
import { renderOrganizationV2, renderPersonV2 } from '../store/render-v2.js';
import type { OrganizationRecord, PersonRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import { customFieldsSchema, defined, idSchema, visibleToSchema } from './body.js';
import type { EditableKind } from './editable-records.js';
import { editableRoutes } from './editable-records.js';
import { intParam } from './paging.js';
import { timeParam } from './v2-deals.js';

/** v2 organizations and persons (docs/vendors/pipedrive.md §3.6–3.7). */

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
type OrganizationInput = z.output<typeof orgSchema>;
type PersonInput = z.output<typeof personSchema>;

/** Missing address subfields become null (§3.6). */
function organizationFields(
  input: Omit<OrganizationInput, 'custom_fields'>,
): Partial<OrganizationRecord> {
  const { address, ...rest } = input;
  const patch: Partial<OrganizationRecord> = defined(rest);
  if (address !== undefined)
    patch.address = address === null ? null : { ...emptyAddress(), ...address };
  return patch;
}

/** A person's name also sets first_name and last_name (split at the first space). */
function personFields(input: Omit<PersonInput, 'custom_fields'>): Partial<PersonRecord> {
  const { name, ...rest } = input;
  const patch: Partial<PersonRecord> = defined(rest);
  if (name !== undefined) {
    const [first = name, ...others] = name.split(' ');
    Object.assign(patch, { name, first_name: first, last_name: others.join(' ') });
  }
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

export const organizationKind: EditableKind<'organization', OrganizationInput> = {
  entity: 'organization',
  table: (company) => company.organizations,
  blank: newOrganization,
  schema: orgSchema,
  fields: organizationFields,
  render: renderOrganizationV2,
};

export const personKind: EditableKind<'person', PersonInput> = {
  entity: 'person',
  table: (company) => company.persons,
  blank: newPerson,
  schema: personSchema,
  fields: personFields,
  render: renderPersonV2,
};

export function contactRoutes(store: PipedriveCompanies, now: () => number): ApiRoute[] {
  return [
    ...editableRoutes(store, organizationKind, now, {
      filter: (query) => {
        const since = timeParam(query, 'updated_since');
        const owner = intParam(query, 'owner_id');
        return (org) =>
          (owner === undefined || org.owner_id === owner) &&
          (since === undefined || org.update_time >= since);
      },
    }),
    ...editableRoutes(store, personKind, now, {
      filter: (query, company) => {
        const orgId = intParam(query, 'org_id');
        const dealId = intParam(query, 'deal_id');
        const dealPerson =
          dealId === undefined ? undefined : (company.deals.get(dealId)?.person_id ?? -1);
        return (person) =>
          (orgId === undefined || person.org_id === orgId) &&
          (dealPerson === undefined || person.id === dealPerson);
      },
    }),
  ];
}
