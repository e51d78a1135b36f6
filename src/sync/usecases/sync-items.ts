import type { PipedriveFieldDefinition, PipedriveProduct } from '../../pipedrive/types.js';
import { saveItemLink } from '../../store/repos/links.js';
import { XeroValidationError } from '../../xero/errors.js';
import type { XeroItem } from '../../xero/types.js';
import {
  itemChanges,
  itemForProduct,
  itemKeyFor,
  itemNamedBy,
  matchedItemDraft,
  newItemCode,
} from '../mapping/item.js';
import type { XeroItemDraft } from '../mapping/types.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { plainStop } from './contact-writes.js';
import { lookUpItems } from './find-items.js';
import { idempotencyKey } from './keys.js';
import {
  loadOrgReference,
  referenceCacheOf,
  rememberItems,
  toOrgItem,
} from './load-org-reference.js';
import type { Stop } from './stop.js';

/**
 * Pipedrive products → Xero items, a batch at a time (one for the item sync, a page for the bulk
 * sync). Each product finds its item as a document run finds it (find-items.ts; itemKeyFor, with
 * `fieldDefinitions` from productFieldDefinitions turning enum options into their labels): its
 * direct link's Code, else its match field's value as the item's Code or Name. The item found is
 * linked, and updated when its name (unless matched by Name), description or price in the
 * organisation's base currency changed — never its Code, nor the Name it was found by
 * (mapping/item.ts matchedItemDraft). A product whose item is not found takes, as a run would
 * create it, the item under the product's code (updated if one holds that code, else created).
 * The item's account and tax type are the user's once it exists and are left as they are. A code
 * Xero cannot hold (over 30 characters) waits for a fix, never cut. Xero calls per batch: one GET
 * /Items per 25 codes and names and one POST /Items for every new or changed item (plus the
 * organisation's reference data when the tenant is cold: cached, shared with documents).
 */

export type ItemSyncResult =
  | { ok: true; itemId: string; code: string; created: boolean; changedFields: string[] }
  | { ok: false; stop: Stop };

export async function syncProducts(
  deps: SyncDeps,
  products: readonly PipedriveProduct[],
  fieldDefinitions: readonly PipedriveFieldDefinition[],
  keyParts: readonly (string | number)[],
  again = 'sync it again',
): Promise<ItemSyncResult[]> {
  const { settings } = deps.company;
  const { baseCurrency } = (await loadOrgReference(deps)).facts;
  const keys = products.map((product) => itemKeyFor(product, settings.items, fieldDefinitions));
  const found = await lookUpItems(
    deps,
    keys.flatMap((key) => key ?? []),
    products.map((product, index) => newItemCode(product, keys[index])),
  );
  const plans = products.map((product, index) => {
    const key = keys[index];
    const matched = key ? itemNamedBy(found, key) : undefined;
    if (key && matched?.Code !== undefined) {
      const item = matchedItemDraft(product, settings, { ...matched, Code: matched.Code }, key, {
        currency: baseCurrency,
      });
      return { plan: { ok: true, item } as const, held: matched };
    }
    const plan = itemForProduct(product, settings, { currency: baseCurrency, ...(key && { key }) });
    const held = plan.ok
      ? itemNamedBy(found, { xeroField: 'Code', value: plan.item.Code })
      : undefined;
    return { plan, held };
  });
  const planned = plans.map((entry) => entry.plan);

  const results: (ItemSyncResult | undefined)[] = [];
  // Products sharing a code share one write; the first one's draft is sent.
  const writes = new Map<string, { body: XeroItem; created: boolean; changedFields: string[] }>();
  planned.forEach((plan, index) => {
    if (!plan.ok) {
      const { code, length } = plan.refusal.details;
      results[index] = {
        ok: false,
        stop: plainStop(
          'item_code_too_long',
          `The product code "${code}" has ${length} characters; Xero allows at most 30, and a shortened code could belong to another product. Shorten the product code in Pipedrive, then ${again}.`,
        ),
      };
      return;
    }
    const { held } = plans[index]!;
    if (writes.has(plan.item.Code)) return;
    if (!held) {
      writes.set(plan.item.Code, {
        body: plan.item,
        created: true,
        changedFields: fieldsOf(plan.item),
      });
      return;
    }
    const changedFields = itemChanges(plan.item, held);
    if (changedFields.length === 0) {
      results[index] = done(held, false, []);
      return;
    }
    writes.set(plan.item.Code, { body: updateOf(plan.item, held), created: false, changedFields });
  });

  const written = await writeItems(
    deps,
    [...writes.values()].map((write) => write.body),
    keyParts,
  );
  const outcomeByCode = new Map<string, ItemSyncResult>();
  [...writes.entries()].forEach(([code, write], index) => {
    const result = written[index]!;
    outcomeByCode.set(
      code,
      'messages' in result
        ? { ok: false, stop: itemRejected(code, result.messages, again) }
        : done(result.item, write.created, write.changedFields),
    );
  });
  const final = planned.map(
    (plan, index) => results[index] ?? outcomeByCode.get(plan.ok ? plan.item.Code : '')!,
  );
  for (const [index, result] of final.entries()) {
    if (!result.ok) continue;
    const productId = products[index]!.id;
    await saveItemLink(
      deps.db,
      { companyId: deps.company.id, tenantId: deps.tenant.tenantId, productId },
      { xeroItemCode: result.code, xeroItemId: result.itemId },
      deps.clock.now(),
    );
  }
  await rememberItems(
    deps,
    written.flatMap((write) => ('item' in write ? (toOrgItem(write.item) ?? []) : [])),
  );
  return final;
}

