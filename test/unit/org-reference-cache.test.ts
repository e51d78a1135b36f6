import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type OrgReference, OrgReferenceCache } from '../../src/sync/org-reference-cache.js';

const reference = (name: string): OrgReference => ({
  facts: { name, baseCurrency: 'NZD', enabledCurrencies: ['NZD'], taxRates: [], accounts: [] },
  shortCode: null,
  timezone: null,
});

describe('OrgReferenceCache', () => {
  it('keeps reference data fetched earlier (the stored copy) only for what is left of its time', async () => {
    const cache = new OrgReferenceCache(1000);
    const loads: string[] = [];
    const load = (name: string, fetchedAtMs: number) => async () => {
      loads.push(name);
      return { reference: reference(name), fetchedAtMs };
    };
    assert.equal((await cache.reference('t', 5000, load('stored', 4200))).facts.name, 'stored');
    assert.equal((await cache.reference('t', 5199, load('unused', 5199))).facts.name, 'stored');
    assert.equal((await cache.reference('t', 5200, load('xero', 5200))).facts.name, 'xero');
    assert.deepEqual(loads, ['stored', 'xero']);
  });

  it('shares one load between concurrent callers and forgets a failed one', async () => {
    const cache = new OrgReferenceCache(1000);
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (calls === 1) throw new Error('Xero is down');
      return { reference: reference('ok'), fetchedAtMs: 0 };
    };
    const both = [cache.reference('t', 0, load), cache.reference('t', 0, load)];
    for (const result of await Promise.allSettled(both)) assert.equal(result.status, 'rejected');
    assert.equal((await cache.reference('t', 0, load)).facts.name, 'ok');
    assert.equal(calls, 2);
  });

  it('shares a look-up under one key while it runs, then asks again; a failed one is not kept', async () => {
    const cache = new OrgReferenceCache(1000);
    let calls = 0;
    const lookUp = async () => {
      calls += 1;
      if (calls === 2) throw new Error('Xero is down');
      return calls;
    };
    assert.deepEqual(
      await Promise.all([cache.shared('t', 'k', lookUp), cache.shared('t', 'k', lookUp)]),
      [1, 1],
    );
    await assert.rejects(cache.shared('t', 'k', lookUp), /Xero is down/);
    assert.equal(await cache.shared('t', 'k', lookUp), 3);
    assert.equal(await cache.shared('other tenant', 'k', lookUp), 4);
  });
});
