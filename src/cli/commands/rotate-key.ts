import type { Command } from 'commander';

import { rotateSecrets } from '../../services/key-rotation.js';
import { type CliContext, withApp } from '../context.js';
import { EXIT, UsageError } from '../failure.js';

/**
 * `rotate-key`: with the new key as ENCRYPTION_KEY and the old one in ENCRYPTION_KEY_PREVIOUS,
 * seals every stored secret again under the new key, while the app keeps running
 * (docs/going-live.md "Changing the encryption key"). Exit 1 if a secret opens with no key.
 */
export function registerRotateKeyCommand(program: Command, context: CliContext): void {
  program
    .command('rotate-key')
    .description(
      'seal every stored secret again under ENCRYPTION_KEY (old key: ENCRYPTION_KEY_PREVIOUS)',
    )
    .action(async () => {
      const { config } = context();
      if (config.encryptionKey === undefined || config.previousEncryptionKeys.length === 0) {
        throw new UsageError(
          'rotate-key needs the new key as ENCRYPTION_KEY and the old one as ENCRYPTION_KEY_PREVIOUS',
        );
      }
      await withApp(context, async (app) => {
        const result = await rotateSecrets(app.deps);
        console.log(
          `${result.resealed} secret(s) sealed again under the new key; ${result.alreadyCurrent} already were; ${result.changedMeanwhile} changed meanwhile (already new)`,
        );
        if (result.unreadable > 0) {
          console.error(
            `${result.unreadable} secret(s) open with no configured key: add the key they were sealed with to ENCRYPTION_KEY_PREVIOUS and run again`,
          );
          process.exitCode = EXIT.failed;
          return;
        }
        console.log('Done: ENCRYPTION_KEY_PREVIOUS can now be removed from every process.');
      });
    });
}
