import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SignJWT } from 'jose';

import type { Clock } from '../../src/clock.js';
import { verifyPanelToken } from '../../src/pipedrive/panel-jwt.js';

const SECRET = 'panel-secret';
const NOW = new Date('2026-09-01T09:00:00Z');
const clock: Clock = { now: () => NOW };
const query = { companyId: '7001', userId: '1001' };

async function sign(
  payload: Record<string, unknown>,
  options: { secret?: string; issuedAt?: Date; lifetimeSeconds?: number; alg?: string } = {},
): Promise<string> {
  const iat = Math.floor((options.issuedAt ?? NOW).getTime() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetimeSeconds ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

describe('verifyPanelToken', () => {
  it('accepts a token for the query ids', async () => {
    const token = await sign({ companyId: 7001, userId: 1001 });
    assert.deepEqual(await verifyPanelToken(token, SECRET, query, clock), {
      ok: true,
      companyId: 7001,
      userId: 1001,
    });
  });

  const refusals: [string, () => Promise<string>, typeof query, string][] = [
    [
      'a bad signature',
      () => sign({ companyId: 7001, userId: 1001 }, { secret: 'other' }),
      query,
      'panel_token_invalid',
    ],
    ['not a JWT', async () => 'not-a-token', query, 'panel_token_invalid'],
    [
      'another algorithm',
      () => sign({ companyId: 7001, userId: 1001 }, { alg: 'HS512' }),
      query,
      'panel_token_invalid',
    ],
    ['a token without ids', () => sign({ sub: 'x' }), query, 'panel_token_invalid'],
    [
      'a token expired by the injected clock',
      () =>
        sign({ companyId: 7001, userId: 1001 }, { issuedAt: new Date(NOW.getTime() - 301_000) }),
      query,
      'panel_token_expired',
    ],
    [
      'another company',
      () => sign({ companyId: 7002, userId: 1001 }),
      query,
      'panel_company_mismatch',
    ],
    [
      'another user',
      () => sign({ companyId: 7001, userId: 1002 }),
      query,
      'panel_company_mismatch',
    ],
  ];
  for (const [name, token, ids, code] of refusals) {
    it(`refuses ${name}`, async () => {
      const result = await verifyPanelToken(await token(), SECRET, ids, clock);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.refusal.code, code);
    });
  }

  it('refuses a token without exp, and one minted to live longer than an hour', async () => {
    const noExp = await new SignJWT({ companyId: 7001, userId: 1001 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(Math.floor(NOW.getTime() / 1000))
      .sign(new TextEncoder().encode(SECRET));
    const forever = await sign({ companyId: 7001, userId: 1001 }, { lifetimeSeconds: 86_400 });
    for (const token of [noExp, forever]) {
      const result = await verifyPanelToken(token, SECRET, query, clock);
      assert.equal(!result.ok && result.refusal.code, 'panel_token_invalid');
    }
  });

  it('uses the injected clock, not the system clock', async () => {
    const token = await sign({ companyId: 7001, userId: 1001 });
    const later: Clock = { now: () => new Date(NOW.getTime() + 10 * 60_000) };
    const result = await verifyPanelToken(token, SECRET, query, later);
    assert.equal(!result.ok && result.refusal.code, 'panel_token_expired');
  });
});
