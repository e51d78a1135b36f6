import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { KeyedLock } from '../../src/keyed-lock.js';

describe('KeyedLock', () => {
  it('runs the calls of one key one after another, and goes on after a failure', async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    let release!: () => void;
    const first = lock.run('a', async () => {
      order.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first ends');
      throw new Error('refused');
    });
    const second = lock.run('a', async () => {
      order.push('second runs');
      return 2;
    });
    const other = lock.run('b', async () => {
      order.push('another key runs at once');
      return 'b';
    });
    assert.equal(await other, 'b');
    release();
    await assert.rejects(first, /refused/);
    assert.equal(await second, 2);
    assert.deepEqual(order, [
      'first starts',
      'another key runs at once',
      'first ends',
      'second runs',
    ]);
  });
});