/** An update keeps the item's account and tax type as the user set them in Xero. */
function updateOf(draft: XeroItemDraft, held: XeroItem): XeroItem {
  const sales = held.SalesDetails;
  return {
    Code: draft.Code,
    Name: draft.Name,
    ...(draft.Description !== undefined && { Description: draft.Description }),
    SalesDetails: {
      ...(sales?.AccountCode !== undefined && { AccountCode: sales.AccountCode }),
      ...(sales?.TaxType !== undefined && { TaxType: sales.TaxType }),
      ...(draft.SalesDetails.UnitPrice !== undefined && {
        UnitPrice: draft.SalesDetails.UnitPrice,
      }),
    },
  };
}

function fieldsOf(draft: XeroItemDraft): string[] {
  return itemChanges(draft, {});
}

function done(item: XeroItem, created: boolean, changedFields: string[]): ItemSyncResult {
  return { ok: true, itemId: item.ItemID ?? '', code: item.Code ?? '', created, changedFields };
}

type ItemWrite = { item: XeroItem } | { messages: string[] };

/** POST /Items creates or updates by Code (docs/vendors/xero.md §9); one result per element. */
async function writeItems(
  deps: SyncDeps,
  bodies: XeroItem[],
  keyParts: readonly (string | number)[],
): Promise<ItemWrite[]> {
  if (bodies.length === 0) return [];
  const key = idempotencyKey(
    'items-save',
    deps.company.id,
    deps.tenant.tenantId,
    ...keyParts,
    JSON.stringify(bodies),
  );
  try {
    const results = await deps.xero.saveItems(xeroRef(deps), bodies, { idempotencyKey: key });
    return bodies.map((_, index) => {
      const result = results[index];
      if (!result) return { messages: ['Xero returned no item.'] };
      return result.ok ? { item: result.element } : { messages: result.messages };
    });
  } catch (error) {
    if (error instanceof XeroValidationError)
      return bodies.map(() => ({ messages: error.messages }));
    throw error;
  }
}

function itemRejected(code: string, messages: string[], again: string): Stop {
  const said = messages.length === 0 ? 'it gave no reason.' : messages.join(' ');
  return plainStop(
    'xero_item_rejected',
    `Xero would not save the item ${code}: ${said} Fix the product in Pipedrive or the item in Xero, then ${again}.`,
  );
}
