import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { validateSettings } from '../../http/api/settings.js';
import { getCompany, updateCompanySettings } from '../../store/repos/companies.js';
import { parseSettings } from '../../sync/settings.js';
import { type CliContext, pickCompany, withApp } from '../context.js';

/** `settings get` prints the company's settings as JSON; `settings set <file>` validates and stores. */
export function registerSettingsCommand(program: Command, context: CliContext): void {
  const settings = program.command('settings').description("a company's settings (JSON)");
  settings
    .command('get')
    .option('--company <id>', 'the Pipedrive company (default: the only one installed)')
    .action(async (options: { company?: string }) => {
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const company = await getCompany(app.db, companyId);
        const parsed = parseSettings(company?.settings ?? {});
        console.log(JSON.stringify(parsed.ok ? parsed.settings : company?.settings, null, 2));
      });
    });
  settings
    .command('set <file>')
    .option('--company <id>', 'the Pipedrive company (default: the only one installed)')
    .action(async (file: string, options: { company?: string }) => {
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const input = JSON.parse(await readFile(file, 'utf8')) as unknown;
        const valid = await validateSettings(app.deps, companyId, input);
        await updateCompanySettings(app.db, companyId, valid);
        console.log(`settings of company ${companyId} saved`);
      });
    });
}
