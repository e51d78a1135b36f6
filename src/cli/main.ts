import { Command } from 'commander';

import { type Config, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { registerCatchUpCommand } from './commands/catch-up.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerReplayCommand } from './commands/replay.js';
import { registerRotateKeyCommand } from './commands/rotate-key.js';
import { registerSandboxCommand } from './commands/sandbox.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSettingsCommand } from './commands/settings.js';
import { registerSignOutCommand } from './commands/sign-out.js';
import { registerStartCommand } from './commands/start.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSyncCommand } from './commands/sync.js';
import { registerWorkerCommand } from './commands/worker.js';
import type { CliContext } from './context.js';
import { describeFailure } from './failure.js';
import { packageVersion } from './version.js';

const program = new Command()
  .name('pipedrive-xero')
  .description('Pipedrive → Xero: deals become draft Xero invoices and quotes.')
  .version(packageVersion(), '-V, --version')
  // Usage errors end here as CommanderErrors, so every exit code is decided in one place below.
  .exitOverride();

let loaded: Config | undefined;
const context: CliContext = () => {
  loaded ??= loadConfig(process.env);
  const pretty =
    loaded.logFormat === 'pretty' || (loaded.logFormat === 'auto' && process.stdout.isTTY);
  return { config: loaded, logger: createLogger(loaded.logLevel, { pretty }) };
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
registerDoctorCommand(program, context);
registerRotateKeyCommand(program, context);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const failure = describeFailure(error, { sandboxMode: loaded?.sandboxMode ?? false });
  if (failure.text !== '') console.error(failure.text);
  process.exit(failure.exitCode);
}
