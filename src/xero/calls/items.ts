import { toWriteResult, type XeroWriteResult } from '../results.js';
import type { XeroItem, XeroTenantRef, XeroWriteOptions } from '../types.js';
import { whereString, type XeroCallContext } from './context.js';

/** Codes and names per `where` on GET /Items, to keep URLs short. */
const ITEM_KEYS_PER_CALL = 25;

export function itemCalls({ call, api, keyed, perElement }: XeroCallContext) {
  return {
    /**
     * Items by code or name, OR'ed in one `where` (all items when both are absent); unit prices to
     * 4 dp.
     */
    async getItems(
      ref: XeroTenantRef,
      codes?: readonly string[],
      names: readonly string[] = [],
    ): Promise<XeroItem[]> {
      const clauses = [
        ...new Set([
          ...(codes ?? []).map((code) => `Code==${whereString(code)}`),
          ...names.map((name) => `Name==${whereString(name)}`),
        ]),
      ];
      const batches =
        codes === undefined && names.length === 0
          ? [undefined]
          : chunk(clauses, ITEM_KEYS_PER_CALL);
      const found: XeroItem[] = [];
      for (const batch of batches) {
        const where = batch?.join(' OR ');
        const data = await call(ref, 'GET', '/Items', (init) =>
          api.GET('/Items', {
            params: { header: init.tenant, query: { unitdp: 4, ...(where && { where }) } },
            headers: init.headers,
            signal: init.signal,
          }),
        );
        found.push(...(data.Items ?? []));
      }
      return found;
    },

    async createItems(
      ref: XeroTenantRef,
      items: XeroItem[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroItem>[]> {
      const data = await call(ref, 'PUT', '/Items', (init) =>
        api.PUT('/Items', {
          params: { header: keyed(ref, options), query: { ...perElement, unitdp: 4 } },
          headers: init.headers,
          signal: init.signal,
          body: { Items: items },
        }),
      );
      return (data.Items ?? []).map(toWriteResult);
    },

    /** POST /Items: creates or updates each element, matched by ItemID or Code (docs/vendors/xero.md §9). */
    async saveItems(
      ref: XeroTenantRef,
      items: XeroItem[],
      options: XeroWriteOptions,
    ): Promise<XeroWriteResult<XeroItem>[]> {
      const data = await call(ref, 'POST', '/Items', (init) =>
        api.POST('/Items', {
          params: { header: keyed(ref, options), query: { ...perElement, unitdp: 4 } },
          headers: init.headers,
          signal: init.signal,
          body: { Items: items },
        }),
      );
      return (data.Items ?? []).map(toWriteResult);
    },
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}
