import type { Command } from 'commander';

import { createApp } from '../../app.js';
import { type CliContext, closeOnSignal } from '../context.js';

/**
 * `serve`: HTTP only (webhooks, OAuth, API); jobs are enqueued for `worker` processes. With
 * DATABASE_URL=postgres://… any number of each can run (DESIGN.md §4).
 */
export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('run the HTTP server only (webhooks, OAuth, API); jobs go to `worker` processes')
    .action(async () => {
      const { config, logger } = context();
      const app = await createApp(config, { logger });
      await app.listen();
      closeOnSignal(() => app.close(), logger);
    });
}
