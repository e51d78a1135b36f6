import { type Command, Option } from 'commander';

import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { closeOnSignal } from '../context.js';

interface SandboxOptions {
  pipedrivePort?: string;
  xeroPort?: string;
  host?: string;
  seed: 'demo' | 'empty';
}

/** `pipedrive-xero sandbox`: local Pipedrive and Xero servers with the demo data. */
export function registerSandboxCommand(
  program: Command,
  context: () => { config: Config; logger: Logger },
): void {
  program
    .command('sandbox')
    .description('start the local Pipedrive and Xero servers with demo data (state kept in memory)')
    .option('--pipedrive-port <port>', 'port of the local Pipedrive server (default 4010)')
    .option('--xero-port <port>', 'port of the local Xero server (default 4020)')
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .addOption(new Option('--seed <name>', 'data set').choices(['demo', 'empty']).default('demo'))
    .action(async (options: SandboxOptions) => {
      const { config, logger } = context();
      // Loaded on use, so the other commands start without the sandbox servers' code.
      const { startSandboxes } = await import('../../../sandbox/start.js');
      const running = await startSandboxes({
        host: options.host ?? config.sandbox.host,
        pipedrivePort: Number(options.pipedrivePort ?? config.sandbox.pipedrivePort),
        xeroPort: Number(options.xeroPort ?? config.sandbox.xeroPort),
        seed: options.seed,
        logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
      });
      console.log(running.describe());
      closeOnSignal(() => running.close(), logger);
      logger.debug('sandbox running');
    });
}
