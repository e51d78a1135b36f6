import type { Command } from 'commander';

import { catchUp } from '../../services/catch-up.js';
import { companyNotFound, installedCompanyIds } from '../../services/company.js';
import { describeCatchUp, describeWebhookHealth } from '../../services/status-report.js';
import { type CliContext, positiveId, withApp } from '../context.js';

/**
 * `catch-up [--company <id>]`: the periodic check, now — each company's webhook made good again if
 * needed, and the runs of trigger stage changes Pipedrive never delivered queued for the workers.
 */
export function registerCatchUpCommand(program: Command, context: CliContext): void {
  program
    .command('catch-up')
    .description("check each company's Pipedrive webhook and start the runs it missed")
    .option('--company <id>', 'only this company', positiveId('--company'))
    .action(async (options: { company?: number }) => {
      await withApp(context, async (app) => {
        for (const companyId of await installedCompanyIds(app.db, options.company)) {
          const outcome = await catchUp(app.deps, companyId);
          if (outcome.kind === 'not_installed') throw companyNotFound(companyId);
          if (outcome.kind === 'busy') {
            console.log(`company ${companyId}: another check is running; try again later`);
            continue;
          }
          const { webhook: checked, result } = outcome;
          const recreatedAt = checked.status === 're-created' ? checked.checkedAt : null;
          const webhook = describeWebhookHealth({ ...checked, recreatedAt });
          console.log(`company ${companyId}: webhook ${webhook}`);
          console.log(`company ${companyId}: catch-up ${describeCatchUp(result)}`);
        }
      });
    });
}
