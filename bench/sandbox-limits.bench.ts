/**
 * How faithfully the sandboxes enforce the vendors' rate limits, and how much load they take, so
 * later benchmarks of the app know the sandbox is neither too lenient nor the bottleneck.
 * Counts come from one burst each; the clock is frozen so no window rolls over mid-burst.
 */
import { listenSandbox } from '../sandbox/common/server.js';
import { buildPipedriveSandbox } from '../sandbox/pipedrive/server.js';
import { installDemoApp } from '../sandbox/pipedrive/test-kit.js';
import { api, connect, frozenClock, startXero } from '../test/integration/xero-sandbox-helpers.js';
import type { BenchResult } from './run.js';

export const name = 'Sandbox rate-limit fidelity and capacity';

async function xeroMinuteBurst(): Promise<BenchResult[]> {
  const xero = await startXero();
  try {
    const tokens = await connect(xero.url);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      statuses.push((await api(xero.url, tokens.access_token, '/Organisation')).status);
    }
    const admitted = statuses.filter((status) => status === 200).length;
    return [
      {
        metric: 'Xero calls admitted in one minute (100 sent)',
        value: admitted,
        unit: 'calls',
        reference: 'Xero allows 60 per minute per organisation',
      },
      {
        metric: 'Xero admitted / limit',
        value: admitted / 60,
        unit: 'ratio',
        reference: '1.00 = exact',
      },
    ];
  } finally {
    await xero.close();
  }
}

async function xeroCapacity(): Promise<BenchResult[]> {
  const xero = await startXero({
    limits: { perMinutePerTenant: 10_000, perDayPerTenant: 100_000 },
  });
  try {
    const tokens = await connect(xero.url);
    const started = Date.now();
    const invoices = 200;
    for (let i = 0; i < invoices; i++) {
      await api(xero.url, tokens.access_token, '/Invoices', {
        method: 'PUT',
        body: {
          Invoices: [
            {
              Type: 'ACCREC',
              Contact: { Name: 'Bench Ltd' },
              LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: 10, AccountCode: '200' }],
            },
          ],
        },
      });
    }
    const perSecond = Math.round((invoices / (Date.now() - started)) * 1000);
    return [
      {
        metric: 'Xero sandbox capacity, sequential PUT /Invoices',
        value: perSecond,
        unit: 'invoices/s',
        reference: "Xero's own limit is 1 per second per organisation",
      },
    ];
  } finally {
    await xero.close();
  }
}

async function pipedriveBurst(): Promise<BenchResult[]> {
  const sandbox = buildPipedriveSandbox({ clock: frozenClock() });
  const running = await listenSandbox(sandbox);
  try {
    const tokens = await installDemoApp(running.url);
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) {
      const response = await fetch(`${tokens.api_domain}/api/v2/stages`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    const admitted = statuses.filter((status) => status === 200).length;
    return [
      {
        metric: 'Pipedrive calls admitted in one 2-second window (120 sent)',
        value: admitted,
        unit: 'calls',
        reference: 'OAuth app on Lite: 80 per 2 s per token',
      },
      {
        metric: 'Pipedrive admitted / limit',
        value: admitted / 80,
        unit: 'ratio',
        reference: '1.00 = exact',
      },
    ];
  } finally {
    await running.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...(await xeroMinuteBurst()), ...(await xeroCapacity()), ...(await pipedriveBurst())];
}
