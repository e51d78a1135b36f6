import type { ItemSettings, Settings } from '../settings.js';
import { readField } from './contact-fields.js';
import { refuse, type Refused } from './refusal.js';
import type { FieldDefinitionInput, ProductInput, XeroItemDraft } from './types.js';

/**
 * A Pipedrive product → the Xero item to create for it (policy `create_item`; docs/vendors/xero.md §9). The item
 * code is the product's code, or `PD-<productId>` when the product has none, so the same product always
 * maps to the same item. Xero allows Code ≤ 30 characters: a longer code is refused, not cut — a cut
 * code could collide with another product's. Name ≤ 50 is shortened (names need not be unique).
 */

export const ITEM_CODE_MAX = 30;
export const ITEM_NAME_MAX = 50;

export type ItemResult = { ok: true; item: XeroItemDraft } | Refused;

export function itemCodeFor(product: Pick<ProductInput, 'id' | 'code'>): string {
  const code = (product.code ?? '').trim();
  return code === '' ? `PD-${product.id}` : code;
}

/** The Xero item field a product is looked for by, and the product's value for it. */
export interface ItemKey {
  xeroField: 'Code' | 'Name';
  value: string;
}

/**
 * How a product finds its Xero item (settings.items): its direct link's Code, else its value of the
 * chosen field (`matchBy`); undefined when that field is empty on the product (no item can match, so
 * the product-not-found policy applies).
 */
export function itemKeyFor(
  product: ProductInput,
  items: Pick<ItemSettings, 'matchBy' | 'links'>,
  definitions: readonly FieldDefinitionInput[] = [],
): ItemKey | undefined {
  const link = items.links.find((entry) => entry.productId === product.id);
  if (link) return { xeroField: 'Code', value: link.itemCode };
  const { pipedriveField, xeroField } = items.matchBy;
  if (pipedriveField === 'code') return { xeroField, value: itemCodeFor(product) };
  const value = readField(
    product as unknown as Record<string, unknown>,
    pipedriveField,
    definitions,
  );
  return value === undefined ? undefined : { xeroField, value };
}

/**
 * Whether a Xero item is the one a key names: Codes exactly, names as a person reads them. Both the
 * document run and the item syncs pick a product's item with this, so they agree on it.
 */
function holdsKey(item: { Code?: string; Name?: string }, key: ItemKey): boolean {
  if (key.xeroField === 'Code') return item.Code === key.value;
  return item.Name !== undefined && readableName(item.Name) === readableName(key.value);
}

/** The first of these items the key names (Xero's names need not be unique). */
export function itemNamedBy<T extends { Code?: string; Name?: string }>(
  items: readonly T[],
  key: ItemKey,
): T | undefined {
  return items.find((item) => holdsKey(item, key));
}

/** Whether a key could name a Xero item at all: Code ≤ 30, Name ≤ 50 (docs/vendors/xero.md §9). */
export function canNameItem(key: ItemKey): boolean {
  return key.value.length <= (key.xeroField === 'Code' ? ITEM_CODE_MAX : ITEM_NAME_MAX);
}

function readableName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The Code of an item created for a product: the matched Code, else the product's code. */
export function newItemCode(product: ProductInput, key: ItemKey | undefined): string {
  return key?.xeroField === 'Code' ? key.value : itemCodeFor(product);
}

export function itemForProduct(
  product: ProductInput,
  settings: Settings,
  options: { currency?: string; taxType?: string; key?: ItemKey } = {},
): ItemResult {
  const code = newItemCode(product, options.key ?? itemKeyFor(product, settings.items));
  if (code.length > ITEM_CODE_MAX) {
    return refuse(
      'item_code_too_long',
      `Product code "${code}" has ${code.length} characters; Xero allows ${ITEM_CODE_MAX}`,
      { code, length: code.length, product: product.name },
    );
  }
  const name = options.key?.xeroField === 'Name' ? options.key.value : product.name;
  return { ok: true, item: itemDraft(product, settings, code, name, options) };
}

/**
 * The draft that updates the item a product's key found (the item syncs): the item keeps its Code —
 * POST /Items matches by it (docs/vendors/xero.md §9), so another would create a second item — and,
 * when it was found by Name, its Name, so the product keeps finding it; the rest is the product's.
 */
export function matchedItemDraft(
  product: ProductInput,
  settings: Settings,
  found: { Code: string; Name?: string },
  key: ItemKey,
  options: { currency?: string } = {},
): XeroItemDraft {
  const name = key.xeroField === 'Name' ? (found.Name ?? key.value) : product.name;
  return itemDraft(product, settings, found.Code, name, options);
}

function itemDraft(
  product: ProductInput,
  settings: Settings,
  code: string,
  ownName: string,
  options: { currency?: string; taxType?: string },
): XeroItemDraft {
  const name = ownName.trim().replace(/\s+/g, ' ') || code;
  const price = product.prices.find((entry) => entry.currency === options.currency)?.price;
  const description = (product.description ?? '').trim() || name;
  return {
    Code: code,
    Name: name.length > ITEM_NAME_MAX ? `${name.slice(0, ITEM_NAME_MAX - 1)}…` : name,
    Description: description.slice(0, 4000),
    IsSold: true,
    SalesDetails: {
      AccountCode: settings.documents.defaultAccountCode,
      ...(price !== undefined && { UnitPrice: price }),
      ...(options.taxType !== undefined && { TaxType: options.taxType }),
    },
  };
}

/** The fields of an item draft that differ from the item Xero holds (what an update would change). */
export function itemChanges(
  draft: XeroItemDraft,
  existing: { Name?: string; Description?: string; SalesDetails?: { UnitPrice?: number } },
): string[] {
  const changed: string[] = [];
  if (draft.Name !== (existing.Name ?? '')) changed.push('Name');
  if (draft.Description !== undefined && draft.Description !== (existing.Description ?? ''))
    changed.push('Description');
  const price = draft.SalesDetails.UnitPrice;
  if (price !== undefined && price !== existing.SalesDetails?.UnitPrice)
    changed.push('SalesDetails.UnitPrice');
  return changed;
}
