import type { Command } from 'commander';

import { createApp } from '../../app.js';
import { type DoctorCheck, runDoctor } from '../../services/doctor.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../failure.js';
import { withSandboxVendorsIfSandbox } from '../sandbox-vendors.js';

/**
 * `doctor`: checks the installation (configuration, key, database, public URL, the vendors' hosts,
 * each company's webhook and tokens, the clock) and prints a table with the fix of each failure;
 * exit 1 when a check fails (warnings pass). It migrates nothing: a pending migration is a finding.
 */
export function registerDoctorCommand(program: Command, context: CliContext): void {
  program
    .command('doctor')
    .description('check that this installation is ready for real use; a fix for each failure')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { config, logger } = context();
      const effective = await withSandboxVendorsIfSandbox(config);
      const app = await createApp(effective, { logger, migrate: false });
      let checks: DoctorCheck[];
      try {
        checks = await runDoctor({
          ...app.deps,
          config: effective,
          instanceId: app.deps.instanceId,
        });
      } finally {
        await app.close();
      }
      console.log(options.json ? JSON.stringify(checks, null, 2) : formatChecks(checks));
      if (checks.some((check) => check.status === 'fail')) process.exitCode = EXIT.failed;
    });
}

const MARK = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

export function formatChecks(checks: DoctorCheck[]): string {
  const width = Math.max(...checks.map((check) => check.name.length));
  const lines = checks.flatMap((check) => [
    `${MARK[check.status]}  ${check.name.padEnd(width)}  ${check.detail}`,
    ...(check.fix === undefined ? [] : [`      ${''.padEnd(width)}  fix: ${check.fix}`]),
  ]);
  const failed = checks.filter((check) => check.status === 'fail').length;
  lines.push(
    '',
    failed === 0 ? 'All checks passed.' : `${failed} check(s) failed: see each fix above.`,
  );
  return lines.join('\n');
}
