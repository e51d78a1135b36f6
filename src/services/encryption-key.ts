import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * The key that seals secrets at rest (invariant 6). Configured as ENCRYPTION_KEY; in sandbox mode
 * only, a missing key is generated once and kept in DATA_DIR/encryption.key so that tokens stored
 * by one run stay readable by the next (config.ts enforces the key outside sandbox mode).
 */
export function resolveEncryptionKey(config: Config, logger: Logger): string {
  if (config.encryptionKey !== undefined) return config.encryptionKey;
  if (!config.sandboxMode) {
    throw new AppError('config_encryption_key_missing', 'ENCRYPTION_KEY is required');
  }
  const file = join(config.dataDir, 'encryption.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  // 'wx': never overwrite a key another process wrote meanwhile; 0600: only this user reads it.
  try {
    writeFileSync(file, `${key}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return readFileSync(file, 'utf8').trim();
    throw error;
  }
  logger.warn(
    { file },
    'sandbox mode: generated an encryption key and stored it in the data directory; set ENCRYPTION_KEY for real use',
  );
  return key;
}
