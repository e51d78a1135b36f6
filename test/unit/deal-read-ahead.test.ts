import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { DealReadAhead, type ReadAheadDeal } from '../../src/sync/deal-read-ahead.js';

const read = (fetchedAtMs: number): ReadAheadDeal => ({
  lines: [],
  products: new Map(),
  orgId: 7,
  personId: null,
  org: undefined,
  person: undefined,
  fetchedAtMs,
});

/** The run's own read of its deal: changed at `updatedAtMs`, for organization 7 and no person. */
const deal = (id: number, updatedAtMs: number, orgId: number | null = 7) => ({
  id,
  update_time: new Date(updatedAtMs).toISOString(),
  org_id: orgId,
  person_id: null,
});

describe('DealReadAhead', () => {
  it('gives a deal its lines once, while young and only if the deal is older than the batch by the skew', async () => {
    const cache = new DealReadAhead(60_000, 2_000);
    await cache.keep(
      1,
      [10, 11, 12],
      Promise.resolve(new Map([10, 11, 12].map((id) => [id, read(100_000)]))),
    );
    assert.equal(
      cache.take(1, deal(10, 98_000), 150_000)?.linesCurrent,
      true,
      'changed 2 s before the batch: used',
    );
    assert.equal(cache.take(1, deal(10, 98_000), 150_000), undefined, 'used once');
    assert.equal(
      cache.take(1, deal(11, 98_001), 150_000)?.linesCurrent,
      false,
      'changed within the skew: its lines are read again, its customers are used',
    );
    assert.equal(cache.take(1, deal(12, 90_000), 160_001), undefined, 'older than a minute');
    assert.equal(cache.take(2, deal(10, 90_000), 150_000), undefined, 'another company has none');
  });

  it('is not used for a deal that now names another customer', async () => {
    const cache = new DealReadAhead(60_000, 2_000);
    await cache.keep(1, [30], Promise.resolve(new Map([[30, read(100_000)]])));
    assert.equal(cache.take(1, deal(30, 90_000, 8), 100_000), undefined);
  });

  it('says which deals a batch would read for nothing, and forgets a failed batch', async () => {
    const cache = new DealReadAhead(60_000, 2_000);
    let fail!: (error: Error) => void;
    const failing = new Promise<Map<number, ReadAheadDeal>>((_, reject) => (fail = reject));
    const kept = cache.keep(1, [20], failing);
    assert.ok(cache.covers(1, 20, 0), 'being read');
    assert.ok(cache.reading(1, 20));
    fail(new Error('429'));
    await kept;
    assert.equal(cache.covers(1, 20, 0), false);
    assert.equal(cache.reading(1, 20), undefined);

    await cache.keep(1, [21], Promise.resolve(new Map([[21, read(1_000)]])));
    assert.ok(cache.covers(1, 21, 61_000));
    assert.equal(cache.covers(1, 21, 61_001), false, 'too old to count');
  });
});
