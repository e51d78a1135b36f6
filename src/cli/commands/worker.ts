import type { Command } from 'commander';

import { type CliContext, runUntilSignal } from '../context.js';

/**
 * `worker`: takes jobs, WORKER_CONCURRENCY at once. No HTTP, but for the ops listener when OPS_PORT
 * is set (health and metrics only), opened first so that probes see the worker start.
 */
export function registerWorkerCommand(program: Command, context: CliContext): void {
  program
    .command('worker')
    .description('run jobs only (no HTTP server but health and metrics on OPS_PORT, when set)')
    .action(async () => {
      await runUntilSignal(context, async (app) => {
        await app.listenOps();
        await app.startWorker();
      });
    });
}
