import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { parse } from 'yaml';

import { defaultRateLimits, RateLimiter } from '../../sandbox/pipedrive/rate-limits.js';
import { operationCosts } from '../../sandbox/pipedrive/token-costs.js';
import { specsDir } from '../support/openapi.js';

const call = (nowMs: number, overrides: Partial<Parameters<RateLimiter['take']>[0]> = {}) => ({
  token: 't1',
  companyId: 7001,
  cost: 1,
  isSearch: false,
  nowMs,
  ...overrides,
});

describe('Pipedrive rate limits (docs/vendors/pipedrive.md §6)', () => {
  it('allows 80 calls per token per rolling 2 s, then refuses until the window rolls', () => {
    const limiter = new RateLimiter(defaultRateLimits);
    for (let i = 0; i < 80; i += 1) assert.equal(limiter.take(call(1000 + i)).allowed, true);
    const refused = limiter.take(call(1100));
    assert.equal(refused.allowed, false);
    assert.equal(refused.reason, 'burst');
    assert.equal(refused.headers['x-ratelimit-remaining'], '0');
    assert.equal(refused.headers['x-ratelimit-limit'], '80');
    assert.equal(refused.headers['x-ratelimit-reset'], '2');
    assert.equal(
      limiter.take(call(1100, { token: 't2' })).allowed,
      true,
      'another token has its own window',
    );
    assert.equal(limiter.take(call(3001)).allowed, true, 'the first call left the window');
  });

  it('limits search calls to 10 per 2 s', () => {
    const limiter = new RateLimiter(defaultRateLimits);
    for (let i = 0; i < 10; i += 1)
      assert.equal(limiter.take(call(0, { isSearch: true })).allowed, true);
    const refused = limiter.take(call(0, { isSearch: true }));
    assert.deepEqual(
      [refused.allowed, refused.reason, refused.headers['x-ratelimit-limit']],
      [false, 'search', '10'],
    );
    assert.equal(limiter.take(call(0)).allowed, true, 'non-search calls still pass');
  });

  it('charges the daily budget per company by token cost and resets at midnight UTC', () => {
    const limiter = new RateLimiter({ ...defaultRateLimits, dailyTokenBudget: 25 });
    const day = Date.UTC(2026, 10, 25, 10);
    assert.equal(
      limiter.take(call(day, { cost: 10 })).headers['x-daily-ratelimit-token-remaining'],
      '15',
    );
    assert.equal(limiter.take(call(day + 5000, { cost: 10, token: 'other' })).allowed, true);
    const refused = limiter.take(call(day + 10_000, { cost: 10 }));
    assert.deepEqual([refused.allowed, refused.reason], [false, 'daily']);
    assert.equal(
      limiter.take(call(day + 10_000, { cost: 5 })).allowed,
      true,
      'a cheaper call still fits',
    );
    assert.equal(limiter.take(call(day + 10_000, { companyId: 7002, cost: 10 })).allowed, true);
    assert.equal(limiter.take(call(Date.UTC(2026, 10, 26), { cost: 20 })).allowed, true);
  });
});

describe('token-cost table', () => {
  const specs = join(specsDir, 'pipedrive');
  it(
    'matches x-token-cost of the official specs',
    { skip: !existsSync(`${specs}/openapi-v2.yaml`) },
    () => {
      const docs = {
        v2: parse(readFileSync(`${specs}/openapi-v2.yaml`, 'utf8')),
        v1: parse(readFileSync(`${specs}/openapi.yaml`, 'utf8')),
      };
      for (const [key, entry] of Object.entries(operationCosts)) {
        const [version, method, path] = key.split(' ') as ['v1' | 'v2', string, string];
        const operation = docs[version].paths[path]?.[method.toLowerCase()];
        assert.ok(operation, `${key} exists in the spec`);
        assert.equal(entry.cost, operation['x-token-cost'], key);
        const scopes = (operation.security ?? []).flatMap((scheme: Record<string, string[]>) =>
          Object.values(scheme).flat(),
        );
        assert.deepEqual(
          [...entry.scopes].sort(),
          [...new Set<string>(scopes)].sort(),
          `${key} scopes`,
        );
      }
    },
  );
});
