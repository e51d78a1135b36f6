import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { timeOrderedId } from '../../src/store/time-ordered-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids (UUID version 7)', () => {
  it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const at = Date.parse('2026-12-03T12:00:00.000Z');
    const id = timeOrderedId(at);
    assert.match(id, UUID_V7);
    assert.equal(parseInt(id.replaceAll('-', '').slice(0, 12), 16), at);
  });

  it('sorts as text in the order of its times, and never repeats', () => {
    const start = Date.parse('2026-12-03T12:00:00.000Z');
    const ids = Array.from({ length: 2000 }, (_, index) => timeOrderedId(start + index));
    assert.deepEqual([...ids].sort(), ids);
    const sameMillisecond = Array.from({ length: 10_000 }, () => timeOrderedId(start));
    assert.equal(new Set(sameMillisecond).size, sameMillisecond.length);
    for (const id of sameMillisecond) assert.match(id, UUID_V7);
  });
});
