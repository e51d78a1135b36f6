import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';

import { SandboxClock } from '../../sandbox/common/clock.js';
import { DEMO_XERO_APP } from '../../sandbox/xero/apps.js';
import { DEMO_TENANT_A } from '../../sandbox/xero/seed.js';
import { openDatabase } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/each-dialect.js';
import { connectCompany, startClientHarness } from './xero-client-harness.js';

/**
 * Several real processes share one Xero organisation's budget through PostgreSQL: together they
 * stay inside the limits the sandbox enforces (as Xero does: fixed windows, 429 past the limit),
 * with no 429 at all; each with only its own limiter, the same load draws 429s. Xero's minute is
 * shortened by running the sandbox and the processes on one clock RATE times faster than real
 * time, and the limit is 20 a minute so that the load spans several windows.
 */
const RATE = 20;
const PER_MINUTE = 20;
const PROCESSES = 3;
const CALLS = 15;

const skip = process.env['TEST_DATABASE_URL'] ? false : 'TEST_DATABASE_URL is not set';

describe('Xero limits shared by several processes (PostgreSQL)', { skip }, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase('postgres');
    const store = openDatabase(database.url);
    await migrateToLatest(store.db);
    await store.close();
  });
  after(() => database.drop());

  async function run(limiter: 'shared' | 'local') {
    const clock = new SandboxClock();
    const harness = await startClientHarness({
      sandbox: { clock, limits: { perMinutePerTenant: PER_MINUTE } },
    });
    try {
      const tokens = await connectCompany(harness);
      const stored = await harness.store.load(harness.ref.companyId);
      clock.setRate(RATE);
      const start = { virtual: clock.now(), real: Date.now() };
      const env = {
        ...process.env,
        LIMITER: limiter,
        DATABASE_URL: database.url,
        XERO_URL: harness.url,
        CLIENT_ID: DEMO_XERO_APP.clientId,
        CLIENT_SECRET: DEMO_XERO_APP.clientSecret,
        TENANT_ID: DEMO_TENANT_A,
        TOKENS: JSON.stringify(stored ?? tokens),
        CLOCK_RATE: String(RATE),
        CLOCK_START_MS: String(start.virtual),
        CLOCK_REAL_MS: String(start.real),
        PER_MINUTE: String(PER_MINUTE),
        CALLS: String(CALLS),
        CONCURRENCY: '5',
      };
      const results = await Promise.all(Array.from({ length: PROCESSES }, () => child(env)));
      const statuses = (await harness.requests('/api.xro/2.0/Organisation')).map((r) => r.status);
      return { results, statuses };
    } finally {
      await harness.close();
    }
  }

  it('together send no more than Xero allows: every call answered, no 429', async () => {
    const { results, statuses } = await run('shared');
    assert.deepEqual(results, Array(PROCESSES).fill({ answered: CALLS, failed: 0 }));
    assert.equal(statuses.filter((status) => status === 429).length, 0);
    assert.equal(statuses.length, PROCESSES * CALLS);
  });

  it('each with only its own limiter, the same load draws 429s (the check above can fail)', async () => {
    const { statuses } = await run('local');
    assert.ok(statuses.filter((status) => status === 429).length > 0);
  });
});

function child(env: NodeJS.ProcessEnv): Promise<{ answered: number; failed: number }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/integration/xero-shared-limiter-child.ts'],
      { env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    process_.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    process_.on('error', reject);
    process_.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
    });
  });
}
