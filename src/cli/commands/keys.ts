import type { Command } from 'commander';

import { AppError } from '../../errors.js';
import { companyApiKeys, createApiKey, revokeCompanyApiKey } from '../../services/api-keys.js';
import { type CliContext, pickCompany, positiveId, withApp } from '../context.js';

/**
 * `keys create|list|revoke`: a company's API keys for the JSON API (docs/access.md). A key is
 * printed once, by `create`; the store keeps only its hash. `--expires <days>` ends it by itself.
 */
export function registerKeysCommand(program: Command, context: CliContext): void {
  const keys = program.command('keys').description("a company's API keys (for the JSON API)");
  const company = [
    '--company <id>',
    'the Pipedrive company (default: the only one installed)',
    positiveId('--company'),
  ] as const;
  keys
    .command('create')
    .description('make a key and print it once')
    .option(...company)
    .option('--name <name>', 'what the key is for', 'api')
    .option('--expires <days>', 'days until the key stops working (default: never)')
    .action(async (options: { company?: number; name: string; expires?: string }) => {
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const days = options.expires === undefined ? undefined : Number(options.expires);
        if (days !== undefined && !(Number.isInteger(days) && days > 0 && days <= 3650))
          throw new AppError('request_invalid', '--expires must be a number of days, 1 to 3650');
        const expiresAt =
          days === undefined
            ? undefined
            : new Date(app.deps.clock.now().getTime() + days * 86_400_000);
        const created = await createApiKey(app.deps, companyId, {
          name: options.name.slice(0, 100),
          ...(expiresAt !== undefined && { expiresAt }),
        });
        console.log(
          `key ${created.id} of company ${companyId}${expiresAt === undefined ? '' : `, expires ${expiresAt.toISOString()}`}:\n${created.key}\nKeep it now: it is not shown again. Send it as "Authorization: Bearer <key>".`,
        );
      });
    });
  keys
    .command('list')
    .description("the company's keys (never the keys themselves)")
    .option(...company)
    .action(async (options: { company?: number }) => {
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        const now = app.deps.clock.now();
        const listed = await companyApiKeys(app.deps, companyId);
        if (listed.length === 0) console.log(`company ${companyId} has no API keys`);
        for (const key of listed) {
          const state =
            key.revokedAt !== null
              ? `revoked ${key.revokedAt.toISOString()}`
              : key.expiresAt !== null && key.expiresAt <= now
                ? `expired ${key.expiresAt.toISOString()}`
                : `active${key.expiresAt === null ? '' : ` until ${key.expiresAt.toISOString()}`}`;
          const used =
            key.lastUsedAt === null ? 'never used' : `last used ${key.lastUsedAt.toISOString()}`;
          console.log(
            `${key.id}  ${key.name}  created ${key.createdAt.toISOString()}  ${state}  ${used}`,
          );
        }
      });
    });
  keys
    .command('revoke <id>')
    .description('stop a key working, at once')
    .option(...company)
    .action(async (id: string, options: { company?: number }) => {
      await withApp(context, async (app) => {
        const companyId = await pickCompany(app, options.company);
        if (!(await revokeCompanyApiKey(app.deps, companyId, id)))
          throw new AppError('request_invalid', `company ${companyId} has no active key ${id}`);
        console.log(`key ${id} of company ${companyId} revoked`);
      });
    });
}
