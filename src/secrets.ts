import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { AppError } from './errors.js';

/**
 * Secrets at rest (invariant 6, docs/architecture.md): AES-256-GCM with a random 12-byte IV per value.
 * Sealed format: `v1:<iv>:<tag>:<ciphertext>`, each part base64url; the version prefix leaves room
 * for another format.
 * GCM's 16-byte tag authenticates the ciphertext: any change, or the wrong key, fails `open`.
 *
 * Key rotation (docs/going-live.md "Changing the encryption key"): values are sealed with the
 * current key and opened with it or, failing its tag check, with each previous key in turn, so
 * processes keep working while `rotate-key` seals every stored value again under the current key.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** True when `sealed` opens only with a previous key: `rotate-key` seals it again. */
  sealedWithPrevious(sealed: string): boolean;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12; // NIST SP 800-38D's recommended IV length for GCM
const TAG_BYTES = 16;
const VERSION = 'v1';

export function createSecretBox(
  keyBase64: string,
  previousBase64: readonly string[] = [],
): SecretBox {
  const key = keyBytes(keyBase64);
  const previous = previousBase64.map(keyBytes);
  const openWith = (sealed: string, candidates: readonly Buffer[]): string => {
    let failure: unknown;
    for (const candidate of candidates) {
      try {
        return openSealed(sealed, candidate);
      } catch (error) {
        failure = error;
      }
    }
    throw failure ?? unreadable();
  };
  return {
    open: (sealed) => openWith(sealed, [key, ...previous]),
    sealedWithPrevious(sealed) {
      try {
        openSealed(sealed, key);
        return false;
      } catch {
        openWith(sealed, previous);
        return true;
      }
    },
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join(':');
    },
  };
}

function keyBytes(keyBase64: string): Buffer {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'secret_key_invalid',
      `The encryption key must be 32 bytes in base64 (got ${key.length} bytes); ` +
        'make one with: openssl rand -base64 32',
    );
  }
  return key;
}

function openSealed(sealed: string, key: Buffer): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(':');
  if (
    version !== VERSION ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    rest.length > 0
  ) {
    throw unreadable();
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch (cause) {
    // Never echo the sealed value or key material into the error (invariant 6).
    throw unreadable(cause);
  }
}

function unreadable(cause?: unknown): AppError {
  return new AppError(
    'secret_unreadable',
    'A stored secret could not be decrypted: it was altered, or the encryption key changed',
    cause === undefined ? {} : { cause },
  );
}
