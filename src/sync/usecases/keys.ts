import { createHash } from 'node:crypto';

/**
 * Idempotency-Keys for Xero writes (docs/vendors/xero.md §3): deterministic, so a retried job sends the same key
 * and Xero replays its first answer instead of writing twice; ≤ 128 characters whatever the inputs.
 * Xero caches errors under a key too, so callers put the run id in the parts: a replay (a new run)
 * gets a new key and is not answered with the old error.
 */
export function idempotencyKey(purpose: string, ...parts: (string | number)[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 48);
  return `pdx-${purpose}-${digest}`;
}
