import type { AddressInput, ContactInfoInput, FieldDefinitionInput } from './types.js';

/**
 * Reads one Pipedrive field of an organization or person (v2 shapes, docs/vendors/pipedrive.md §3.2, §3.6, §3.7)
 * as text, by the keys a field mapping may name:
 * - a standard key: `name`, `first_name`, `last_name`, `website`, …;
 * - `email` / `phone`: the primary entry (else the first); `email.work`, `phone.mobile`: by label;
 * - a custom field's 40-hex key: its value; enum/set ids become option labels when definitions are given;
 * - an address (the standard `address` or an address-type custom field) and its subfields:
 *   `address` (the whole address), `address.locality`, `address.postal_code`, … and `address.street`,
 *   which joins subpremise, street number and route the way a letter shows them.
 * Missing and empty values read as undefined.
 */

type Entity = Record<string, unknown> & { custom_fields?: Record<string, unknown> | undefined };

const CUSTOM_KEY = /^[0-9a-f]{40}$/;

export function readField(
  entity: Entity,
  key: string,
  definitions: readonly FieldDefinitionInput[] = [],
): string | undefined {
  const [head = '', sub] = key.split('.', 2);
  if (head === 'email' || head === 'phone') return contactInfo(entity[`${head}s`], sub);
  const raw = CUSTOM_KEY.test(head) ? entity.custom_fields?.[head] : entity[head];
  if (sub !== undefined) return isObject(raw) ? addressPart(raw as AddressInput, sub) : undefined;
  return text(
    raw,
    definitions.find((definition) => definition.field_code === head),
  );
}

function contactInfo(raw: unknown, label: string | undefined): string | undefined {
  if (!Array.isArray(raw)) return undefined;
  const entries = raw as ContactInfoInput[];
  const entry =
    label === undefined
      ? (entries.find((e) => e.primary) ?? entries[0])
      : entries.find((e) => e.label === label);
  return clean(entry?.value);
}

function addressPart(address: AddressInput, part: string): string | undefined {
  if (part === 'street') {
    const street = [address.street_number, address.route].map(clean).filter(Boolean).join(' ');
    const unit = clean(address.subpremise);
    return clean(unit && street ? `${unit}/${street}` : street || unit);
  }
  return clean((address as Record<string, unknown>)[part]);
}

function text(raw: unknown, definition: FieldDefinitionInput | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const label = (id: unknown) =>
    definition?.options?.find((option) => option.id === id)?.label ?? String(id);
  if (Array.isArray(raw)) return clean(raw.map(label).join(', '));
  if (typeof raw === 'number') return definition?.options ? label(raw) : String(raw);
  if (isObject(raw)) {
    const object = raw as AddressInput;
    return clean(object.formatted_address) ?? clean(object.value);
  }
  return clean(raw);
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const result = String(value).trim().replace(/\s+/g, ' ');
  return result === '' ? undefined : result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
