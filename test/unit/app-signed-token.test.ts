import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createSigner } from '../../src/services/signed-token.js';

const key = Buffer.alloc(32, 3).toString('base64');
function clockAt(ms: number) {
  const clock = { ms, now: () => new Date(clock.ms) };
  return clock;
}

describe('signed tokens', () => {
  it('round-trips data for its purpose only', () => {
    const signer = createSigner(key, clockAt(0));
    const token = signer.sign('company', { company: 7001 });
    assert.equal(signer.verify(token, 'company')?.['company'], 7001);
    assert.equal(signer.verify(token, 'replay'), undefined);
  });

  it('refuses altered tokens and tokens of another key', () => {
    const signer = createSigner(key, clockAt(0));
    const token = signer.sign('company', { company: 7001 });
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ company: 7002, p: 'company' })).toString(
      'base64url',
    );
    assert.equal(signer.verify(`${forged}.${mac}`, 'company'), undefined);
    assert.equal(signer.verify(`${body}.${mac.slice(1)}`, 'company'), undefined);
    assert.equal(signer.verify('garbage', 'company'), undefined);
    const other = createSigner(Buffer.alloc(32, 4).toString('base64'), clockAt(0));
    assert.equal(other.verify(token, 'company'), undefined);
  });

  it('expires tokens with a lifetime', () => {
    const clock = clockAt(1_000);
    const signer = createSigner(key, clock);
    const token = signer.sign('xero-connect', { company: 1 }, 60_000);
    clock.ms = 61_000;
    assert.ok(signer.verify(token, 'xero-connect'));
    clock.ms = 61_001;
    assert.equal(signer.verify(token, 'xero-connect'), undefined);
  });
});
