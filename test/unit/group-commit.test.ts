import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createGroupCommit } from '../../src/store/group-commit.js';

describe('group commit', () => {
  it('writes items that arrive together in one batch, answering each with its own result', async () => {
    const batches: number[][] = [];
    const write = createGroupCommit(async (items: number[]) => {
      batches.push(items);
      return items.map((item) => item * 10);
    });
    assert.deepEqual(await Promise.all([1, 2, 3].map(write)), [10, 20, 30]);
    assert.deepEqual(batches, [[1, 2, 3]]);
  });

  it('items arriving while a batch is written go in the next one', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const write = createGroupCommit(async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items;
    });
    const first = write(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [write(2), write(3)];
    release();
    assert.deepEqual(await Promise.all([first, ...later]), [1, 2, 3]);
    assert.deepEqual(batches, [[1], [2, 3]]);
  });

  it('a failed batch is written again one by one, so only the bad item fails', async () => {
    const write = createGroupCommit(async (items: number[]) => {
      if (items.includes(2)) throw new Error(`cannot write ${items.join(',')}`);
      return items;
    });
    const results = await Promise.allSettled([1, 2, 3].map(write));
    assert.deepEqual(
      results.map((result) => result.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.match(String((results[1] as PromiseRejectedResult).reason), /cannot write 2$/);
  });
});
