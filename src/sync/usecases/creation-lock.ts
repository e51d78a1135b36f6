import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

import {
  type CreationLockKey,
  releaseCreationLock,
  renewCreationLock,
  tryAcquireCreationLock,
} from '../../store/repos/creation-locks.js';
import type { ContactSource } from '../mapping/contact.js';
import type { SyncDeps } from '../ports.js';

/**
 * Creating a Xero contact or item once when several jobs, in any process, need the same new record
 * at the same time (nango's token refresh: lock, re-read, then act); the same claim lets one
 * process fetch an organisation's reference data while the others wait for its copy
 * (REFERENCE_LOCK). `withCreationLocks` claims each named record for the company's Xero
 * organisation in the store, runs `fn` — which first re-reads the link, since the previous holder
 * may just have created the record — and frees the claims.
 *
 * A claim lasts the lease (SyncDeps.leaseMs: QUEUE_LEASE_MS, as for jobs) and its holder renews it
 * every third of that while it works, so a slow creation (Xero's rate-limit waits) keeps it and a
 * crashed holder delays others by one lease at most. A waiter polls, backing off from 10 ms to 250 ms
 * (never spinning), until the holder frees the claim or the claim lapses by the injected clock, then
 * takes it. Correctness does not rest on the lease: a holder too slow for it may meet Xero's
 * "already exists", which the callers resolve by lookup.
 */

/** The lease when SyncDeps names none: QUEUE_LEASE_MS's default. */
export const CREATION_LEASE_MS = 60_000;
const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 250;

type LockDeps = Pick<SyncDeps, 'db' | 'clock' | 'logger' | 'company' | 'tenant' | 'leaseMs'>;

/**
 * Xero's refusals that mean the contact or item exists already: another job or person created it
 * between our lookup and our create ("The contact name … is already assigned to another contact",
 * "The contact number … is already assigned to another contact", "Price List Item with Code '…'
 * already exists": https://developer.xero.com/documentation/api/accounting/contacts,
 * https://developer.xero.com/documentation/api/accounting/items). Resolved by looking it up again.
 */
export function isAlreadyThere(messages: readonly string[]): boolean {
  return messages.some((message) =>
    /is already assigned to another contact|already exists/i.test(message),
  );
}

export function contactLockName(kind: ContactSource['kind'], pipedriveId: number): string {
  return `contact:${kind}:${pipedriveId}`;
}

export function itemLockName(code: string): string {
  return `item:${code}`;
}

/** Held while the organisation's reference data is fetched (load-org-reference.ts). */
export const REFERENCE_LOCK = 'reference';

export async function withCreationLocks<T>(
  deps: LockDeps,
  names: readonly string[],
  fn: () => Promise<T>,
): Promise<T> {
  const owner = randomUUID();
  const keys = [...new Set(names)]
    .sort()
    .map((name) => ({ companyId: deps.company.id, tenantId: deps.tenant.tenantId, name }));
  const held: CreationLockKey[] = [];
  const leaseMs = deps.leaseMs ?? CREATION_LEASE_MS;
  const renewals = setInterval(() => void renew(deps, held, owner, leaseMs), leaseMs / 3);
  renewals.unref();
  try {
    // One order everywhere, so two holders of several names never wait on each other.
    for (const key of keys) {
      await acquire(deps, key, owner, leaseMs);
      held.push(key);
    }
    return await fn();
  } finally {
    clearInterval(renewals);
    for (const key of held) {
      try {
        await releaseCreationLock(deps.db, key, owner);
      } catch (error) {
        // The claim lapses on its own; the work done under it stands.
        deps.logger.warn({ lock: key.name, err: String(error) }, 'could not free a creation lock');
      }
    }
  }
}

/** Renews every claim held; a failure is logged (the claim may lapse, see above). */
async function renew(
  deps: LockDeps,
  held: readonly CreationLockKey[],
  owner: string,
  leaseMs: number,
): Promise<void> {
  const expiresAt = new Date(deps.clock.now().getTime() + leaseMs);
  for (const key of held) {
    try {
      await renewCreationLock(deps.db, key, owner, expiresAt);
    } catch (error) {
      deps.logger.warn({ lock: key.name, err: String(error) }, 'could not renew a creation lock');
    }
  }
}

async function acquire(
  deps: LockDeps,
  key: CreationLockKey,
  owner: string,
  leaseMs: number,
): Promise<void> {
  let pollMs = FIRST_POLL_MS;
  for (;;) {
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + leaseMs);
    const attempt = await tryAcquireCreationLock(deps.db, key, owner, now, expiresAt);
    if (attempt.acquired) return;
    // Freed between our statements: try again at once.
    if (attempt.heldUntil === undefined) continue;
    await delay(Math.max(0, Math.min(pollMs, attempt.heldUntil.getTime() - now.getTime())));
    pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
  }
}
