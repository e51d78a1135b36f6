import type { XeroItem } from '../../xero/types.js';
import { canNameItem, type ItemKey } from '../mapping/item.js';
import { type SyncDeps, xeroRef } from '../ports.js';

/**
 * The Xero items that products' keys (mapping/item.ts itemKeyFor) and any further codes name, in ONE
 * GET /Items (codes and names OR'ed; the client splits long lists). A value no Xero item can hold
 * (Code over 30 characters, Name over 50; docs/vendors/xero.md §9) is not asked for. The document
 * run's item plan and the item syncs look items up here and pick each product's with itemNamedBy,
 * so they find the same item for the same product.
 */
export async function lookUpItems(
  deps: SyncDeps,
  keys: readonly ItemKey[],
  codes: readonly string[] = [],
): Promise<XeroItem[]> {
  const all = [...keys, ...codes.map((value): ItemKey => ({ xeroField: 'Code', value }))];
  const values = (field: ItemKey['xeroField']) => [
    ...new Set(
      all.flatMap((key) => (key.xeroField === field && canNameItem(key) ? [key.value] : [])),
    ),
  ];
  const [byCode, byName] = [values('Code'), values('Name')];
  if (byCode.length + byName.length === 0) return [];
  return deps.xero.getItems(xeroRef(deps), byCode, byName);
}
