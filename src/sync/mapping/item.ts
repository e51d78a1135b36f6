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
  const ownName = options.key?.xeroField === 'Name' ? options.key.value : product.name;
  const name = ownName.trim().replace(/\s+/g, ' ') || code;
  const price = product.prices.find((entry) => entry.currency === options.currency)?.price;
  const description = (product.description ?? '').trim() || name;
  return {
    ok: true,
    item: {
      Code: code,
      Name: name.length > ITEM_NAME_MAX ? `${name.slice(0, ITEM_NAME_MAX - 1)}…` : name,
      Description: description.slice(0, 4000),
      IsSold: true,
      SalesDetails: {
        AccountCode: settings.documents.defaultAccountCode,
        ...(price !== undefined && { UnitPrice: price }),
        ...(options.taxType !== undefined && { TaxType: options.taxType }),
      },
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
