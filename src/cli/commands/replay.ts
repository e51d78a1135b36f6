import type { Command } from 'commander';

import { replayRunById } from '../../services/document-runs.js';
import { type CliContext, withApp } from '../context.js';

/** `replay <run>`: a new run of a failed one, enqueued for the workers. */
export function registerReplayCommand(program: Command, context: CliContext): void {
  program
    .command('replay <run>')
    .description('replay a failed run (a worker or `start` picks it up)')
    .action(async (runId: string) => {
      await withApp(context, async (app) => {
        const run = await replayRunById(app.deps, runId);
        console.log(`queued run ${run.id} (replay of ${runId})`);
      });
    });
}
