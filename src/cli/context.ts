import { type App, createApp } from '../app.js';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/** What every command gets from main.ts: the parsed config and the process logger. */
export type CliContext = () => { config: Config; logger: Logger };

/** Runs `work` with an app that is closed afterwards (one-shot commands: status, replay, …). */
export async function withApp<T>(context: CliContext, work: (app: App) => Promise<T>): Promise<T> {
  const { config, logger } = context();
  const app = await createApp(config, { logger });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** Closes the app on SIGINT/SIGTERM: running jobs finish, then the process exits. */
export function closeOnSignal(close: () => Promise<void>): void {
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The one installed company when `--company` is not given; an error naming the choices otherwise. */
export async function pickCompany(app: App, given: string | undefined): Promise<number> {
  if (given !== undefined) return Number(given);
  const companies = await app.db.selectFrom('companies').select(['id', 'domain']).execute();
  const [only, ...others] = companies;
  if (only !== undefined && others.length === 0) return only.id;
  const names = companies.map((company) => `${company.id} (${company.domain})`).join(', ');
  throw new AppError(
    'company_not_chosen',
    companies.length === 0
      ? 'No company has installed the app yet'
      : `Several companies have installed the app: pass --company, one of ${names}`,
  );
}
