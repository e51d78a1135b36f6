/**
 * `npm run bench -- intake`: the webhook intake figure of figures/index.ts alone, for working on
 * it: the app in its own process (compiled dist/ when current: `npm run build` first) on SQLite,
 * 10 connections for 10 s after 2 s of warm-up, with the app's CPU time per event. The machine is
 * shared and noisy: compare runs made in turn, several of each.
 */
import { prepareAppHome, startApp } from './figures/app-process.js';
import { measureIntake } from './figures/intake.js';
import type { BenchResult } from './run.js';

export const name = 'webhook intake (SQLite, 10 connections, 10 s)';

export async function run(): Promise<BenchResult[]> {
  const home = await prepareAppHome();
  try {
    const app = await startApp(home);
    const cpuBefore = app.cpuMs();
    const intake = await measureIntake(app.url, { connections: 10, seconds: 10, warmupSeconds: 2 });
    const cpuMs = app.cpuMs() - cpuBefore;
    await app.stop();
    return [
      { metric: 'intake rate', value: intake.rps, unit: 'req/s', reference: 'target ≥ 3000' },
      { metric: 'intake p50', value: intake.p50Ms, unit: 'ms' },
      { metric: 'intake p99', value: intake.p99Ms, unit: 'ms', reference: 'target ≤ 20' },
      { metric: 'errors', value: intake.errors, unit: 'responses' },
      {
        metric: 'app CPU per event',
        // As figures/index.ts counts it: the warm-up's CPU too, over the measured events.
        value: Math.round((cpuMs / Math.max(1, intake.requests)) * 1000) / 1000,
        unit: 'ms',
        reference: home.compiled ? 'compiled dist/' : 'dist/ not current: TypeScript through tsx',
      },
    ];
  } finally {
    home.remove();
  }
}
