import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { readSettings, saveSettings } from '../../services/settings.js';
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
        const { stored, parsed } = await readSettings(app.deps, companyId);
        console.log(JSON.stringify(parsed.ok ? parsed.settings : stored, null, 2));
      });
    });
  settings
    .command('set <file>')
    .option('--company <id>', 'the Pipedrive company (default: the only one installed)')
    .action(async (file: string, options: { company?: string }) => {
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const input = JSON.parse(await readFile(file, 'utf8')) as unknown;
        const saved = await saveSettings(app.deps, companyId, input);
        if (saved.ok) {
          console.log(`settings of company ${companyId} saved`);
          return;
        }
        // As main.ts prints a refusal: the code and words, then every problem.
        console.error(`${saved.code}: ${saved.message}`);
        for (const problem of saved.problems) console.error(`  - ${problem}`);
        process.exitCode = 1;
      });
    });
}
