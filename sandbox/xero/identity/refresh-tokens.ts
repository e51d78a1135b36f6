import { randomBytes } from 'node:crypto';

import type { SandboxClock } from '../../common/clock.js';

/**
 * Refresh tokens and their rotation (docs/vendors/xero.md §1.2, §17). Pure apart from the injected clock.
 *
 * States of one token: live → rotated (used once; still usable until `graceMs` after its first
 * use) → dead. Each use within grace mints a fresh successor and kills the previous successor and
 * everything minted from it, so the *latest* pair wins (docs/vendors/xero.md §19 leaves this open; we choose
 * the strict reading so racing refreshes show up in tests). A live token unused for `idleMs`
 * (60 days) is dead; revoking a grant kills all its tokens.
 */
export interface RefreshTokenRecord {
  token: string;
  grantId: string;
  clientId: string;
  authEventId: string;
  issuedAtMs: number;
  /** When it was first exchanged; the grace window runs from here. */
  rotatedAtMs?: number;
  /** The token minted by its latest exchange. */
  successor?: string;
  dead?: 'revoked' | 'superseded';
}

export const DEFAULT_ROTATION_GRACE_MS = 30 * 60_000;
export const REFRESH_IDLE_MS = 60 * 24 * 60 * 60_000;

export type RotateResult = { ok: true; record: RefreshTokenRecord } | { ok: false };

export class RefreshTokenStore {
  private tokens = new Map<string, RefreshTokenRecord>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly graceMs: number = DEFAULT_ROTATION_GRACE_MS,
    private readonly idleMs: number = REFRESH_IDLE_MS,
  ) {}

  issue(grantId: string, clientId: string, authEventId: string): RefreshTokenRecord {
    const record: RefreshTokenRecord = {
      token: randomBytes(32).toString('base64url'),
      grantId,
      clientId,
      authEventId,
      issuedAtMs: this.clock.now(),
    };
    this.tokens.set(record.token, record);
    return record;
  }

  /** Exchanges `token` for its successor, or refuses (the caller answers `invalid_grant`). */
  rotate(token: string, clientId: string): RotateResult {
    const record = this.tokens.get(token);
    if (!record || record.dead || record.clientId !== clientId) return { ok: false };
    const now = this.clock.now();
    if (record.rotatedAtMs === undefined && now - record.issuedAtMs > this.idleMs)
      return { ok: false };
    if (record.rotatedAtMs !== undefined && now - record.rotatedAtMs > this.graceMs)
      return { ok: false };
    if (record.successor !== undefined) this.kill(record.successor, 'superseded');
    const next = this.issue(record.grantId, record.clientId, record.authEventId);
    record.rotatedAtMs ??= now;
    record.successor = next.token;
    return { ok: true, record: next };
  }

  get(token: string): RefreshTokenRecord | undefined {
    return this.tokens.get(token);
  }

  revokeGrant(grantId: string): void {
    for (const record of this.tokens.values()) {
      if (record.grantId === grantId) record.dead ??= 'revoked';
    }
  }

  list(): RefreshTokenRecord[] {
    return [...this.tokens.values()].map((record) => ({ ...record }));
  }

  private kill(token: string, reason: 'superseded'): void {
    const record = this.tokens.get(token);
    if (!record) return;
    record.dead ??= reason;
    if (record.successor !== undefined) this.kill(record.successor, reason);
  }
}
