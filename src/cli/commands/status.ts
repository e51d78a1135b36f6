import type { Command } from 'commander';

import { installedCompanyIds } from '../../services/company.js';
import { xeroConnectUrl } from '../../services/links.js';
import {
  describeCatchUp,
  describeWebhookHealth,
  type StatusReport,
  statusReport,
} from '../../services/status-report.js';
import { type CliContext, positiveId, withApp } from '../context.js';
import { UsageError } from '../failure.js';

/** `status`: connections, queue counts and last runs; `--links` adds each company's pages. */
export function registerStatusCommand(program: Command, context: CliContext): void {
  program
    .command('status')
    .description('connections, queue counts and the latest runs')
    .option('--company <id>', 'only this company', positiveId('--company'))
    .option('--json', 'print JSON')
    .option(
      '--links',
      "print each company's settings page and Xero connect link (they ask an admin to sign in)",
    )
    .action(async (options: { company?: number; json?: boolean; links?: boolean }) => {
      const { config } = context();
      // Links are for a browser elsewhere: they must name the address the app is reached at, which
      // only PUBLIC_URL knows (this process's PORT is not the server's).
      if (options.links && !config.sandboxMode && !config.publicUrlConfigured) {
        throw new UsageError(
          'status --links needs PUBLIC_URL, the address browsers and the vendors reach the app at — fix: set PUBLIC_URL as the server has it',
        );
      }
      await withApp(context, async (app) => {
        // An unknown --company is an error (exit 1), not an empty report.
        if (options.company !== undefined) await installedCompanyIds(app.db, options.company);
        const report = await statusReport(app.db, {
          now: app.deps.clock.now(),
          ...(options.company !== undefined && { companyId: options.company }),
        });
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        console.log(formatStatus(report));
        if (options.links) {
          for (const company of report.companies) {
            console.log(
              `settings of ${company.id}: ${app.deps.publicUrl()}/ui/settings?company=${company.id}`,
              `\nconnect link of ${company.id}: ${xeroConnectUrl(app.deps.publicUrl(), company.id)}`,
            );
          }
        }
      });
    });
}

export function formatStatus(report: StatusReport): string {
  const lines = [
    `queue: ${report.queue.pending} pending, ${report.queue.scheduled} scheduled, ${report.queue.running} running, ${report.queue.failed} failed`,
  ];
  if (report.companies.length === 0) lines.push('no company has installed the app yet');
  for (const company of report.companies) {
    const xero =
      company.xero === null
        ? 'not connected'
        : `${company.xero.tenantName}${company.xero.needsReauth ? ' — NEEDS RECONNECT' : ''}`;
    lines.push(
      `company ${company.id} (${company.domain}): Pipedrive ${company.pipedrive?.status ?? 'not connected'}; Xero ${xero}`,
      `  webhook: ${describeWebhookHealth(company.catchUp?.webhook ?? null)}`,
      `  catch-up: ${describeCatchUp(company.catchUp?.last ?? null)}`,
    );
    for (const run of company.lastRuns) {
      const why = run.message === null ? '' : ` — ${run.message}`;
      lines.push(
        `  ${run.updatedAt.toISOString()}  ${run.id}  deal ${run.dealId ?? '-'}  ${run.kind}  ${run.status}${why}`,
      );
    }
  }
  return lines.join('\n');
}
