import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { AppError } from '../../src/errors.js';
import { DocumentBatcher, type SendMany } from '../../src/sync/document-batch.js';

/** A SendMany that records each request and answers each item with its own text. */
function recorder(fail?: (items: string[]) => Error | undefined) {
  const requests: { items: string[]; keys: string[] }[] = [];
  const send: SendMany<string, string> = async (items, keys) => {
    requests.push({ items, keys });
    const error = fail?.(items);
    if (error) throw error;
    return items.map((item) => `done ${item}`);
  };
  return { requests, send };
}

describe('DocumentBatcher', () => {
  it('sends a lone document at once, under its own key', async () => {
    const batcher = new DocumentBatcher(50, 60_000);
    const { requests, send } = recorder();
    const leave = batcher.enter('g');
    assert.equal(await batcher.write('g', 'a', 'key-a', send), 'done a');
    leave();
    assert.deepEqual(requests, [{ items: ['a'], keys: ['key-a'] }]);
  });

  it('waits for every run still preparing, then sends one request; each gets its own answer', async () => {
    const batcher = new DocumentBatcher(50, 60_000);
    const { requests, send } = recorder();
    const leaves = ['a', 'b', 'c'].map(() => batcher.enter('g'));
    const a = batcher.write('g', 'a', 'key-a', send);
    const b = batcher.write('g', 'b', 'key-b', send);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(requests.length, 0, 'c is still preparing');
    leaves[2]!(); // c stops without a document (say, the deal is refused)
    assert.deepEqual(await Promise.all([a, b]), ['done a', 'done b']);
    assert.deepEqual(requests, [{ items: ['a', 'b'], keys: ['key-a', 'key-b'] }]);
  });

  it('sends what waits after the window, and at most `max` to a request', async () => {
    const batcher = new DocumentBatcher(2, 20);
    const { requests, send } = recorder();
    for (let index = 0; index < 4; index++) batcher.enter('g');
    const answers = await Promise.all(
      ['a', 'b', 'c'].map((item) => batcher.write('g', item, item, send)),
    );
    assert.deepEqual(answers, ['done a', 'done b', 'done c']);
    assert.deepEqual(
      requests.map((request) => request.items),
      [['a', 'b'], ['c']],
      'two at once, then the third when the window closed (the fourth run never wrote)',
    );
  });

  it('after the window, waits at the gate while others prepare, and takes every document waiting by then', async () => {
    const batcher = new DocumentBatcher(50, 10);
    const { requests, send } = recorder();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated = () => gate;
    for (let index = 0; index < 4; index++) batcher.enter('g');
    const a = batcher.write('g', 'a', 'a', send, gated);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(requests.length, 0, 'the window has passed; the gate is shut');
    const b = batcher.write('g', 'b', 'b', send, gated);
    const c = batcher.write('g', 'c', 'c', send, gated);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(requests.length, 0);
    open();
    assert.deepEqual(await Promise.all([a, b, c]), ['done a', 'done b', 'done c']);
    assert.deepEqual(
      requests.map((request) => request.items),
      [['a', 'b', 'c']],
      'one request when the gate opened (the fourth run is still preparing)',
    );
  });

  it('never waits at the gate for nobody: a run whose group all waits goes at once', async () => {
    const batcher = new DocumentBatcher(50, 10);
    const { requests, send } = recorder();
    const shut = () => new Promise<void>(() => undefined);
    batcher.enter('g');
    assert.equal(await batcher.write('g', 'a', 'a', send, shut), 'done a');
    assert.deepEqual(requests.length, 1);
  });

  it('a request refused as a whole is sent again one document at a time; a retryable failure fails them all', async () => {
    const batcher = new DocumentBatcher(50, 60_000);
    const refused = recorder((items) =>
      items.length > 1 || items[0] === 'bad'
        ? new AppError('xero_validation_failed', 'no')
        : undefined,
    );
    batcher.enter('g');
    batcher.enter('g');
    const writes = ['good', 'bad'].map((item) => batcher.write('g', item, item, refused.send));
    const [good, bad] = await Promise.allSettled(writes);
    assert.deepEqual(good, { status: 'fulfilled', value: 'done good' });
    assert.equal(bad?.status, 'rejected');
    assert.deepEqual(
      refused.requests.map((request) => request.items),
      [['good', 'bad'], ['good'], ['bad']],
    );

    const busy = recorder(() => new AppError('xero_rate_limited', 'later', { retryAfterMs: 1000 }));
    batcher.enter('h');
    batcher.enter('h');
    const settled = await Promise.allSettled(
      ['x', 'y'].map((item) => batcher.write('h', item, item, busy.send)),
    );
    assert.deepEqual(
      settled.map((result) => result.status),
      ['rejected', 'rejected'],
    );
    assert.equal(busy.requests.length, 1);
  });
});
