import type { Command } from 'commander';

import { replayRun } from '../../services/document-runs.js';
import { AppError } from '../../errors.js';
import { type CliContext, withApp } from '../context.js';

/** `replay <run>`: a new run of a failed one, enqueued for the workers. */
export function registerReplayCommand(program: Command, context: CliContext): void {
  program
    .command('replay <run>')
    .description('replay a failed run (a worker or `start` picks it up)')
    .action(async (runId: string) => {
      await withApp(context, async (app) => {
        const owner = await app.db
          .selectFrom('runs')
          .select('company_id')
          .where('id', '=', runId)
          .executeTakeFirst();
        if (owner === undefined) throw new AppError('run_not_found', `No run ${runId}`);
        const run = await replayRun(app.deps, owner.company_id, runId);
        console.log(`queued run ${run.id} (replay of ${runId})`);
      });
    });
}
