import type { Settings } from '../settings.js';
import { refuse, type Refused } from './refusal.js';
import type { ProductInput, XeroItemDraft } from './types.js';

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

export function itemForProduct(
  product: ProductInput,
  settings: Settings,
  options: { currency?: string; taxType?: string } = {},
): ItemResult {
  const code = itemCodeFor(product);
  if (code.length > ITEM_CODE_MAX) {
    return refuse(
      'item_code_too_long',
      `Product code "${code}" has ${code.length} characters; Xero allows ${ITEM_CODE_MAX}`,
      { code, length: code.length, product: product.name },
    );
  }
  const name = product.name.trim().replace(/\s+/g, ' ') || code;
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
