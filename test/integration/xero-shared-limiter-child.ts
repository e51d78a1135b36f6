/**
 * One process of the shared-limiter test (xero-shared-limiter.test.ts): the app's Xero client with
 * the limiter named by LIMITER (`shared`: through PostgreSQL; `local`: this process's own), on the
 * test's fast clock, sends CALLS calls to one organisation, at most CONCURRENCY at once, and prints
 * how many were answered.
 */
import { scaledClock } from '../../src/clock.js';
import { createSharedTenantLimiter } from '../../src/services/xero-shared-limiter.js';
import { openDatabase } from '../../src/store/db.js';
import { createXeroClient } from '../../src/xero/client.js';
import { createTenantLimiter } from '../../src/xero/rate-limiter.js';
import type { RotatedXeroTokens } from '../../src/xero/token-manager.js';
import { InMemoryXeroTokenStore } from '../../src/xero/token-store-memory.js';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const clock = scaledClock(
  Number(env('CLOCK_RATE')),
  Number(env('CLOCK_START_MS')),
  Number(env('CLOCK_REAL_MS')),
);
const url = env('XERO_URL');
const limits = {
  perMinute: Number(env('PER_MINUTE')),
  reserve: { concurrent: 0, perMinute: 0, perDay: 0 },
};
const database = openDatabase(env('DATABASE_URL'));
const limiter =
  env('LIMITER') === 'shared'
    ? createSharedTenantLimiter({ db: database.db, clock, ...limits })
    : createTenantLimiter({ clock, ...limits });
const tokens = new InMemoryXeroTokenStore();
const stored = JSON.parse(env('TOKENS')) as Omit<RotatedXeroTokens, 'expiresAt'> & {
  expiresAt: string;
};
tokens.put('company-1', { ...stored, expiresAt: new Date(stored.expiresAt) });
const client = createXeroClient({
  baseUrls: { login: url, identity: url, api: url, accounting: `${url}/api.xro/2.0` },
  clientId: env('CLIENT_ID'),
  clientSecret: env('CLIENT_SECRET'),
  clock,
  tokens,
  limiter,
});
const ref = { companyId: 'company-1', tenantId: env('TENANT_ID') };
let answered = 0;
let failed = 0;
let next = 0;
const calls = Number(env('CALLS'));
await Promise.all(
  Array.from({ length: Number(env('CONCURRENCY')) }, async () => {
    while (next < calls) {
      next += 1;
      try {
        await client.getOrganisation(ref);
        answered += 1;
      } catch {
        failed += 1;
      }
    }
  }),
);
await database.close();
console.log(JSON.stringify({ answered, failed }));
