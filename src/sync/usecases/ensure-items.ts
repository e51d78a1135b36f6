import type { PipedriveProduct } from '../../pipedrive/types.js';
import { listItemLinksSince, saveItemLink } from '../../store/repos/links.js';
import { XeroValidationError } from '../../xero/errors.js';
import type { XeroItem } from '../../xero/types.js';
import {
  ITEM_CODE_MAX,
  itemForProduct,
  type ItemKey,
  itemKeyFor,
  itemNamedBy,
} from '../mapping/item.js';
import { refuse } from '../mapping/refusal.js';
import type { OrgItem, XeroItemDraft } from '../mapping/types.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { isAlreadyThere, itemLockName, withCreationLocks } from './creation-lock.js';
import { lookUpItems } from './find-items.js';
import { idempotencyKey } from './keys.js';
import {
  recallStoredItems,
  referenceCacheOf,
  rememberItems,
  toOrgItem,
} from './load-org-reference.js';
import type { DealSnapshot } from './read-deal.js';
import { type Stop, stopFromRefusal } from './stop.js';

/**
 * The Xero item of each enabled deal product (docs/architecture.md, the flow), in two steps so a
 * refused deal changes nothing in Xero (invariant 8):
 * - planItems: looks the codes up — items read recently are in the tenant cache, the rest come in ONE
 *   GET /Items for all codes — and applies the settings' policy to the missing ones: `no_action`
 *   leaves them missing (the mapping refuses, naming them), `default_item` uses the default item (which
 *   must exist), `create_item` plans an item per product (itemForProduct; codes over 30 characters
 *   are refused, never cut);
 * - createPlannedItems: after the document has been built, creates the planned items in one PUT /Items,
 *   under their codes' creation locks (creation-lock.ts): items another job created while we waited
 *   (linked since our lookup, or in the tenant cache) are not created again, and an item Xero says
 *   exists already ("Price List Item with Code … already exists": someone created it between our
 *   lookup and our create) is looked up by its code and used — the code is the item's identity.
 * A product is looked for by its direct link's Code, else by the chosen field (settings.items.matchBy:
 * the product code → Code by default, `PD-<id>` without one; or a custom field such as a SKU → Code
 * or Name; mapping/item.ts itemKeyFor); codes and names go in the same ONE GET /Items (find-items.ts,
 * shared with the item syncs so both pick the same item for a product).
 */

export interface ItemPlan {
  /** productId → the item the line uses, or null (the mapping applies the policy). */
  items: Map<number, OrgItem | null>;
  /** Items to create once the document is known to be valid. */
  toCreate: { productId: number; draft: XeroItemDraft }[];
  /** When Xero was asked which items exist: links stored since then are new. */
  lookedUpAt: Date;
}

