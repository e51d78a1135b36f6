import type { Command } from 'commander';

import { BULK_SYNC_WHATS, type BulkSyncWhat, runBulkSyncNow } from '../../services/bulk-sync.js';
import { type CliContext, pickCompany, positiveId, withApp } from '../context.js';

/**
 * `sync customers|products`: every organization and person, or every product, to Xero in the
 * foreground (services/bulk-sync.ts). Each page's position is saved, so after Ctrl-C or a
 * crash the same command continues where it stopped. Progress: a cli-progress line on a terminal,
 * one plain line per page otherwise (logs, CI). Pipedrive gives no total upfront, so it counts.
 */
export function registerBulkSyncCommands(sync: Command, context: CliContext): void {
  for (const what of BULK_SYNC_WHATS) {
    sync
      .command(what)
      .description(
        `sync every Pipedrive ${what === 'customers' ? 'organization and person' : 'product'} to Xero now (resumes an interrupted pass)`,
      )
      .option(
        '--company <id>',
        'the Pipedrive company (default: the only one installed)',
        positiveId('--company'),
      )
      .action(async (options: { company?: number }) => {
        await withApp(context, async (app) => {
          const companyId = await pickCompany(app, options.company);
          await runWithProgress(what, (onProgress) =>
            runBulkSyncNow(app.deps, companyId, { what, onProgress }),
          );
        });
      });
  }
}

async function runWithProgress(
  what: BulkSyncWhat,
  run: (onProgress: (done: number) => void) => ReturnType<typeof runBulkSyncNow>,
): Promise<void> {
  // Loaded here, not at the top: every command of the CLI (`start` too) loads this module.
  const cliProgress = process.stdout.isTTY ? (await import('cli-progress')).default : undefined;
  const bar = cliProgress
    ? new cliProgress.SingleBar(
        { format: `${what}: {value} handled`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(0, 0);
  try {
    const result = await run((done) => {
      if (bar === undefined) console.log(`${what}: ${done} handled`);
      else bar.update(done);
    });
    bar?.stop();
    const failed = result.failed.length;
    console.log(`${what}: done, ${result.done - failed} synced, ${failed} failed`);
    for (const failure of result.failed)
      console.log(`  - ${failure.id} ${failure.code}: ${failure.message}`);
  } finally {
    bar?.stop();
  }
}
