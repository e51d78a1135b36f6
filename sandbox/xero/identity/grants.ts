import { randomUUID } from 'node:crypto';

import type { SandboxClock } from '../../common/clock.js';
import type { TenantInfo } from '../world.js';
import { mergeScopes } from './scopes.js';

/**
 * Grants (one per user + app) and their connections to tenants (docs/vendors/xero.md §1.4).
 *
 * A connection is created when the user ticks a tenant on the consent page, removed by
 * DELETE /connections/{id} or by revoking the refresh token. Reconnecting a tenant gives a new
 * connection id but keeps the first createdDateUtc, so createdDateUtc != updatedDateUtc shows the
 * reconnect, as on real Xero.
 */
export interface Connection {
  id: string;
  authEventId: string;
  tenantId: string;
  createdAtMs: number;
  updatedAtMs: number;
}

export interface Grant {
  id: string;
  clientId: string;
  userId: string;
  scopes: string[];
  connections: Map<string, Connection>;
  firstConnectedAtMs: Map<string, number>;
}

/** A connection as GET /connections returns it. */
export interface ConnectionView {
  id: string;
  authEventId: string;
  tenantId: string;
  tenantType: TenantInfo['tenantType'];
  tenantName: string;
  createdDateUtc: string;
  updatedDateUtc: string;
}

export interface GrantView {
  id: string;
  clientId: string;
  userId: string;
  scopes: string[];
  connections: ConnectionView[];
}

export class Grants {
  private grants = new Map<string, Grant>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly tenantInfo: (tenantId: string) => TenantInfo | undefined,
  ) {}

  consent(
    clientId: string,
    userId: string,
    scopes: string[],
    tenantIds: string[],
    authEventId: string,
  ): Grant {
    const grant = this.find(clientId, userId) ?? this.create(clientId, userId);
    grant.scopes = mergeScopes(grant.scopes, scopes);
    const now = this.clock.now();
    for (const tenantId of tenantIds) {
      const existing = grant.connections.get(tenantId);
      if (existing) {
        existing.authEventId = authEventId;
        continue;
      }
      const createdAtMs = grant.firstConnectedAtMs.get(tenantId) ?? now;
      grant.firstConnectedAtMs.set(tenantId, createdAtMs);
      grant.connections.set(tenantId, {
        id: randomUUID(),
        authEventId,
        tenantId,
        createdAtMs,
        updatedAtMs: now,
      });
    }
    return grant;
  }

  get(grantId: string): Grant | undefined {
    return this.grants.get(grantId);
  }

  isConnected(grantId: string, tenantId: string): boolean {
    return this.grants.get(grantId)?.connections.has(tenantId) ?? false;
  }

  connections(grantId: string, authEventId?: string): ConnectionView[] {
    const grant = this.grants.get(grantId);
    if (!grant) return [];
    return [...grant.connections.values()]
      .filter((connection) => authEventId === undefined || connection.authEventId === authEventId)
      .map((connection) => this.view(connection));
  }

  /** Removes one connection of this grant; false when the id is not one of them. */
  disconnect(grantId: string, connectionId: string): boolean {
    const grant = this.grants.get(grantId);
    const connection =
      grant && [...grant.connections.values()].find((candidate) => candidate.id === connectionId);
    if (!grant || !connection) return false;
    grant.connections.delete(connection.tenantId);
    return true;
  }

  disconnectAll(grantId: string): void {
    this.grants.get(grantId)?.connections.clear();
  }

  list(): GrantView[] {
    return [...this.grants.values()].map((grant) => ({
      id: grant.id,
      clientId: grant.clientId,
      userId: grant.userId,
      scopes: [...grant.scopes],
      connections: this.connections(grant.id),
    }));
  }

  private find(clientId: string, userId: string): Grant | undefined {
    return [...this.grants.values()].find(
      (grant) => grant.clientId === clientId && grant.userId === userId,
    );
  }

  private create(clientId: string, userId: string): Grant {
    const grant: Grant = {
      id: randomUUID(),
      clientId,
      userId,
      scopes: [],
      connections: new Map(),
      firstConnectedAtMs: new Map(),
    };
    this.grants.set(grant.id, grant);
    return grant;
  }

  private view(connection: Connection): ConnectionView {
    const tenant = this.tenantInfo(connection.tenantId);
    return {
      id: connection.id,
      authEventId: connection.authEventId,
      tenantId: connection.tenantId,
      tenantType: tenant?.tenantType ?? 'ORGANISATION',
      tenantName: tenant?.tenantName ?? connection.tenantId,
      createdDateUtc: connectionDate(connection.createdAtMs),
      updatedDateUtc: connectionDate(connection.updatedAtMs),
    };
  }
}

/** docs/vendors/xero.md §1.4: ISO with seven fractional digits and no `Z` ("2019-12-07T18:46:19.5165400"). */
export function connectionDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}0000`;
}
