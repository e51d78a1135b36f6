import { createHash } from 'node:crypto';

import type { CustomValues } from './types.js';

/**
 * Field definitions and the three renderings of one stored custom value (docs/vendors/pipedrive.md
 * §3.2, §5.3, §9 item 9): v2 `custom_fields` objects (the stored shape), v1 flat keys with
 * suffixes, and webhook `{type, …}` objects.
 */

export type FieldEntity = 'deal' | 'organization' | 'person' | 'product';
export type FieldType =
  | 'varchar'
  | 'text'
  | 'double'
  | 'int'
  | 'enum'
  | 'set'
  | 'monetary'
  | 'date'
  | 'address'
  | 'user'
  | 'org'
  | 'people'
  | 'stage'
  | 'status';

export interface FieldDefinition {
  /** v1 numeric id. */
  id: number;
  /** v1 `key` and v2 `field_code`: a 40-hex hash for custom fields, the API name otherwise. */
  key: string;
  name: string;
  field_type: FieldType;
  options: { id: number; label: string }[] | null;
  is_custom: boolean;
  order_nr: number;
}

/** Address subfields, in the order Pipedrive lists them (§3.2). */
export const addressSubfields = [
  'subpremise',
  'street_number',
  'route',
  'sublocality',
  'locality',
  'admin_area_level_1',
  'admin_area_level_2',
  'country',
  'postal_code',
  'formatted_address',
] as const;

const subfieldNames: Record<(typeof addressSubfields)[number], string> = {
  subpremise: 'Apartment/suite no',
  street_number: 'House number',
  route: 'Street/road name',
  sublocality: 'District/sublocality',
  locality: 'City/town/village/locality',
  admin_area_level_1: 'State/county',
  admin_area_level_2: 'Region',
  country: 'Country',
  postal_code: 'ZIP/Postal code',
  formatted_address: 'Full/combined address',
};

/**
 * A 40-hex key, random-looking but stable for a company, entity and name, so a seed is
 * deterministic while keys still differ between companies (§3.2: "different in every company").
 */
export function customFieldKey(companyId: number, entity: FieldEntity, name: string): string {
  return createHash('sha1').update(`${companyId}:${entity}:${name}`).digest('hex');
}

/** v2 `custom_fields`: every custom field of the entity, null when unset. */
export function renderCustomV2(
  defs: FieldDefinition[],
  values: CustomValues,
): Record<string, unknown> {
  return Object.fromEntries(customOnly(defs).map((def) => [def.key, values[def.key] ?? null]));
}

/** Webhook v2 `custom_fields`: each set value wrapped with its `type` (§5.3). */
export function renderCustomWebhook(
  defs: FieldDefinition[],
  values: CustomValues,
): Record<string, unknown> {
  return Object.fromEntries(
    customOnly(defs).map((def) => {
      const value = values[def.key];
      const rendered =
        value === undefined || value === null ? null : webhookValue(def.field_type, value);
      return [def.key, rendered];
    }),
  );
}

function customOnly(defs: FieldDefinition[]): FieldDefinition[] {
  return defs.filter((def) => def.is_custom);
}

function webhookValue(type: FieldType, value: unknown): Record<string, unknown> {
  switch (type) {
    case 'enum':
    case 'user':
    case 'org':
    case 'people':
      return { type, id: value };
    case 'set':
      return { type, values: (value as number[]).map((id) => ({ id })) };
    case 'monetary':
    case 'address':
      return { type, ...(value as Record<string, unknown>) };
    default:
      return { type, value };
  }
}

/** v1 flat keys at the entity root (§3.2): monetary `_currency`, address subfield suffixes. */
export function renderCustomV1(
  defs: FieldDefinition[],
  values: CustomValues,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of customOnly(defs)) {
    const value = values[def.key] ?? null;
    if (def.field_type === 'address') {
      const address = value as Record<string, unknown> | null;
      out[def.key] = address?.['value'] ?? null;
      for (const sub of addressSubfields) out[`${def.key}_${sub}`] = address?.[sub] ?? null;
    } else if (def.field_type === 'monetary') {
      const money = value as { value: number; currency: string } | null;
      out[def.key] = money?.value ?? null;
      out[`${def.key}_currency`] = money?.currency ?? null;
    } else if (def.field_type === 'set') {
      out[def.key] = value === null ? null : (value as number[]).join(',');
    } else if (def.field_type === 'enum') {
      out[def.key] = value === null ? null : String(value);
    } else out[def.key] = value;
  }
  return out;
}

/** v2 field definition (`GET /api/v2/dealFields` item). */
export function renderFieldV2(def: FieldDefinition): Record<string, unknown> {
  return {
    field_code: def.key,
    field_name: def.name,
    field_type: def.field_type,
    options: def.options,
    subfields:
      def.field_type === 'address'
        ? addressSubfields.map((sub) => ({
            field_code: `${def.key}_${sub}`,
            field_name: subfieldNames[sub],
            field_type: 'varchar',
          }))
        : null,
    is_custom_field: def.is_custom,
    is_optional_response_field: false,
  };
}

/** v1 field definitions (`GET /api/v1/dealFields`): address subfields follow as extra items. */
export function renderFieldsV1(def: FieldDefinition, addTime: string): Record<string, unknown>[] {
  const base = {
    id: def.id,
    key: def.key,
    name: def.name,
    order_nr: def.order_nr,
    field_type: def.field_type,
    add_time: addTime,
    update_time: addTime,
    active_flag: true,
    edit_flag: def.is_custom,
    index_visible_flag: true,
    details_visible_flag: true,
    add_visible_flag: true,
    important_flag: false,
    bulk_edit_allowed: true,
    searchable_flag: def.field_type === 'varchar',
    filtering_allowed: true,
    sortable_flag: true,
    mandatory_flag: false,
    ...(def.options && { options: def.options }),
  };
  if (def.field_type !== 'address') return [base];
  const subfields = addressSubfields.map((sub) => ({
    ...base,
    id: null,
    key: `${def.key}_${sub}`,
    name: `${def.name} - ${subfieldNames[sub]}`,
    field_type: 'varchar',
    edit_flag: false,
    is_subfield: true,
    parent_id: def.id,
    id_suffix: sub,
  }));
  return [base, ...subfields];
}
