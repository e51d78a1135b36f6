import { Command } from 'commander';

import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { registerSandboxCommand } from './commands/sandbox.js';

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

registerSandboxCommand(program, () => {
  const loaded = config();
  return { config: loaded, logger: createLogger(loaded.logLevel) };
});

await program.parseAsync(process.argv);
