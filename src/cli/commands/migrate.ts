import type { Command } from 'commander';

import { openDatabase } from '../../store/db.js';
import { redactUrl } from '../../store/dialect.js';
import { migrateToLatest } from '../../store/migrations/index.js';
import type { CliContext } from '../context.js';

/** `migrate`: brings the database to the latest schema (the app also does this at start). */
export function registerMigrateCommand(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description('apply database migrations and exit')
    .action(async () => {
      const { config } = context();
      const database = openDatabase(config.databaseUrl);
      try {
        const results = await migrateToLatest(database.db);
        const applied = results.filter((result) => result.status === 'Success');
        console.log(
          applied.length === 0
            ? `${redactUrl(config.databaseUrl)}: up to date`
            : `${redactUrl(config.databaseUrl)}: applied ${applied.map((result) => result.migrationName).join(', ')}`,
        );
      } finally {
        await database.close();
      }
    });
}
