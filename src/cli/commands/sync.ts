import { type Command, Option } from 'commander';

import { syncDealNow } from '../../services/document-runs.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../sync/document-kinds.js';
import { type CliContext, pickCompany, positiveId, withApp } from '../context.js';
import { registerBulkSyncCommands } from './sync-bulk.js';

/** `sync deal <id>`: make the deal's draft now, as if it had entered a trigger stage; `sync customers|products`. */
export function registerSyncCommand(program: Command, context: CliContext): void {
  const sync = program.command('sync').description('sync something now');
  sync
    .command('deal <id>')
    .description("queue the deal's draft invoice or quote (a worker or `start` picks it up)")
    .option(
      '--company <id>',
      'the Pipedrive company (default: the only one installed)',
      positiveId('--company'),
    )
    .addOption(new Option('--kind <kind>', 'document').choices(DOCUMENT_KINDS).default('invoice'))
    .action(async (given: string, options: { company?: number; kind: DocumentKind }) => {
      // Checked before the app opens: a bad id never becomes a run.
      const dealId = positiveId('the deal id')(given);
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const run = await syncDealNow(app.deps, { companyId, dealId, kind: options.kind });
        console.log(
          `queued run ${run.id}: ${options.kind} for deal ${dealId} of company ${companyId}`,
        );
      });
    });
  registerBulkSyncCommands(sync, context);
}
