import { Command } from 'commander';

import { ConfigError, loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { registerCatchUpCommand } from './commands/catch-up.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerReplayCommand } from './commands/replay.js';
import { registerSandboxCommand } from './commands/sandbox.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSettingsCommand } from './commands/settings.js';
import { registerSignOutCommand } from './commands/sign-out.js';
import { registerStartCommand } from './commands/start.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSyncCommand } from './commands/sync.js';
import { registerWorkerCommand } from './commands/worker.js';
import type { CliContext } from './context.js';

const program = new Command()
  .name('pipedrive-xero')
  .description('Pipedrive → Xero: deals become draft Xero invoices and quotes.');

function config() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

const context: CliContext = () => {
  const loaded = config();
  return { config: loaded, logger: createLogger(loaded.logLevel) };
};

registerStartCommand(program, context);
registerServeCommand(program, context);
registerWorkerCommand(program, context);
registerMigrateCommand(program, context);
registerStatusCommand(program, context);
registerReplayCommand(program, context);
registerSyncCommand(program, context);
registerCatchUpCommand(program, context);
registerSettingsCommand(program, context);
registerKeysCommand(program, context);
registerSignOutCommand(program, context);
registerSandboxCommand(program, context);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // A refusal the user can act on: its code and words, and the details (e.g. every settings error).
  if (error instanceof AppError) {
    console.error(`${error.code}: ${error.message}`);
    const details = (error as { details?: unknown }).details;
    if (Array.isArray(details))
      for (const detail of details) console.error(`  - ${String(detail)}`);
    process.exit(1);
  }
  throw error;
}
