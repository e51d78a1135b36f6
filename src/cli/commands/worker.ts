import type { Command } from 'commander';

import { type CliContext, runUntilSignal } from '../context.js';

/** `worker`: takes jobs only, no HTTP; WORKER_CONCURRENCY jobs at once. */
export function registerWorkerCommand(program: Command, context: CliContext): void {
  program
    .command('worker')
    .description('run jobs only (no HTTP server)')
    .action(async () => {
      await runUntilSignal(context, (app) => app.startWorker());
    });
}