export async function planItems(
  deps: SyncDeps,
  snapshot: DealSnapshot,
  currency: string,
): Promise<ItemPlan | Stop> {
  const { settings } = deps.company;
  const policy = settings.items.productNotFound;
  const cache = referenceCacheOf(deps);
  const tenantId = deps.tenant.tenantId;
  // What this process has not seen, another (or this one before a restart) may have: the stored
  // items are read once, at the first miss, before Xero is asked.
  let recalled = false;
  const known = async (lookUp: () => OrgItem | undefined) => {
    const hit = lookUp();
    if (hit || recalled) return hit;
    recalled = true;
    await recallStoredItems(deps);
    return lookUp();
  };
  const items = new Map<number, OrgItem | null>();
  /** Products still to look up, by their key (`Code:…` / `Name:…`). */
  const wanted = new Map<string, { key: ItemKey; products: PipedriveProduct[] }>();
  /** Products without a value for the chosen field: no item can match them. */
  const unmatched: PipedriveProduct[] = [];

  for (const product of snapshot.products.values()) {
    const key = itemKeyFor(product, settings.items, snapshot.fieldDefinitions);
    if (key?.xeroField === 'Code' && key.value.length > ITEM_CODE_MAX) {
      // Such a code can never be a Xero item; only the default item can stand in for it.
      if (policy === 'default_item') {
        items.set(product.id, null);
        continue;
      }
      return codeTooLong(key.value, product.name);
    }
    if (key === undefined) {
      unmatched.push(product);
      continue;
    }
    const cached = await known(() => cachedItem(deps, key));
    if (cached) items.set(product.id, cached);
    else {
      const id = `${key.xeroField}:${key.value}`;
      wanted.set(id, { key, products: [...(wanted.get(id)?.products ?? []), product] });
    }
  }
  const defaultCode = settings.items.defaultItemCode;
  const needDefault =
    policy === 'default_item' &&
    defaultCode !== null &&
    !(await known(() => cache.item(tenantId, defaultCode)));
  const keys = [...wanted.values()].map((entry) => entry.key);
  const codes = needDefault ? [defaultCode] : [];
  // Runs of one organisation that start together (a month-end's first jobs) mostly want the same
  // products: they share one GET instead of each spending a call of the organisation's minute.
  const { found, lookedUpAt } = await cache.shared(
    tenantId,
    `items:${JSON.stringify([...wanted.keys(), ...codes].sort())}`,
    async () => ({ lookedUpAt: deps.clock.now(), found: await lookUpItems(deps, keys, codes) }),
  );
  const foundItems = found.flatMap((item) => toOrgItem(item) ?? []);
  await rememberItems(deps, foundItems);
  const itemOf = (key: ItemKey) => itemNamedBy(foundItems, key);
  await linkFound(deps, [...wanted.values()], found);

  if (policy === 'default_item' && defaultCode !== null) {
    if (
      !foundItems.some((item) => item.Code === defaultCode) &&
      !cache.item(tenantId, defaultCode)
    ) {
      return stopFromRefusal(
        refuse('item_not_found', `The default item ${defaultCode} is not in Xero`, {
          products: [defaultCode],
        }).refusal,
      );
    }
  }
  const toCreate: ItemPlan['toCreate'] = [];
  const entries = [
    ...[...wanted.values()].flatMap(({ key, products }) =>
      products.map((product) => ({ key: key as ItemKey | undefined, product })),
    ),
    ...unmatched.map((product) => ({ key: undefined, product })),
  ];
  for (const { key, product } of entries) {
    const item = key && itemOf(key);
    if (item || policy !== 'create_item') {
      items.set(product.id, item ?? null);
      continue;
    }
    const planned = itemForProduct(product, settings, { currency, ...(key && { key }) });
    if (!planned.ok) return stopFromRefusal(planned.refusal);
    const code = planned.item.Code;
    if (!toCreate.some((entry) => entry.draft.Code === code))
      toCreate.push({ productId: product.id, draft: planned.item });
    items.set(product.id, {
      Code: code,
      SalesDetails: { AccountCode: planned.item.SalesDetails.AccountCode },
    });
  }
  return { items, toCreate, lookedUpAt };
}

function cachedItem(deps: SyncDeps, key: ItemKey): OrgItem | undefined {
  const cache = referenceCacheOf(deps);
  return key.xeroField === 'Code'
    ? cache.item(deps.tenant.tenantId, key.value)
    : itemNamedBy(cache.items(deps.tenant.tenantId), key);
}

function codeTooLong(code: string, product: string): Stop {
  return stopFromRefusal(
    refuse('item_code_too_long', `Product code "${code}" has ${code.length} characters`, {
      code,
      length: code.length,
      product,
    }).refusal,
  );
}

export async function createPlannedItems(deps: SyncDeps, plan: ItemPlan): Promise<Stop | null> {
  if (plan.toCreate.length === 0) return null;
  const locks = plan.toCreate.map((entry) => itemLockName(entry.draft.Code));
  return withCreationLocks(deps, locks, async () => {
    const made = await madeSinceLookup(deps, plan);
    const pending = plan.toCreate.filter((entry) => !made.has(entry.draft.Code));
    return pending.length === 0 ? null : createItems(deps, pending);
  });
}

