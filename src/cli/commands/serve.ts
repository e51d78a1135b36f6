import type { Command } from 'commander';

import { type CliContext, runUntilSignal } from '../context.js';

/**
 * `serve`: HTTP only (webhooks, OAuth, API); jobs are enqueued for `worker` processes. With
 * DATABASE_URL=postgres://… any number of each can run (docs/architecture.md, scale-out).
 */
export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('run the HTTP server only (webhooks, OAuth, API); jobs go to `worker` processes')
    .action(async () => {
      await runUntilSignal(context, async (app) => {
        await app.listen();
      });
    });
}
