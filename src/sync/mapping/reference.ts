import { DOCUMENT_KIND, type DocumentKind } from '../document-kinds.js';
import { readField } from './contact-fields.js';
import type { FieldDefinitionInput } from './types.js';

/**
 * Texts written from templates: the Reference (also how we find the document again in Xero before
 * any re-create, invariant 1) and the quote's Title, Summary and Terms.
 *
 * Placeholders (docs/money.md "Reference"): {document} (the kind's noun: "invoice", "quote") and
 * `{deal.<field>}`, `{org.<field>}`, `{person.<field>}` over the deal's, its organization's and its
 * person's fields — any key a field mapping may name (mapping/contact-fields.ts): `title`, `id`,
 * `value`, `email`, `address.locality`, a custom field's 40-hex key (option labels for enum and set
 * fields). `{org.<field>|text}` says what to write when the field is empty or there is no such
 * record. A placeholder the record has no field for, without a default, is left as written so a typo
 * shows on the document.
 */

type Entity = Record<string, unknown>;

export interface TemplateValues {
  document: DocumentKind;
  deal: { id: number; title: string; custom_fields?: Record<string, unknown> };
  org?: object | undefined;
  person?: object | undefined;
  fieldDefinitions?: readonly FieldDefinitionInput[] | undefined;
}

const PLACEHOLDER = /\{([a-z]+(?:\.[a-z0-9_]+)*)(?:\|([^{}]*))?\}/g;

export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    if (name === 'document' && fallback === undefined) return DOCUMENT_KIND[values.document].noun;
    const [source = '', ...rest] = name.split('.');
    const key = rest.join('.');
    const entity = entityOf(values, source);
    if (source !== 'deal' && source !== 'org' && source !== 'person') return whole;
    const value =
      entity && key !== '' ? readField(entity, key, values.fieldDefinitions) : undefined;
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    return entity && !hasField(entity, key) ? whole : '';
  });
}

function entityOf(values: TemplateValues, source: string): Entity | undefined {
  const entity = source === 'deal' ? values.deal : source === 'org' ? values.org : values.person;
  return entity as Entity | undefined;
}

/** Whether the record has the field at all (empty or not): a placeholder naming none is a typo. */
function hasField(entity: Entity, key: string): boolean {
  const head = key.split('.')[0] ?? '';
  const custom = entity['custom_fields'];
  return (
    head in entity ||
    `${head}s` in entity ||
    (typeof custom === 'object' && custom !== null && head in custom)
  );
}

/**
 * The key that makes a document unique per (deal, trigger): `PD-<dealId>-<triggerKey>`, e.g.
 * `PD-42-stage-7` or `PD-42-won`. It sits in brackets at the end of the Reference, so a search for
 * `[PD-4-won]` can never match deal 42, and it does not change when the deal's title does.
 */
export function documentKey(dealId: number, triggerKey: string): string {
  return `PD-${dealId}-${triggerKey}`;
}

/** Xero invoice Reference is kept ≤ 255 characters; the key is never cut off. */
export function buildReference(
  template: string,
  values: TemplateValues,
  triggerKey: string,
): string {
  const key = `[${documentKey(values.deal.id, triggerKey)}]`;
  const text = renderTemplate(template, values).trim();
  const room = 255 - key.length - 1;
  const head = text.length > room ? `${text.slice(0, room - 1)}…` : text;
  return head === '' ? key : `${head} ${key}`;
}
