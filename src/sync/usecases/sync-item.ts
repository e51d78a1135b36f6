import type { SyncDeps } from '../ports.js';
import { plainStop } from './contact-writes.js';
import { type EntityOutcome, runEntitySync } from './entity-run.js';
import { productFieldDefinitions, unlessDeleted } from './read-deal.js';
import { syncProducts } from './sync-items.js';

/**
 * A Pipedrive product → its Xero item now (job sync-item): the item a document run would find for
 * it (by the configured match field) updated, else created, and linked (sync-items.ts). Runs as a run of kind `item` (entity-run.ts). Xero calls: one
 * GET /Items and, when something changed, one POST /Items.
 */

export interface ItemSyncInput {
  productId: number;
  runId: string;
}

export type ItemSyncOutcome = EntityOutcome<{
  itemId: string;
  code: string;
  created: boolean;
  changedFields: string[];
}>;

export function syncItem(deps: SyncDeps, input: ItemSyncInput): Promise<ItemSyncOutcome> {
  return runEntitySync(
    deps,
    { runId: input.runId, kind: 'item', request: { productId: input.productId } },
    async () => {
      const product = await unlessDeleted(deps.pipedrive.getProduct(input.productId));
      if (!product)
        return {
          ok: false,
          stop: plainStop(
            'product_not_found',
            `The Pipedrive product ${input.productId} no longer exists, so there is nothing to send to Xero.`,
          ),
        };
      // One result per product.
      const definitions = await productFieldDefinitions(deps);
      const keyParts = ['item', input.runId];
      const result = (await syncProducts(deps, [product], definitions, keyParts, 'Replay'))[0]!;
      if (!result.ok) return result;
      const { ok: _ok, ...value } = result;
      return { ok: true, value };
    },
  );
}
