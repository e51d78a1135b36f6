import type { Command } from 'commander';

import { endCompanySessions } from '../../services/sessions.js';
import { type CliContext, pickCompany, positiveId, withApp } from '../context.js';

/**
 * `sign-out [--company id] [--user id]`: ends every session of the company (or of one Pipedrive
 * user) at once, e.g. when an admin leaves (docs/access.md). They sign in again through Pipedrive.
 */
export function registerSignOutCommand(program: Command, context: CliContext): void {
  program
    .command('sign-out')
    .description("end every session of a company's people (or of one user) now")
    .option(
      '--company <id>',
      'the Pipedrive company (default: the only one installed)',
      positiveId('--company'),
    )
    .option('--user <id>', 'only this Pipedrive user', positiveId('--user'))
    .action(async (options: { company?: number; user?: number }) => {
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const userId = options.user;
        const ended = await endCompanySessions(app.deps, companyId, userId);
        console.log(`${ended} session(s) of company ${companyId} ended`);
      });
    });
}
