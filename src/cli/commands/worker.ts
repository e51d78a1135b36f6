import type { Command } from 'commander';

import { createApp } from '../../app.js';
import { type CliContext, closeOnSignal } from '../context.js';

/** `worker`: takes jobs only, no HTTP; WORKER_CONCURRENCY jobs at once. */
export function registerWorkerCommand(program: Command, context: CliContext): void {
  program
    .command('worker')
    .description('run jobs only (no HTTP server)')
    .action(async () => {
      const { config, logger } = context();
      const app = await createApp(config, { logger });
      await app.startWorker();
      closeOnSignal(() => app.close(), logger);
    });
}