/** Codes of the plan that another job created since our lookup: linked since, or in the cache. */
async function madeSinceLookup(deps: SyncDeps, plan: ItemPlan): Promise<Set<string>> {
  const links = await listItemLinksSince(
    deps.db,
    { companyId: deps.company.id, tenantId: deps.tenant.tenantId },
    plan.toCreate.map((entry) => entry.productId),
    plan.lookedUpAt,
  );
  const cache = referenceCacheOf(deps);
  return new Set([
    ...links.map((link) => link.xeroItemCode),
    ...plan.toCreate.flatMap(({ draft }) =>
      cache.item(deps.tenant.tenantId, draft.Code) ? [draft.Code] : [],
    ),
  ]);
}

async function createItems(deps: SyncDeps, toCreate: ItemPlan['toCreate']): Promise<Stop | null> {
  const drafts = toCreate.map((entry) => entry.draft);
  const codes = drafts.map((draft) => draft.Code).sort();
  const key = idempotencyKey('items', deps.company.id, deps.tenant.tenantId, ...codes);
  const rejected = (messages: string[]): Stop => ({
    code: 'xero_item_rejected',
    message: messages.join(' | '),
    note: `Xero would not create the item${drafts.length > 1 ? 's' : ''} ${codes.join(', ')}: ${messages.join(' ')} Fix the product in Pipedrive or create the item in Xero, then Replay.`,
  });
  let results;
  try {
    results = await deps.xero.createItems(xeroRef(deps), drafts, { idempotencyKey: key });
  } catch (error) {
    if (error instanceof XeroValidationError) return rejected(error.messages);
    throw error;
  }
  const created = results.flatMap((result) => (result.ok ? [result.element] : []));
  const existing = drafts.filter((_, index) => {
    const result = results[index];
    return result !== undefined && !result.ok && isAlreadyThere(result.messages);
  });
  if (existing.length > 0) {
    // Someone else's just now: the item with our code is the product's item.
    const found = await deps.xero.getItems(
      xeroRef(deps),
      existing.map((draft) => draft.Code),
    );
    created.push(...found.filter((item) => existing.some((draft) => draft.Code === item.Code)));
  }
  const messages = results.flatMap((result, index) =>
    result.ok || created.some((item) => item.Code === drafts[index]?.Code) ? [] : result.messages,
  );
  if (messages.length > 0) return rejected(messages);
  await rememberItems(
    deps,
    created.flatMap((item) => toOrgItem(item) ?? []),
  );
  const byCode = new Map(toCreate.map((entry) => [entry.draft.Code, entry.productId]));
  for (const item of created) {
    const productId = item.Code === undefined ? undefined : byCode.get(item.Code);
    if (productId !== undefined && item.ItemID && item.Code)
      await saveItemLink(
        deps.db,
        { companyId: deps.company.id, tenantId: deps.tenant.tenantId, productId },
        { xeroItemCode: item.Code, xeroItemId: item.ItemID },
        deps.clock.now(),
      );
  }
  return null;
}

/**
 * Remembers which Xero item each product maps to (for the item sync and the panels): the one its
 * line uses, even where several items share a name.
 */
async function linkFound(
  deps: SyncDeps,
  wanted: readonly { key: ItemKey; products: readonly PipedriveProduct[] }[],
  found: XeroItem[],
): Promise<void> {
  for (const { key, products } of wanted) {
    const item = itemNamedBy(found, key);
    if (item?.Code === undefined || !item.ItemID) continue;
    for (const product of products) {
      await saveItemLink(
        deps.db,
        { companyId: deps.company.id, tenantId: deps.tenant.tenantId, productId: product.id },
        { xeroItemCode: item.Code, xeroItemId: item.ItemID },
        deps.clock.now(),
      );
    }
  }
}
