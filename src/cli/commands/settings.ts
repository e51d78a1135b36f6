import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { readSettings, saveSettings } from '../../services/settings.js';
import { type CliContext, pickCompany, positiveId, withApp } from '../context.js';
import { EXIT, UsageError } from '../failure.js';

/** `settings get` prints the company's settings as JSON; `settings set <file>` validates and stores. */
export function registerSettingsCommand(program: Command, context: CliContext): void {
  const settings = program.command('settings').description("a company's settings (JSON)");
  settings
    .command('get')
    .option(
      '--company <id>',
      'the Pipedrive company (default: the only one installed)',
      positiveId('--company'),
    )
    .action(async (options: { company?: number }) => {
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const { stored, parsed } = await readSettings(app.deps, companyId);
        console.log(JSON.stringify(parsed.ok ? parsed.settings : stored, null, 2));
      });
    });
  settings
    .command('set <file>')
    .option(
      '--company <id>',
      'the Pipedrive company (default: the only one installed)',
      positiveId('--company'),
    )
    .action(async (file: string, options: { company?: number }) => {
      // The file first: a mistake in it is told before the store or any vendor is reached.
      const input = await readSettingsFile(file);
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const saved = await saveSettings(app.deps, companyId, input);
        if (saved.ok) {
          console.log(`settings of company ${companyId} saved`);
          return;
        }
        // As main.ts prints a refusal: the code and words, then every problem.
        console.error(`${saved.code}: ${saved.message}`);
        for (const problem of saved.problems) console.error(`  - ${problem}`);
        process.exitCode = EXIT.failed;
      });
    });
}

async function readSettingsFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const reason =
      (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(cause);
    throw new UsageError(`cannot read the settings file ${file}: ${reason}`, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new UsageError(
      `the settings file ${file} is not JSON (${(cause as Error).message}) — fix: start from \`npx pipedrive-xero settings get > ${file}\``,
      { cause },
    );
  }
}
