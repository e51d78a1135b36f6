import { AppError } from '../errors.js';
import {
  deleteXeroConnection,
  getXeroConnection,
  saveXeroConnection,
} from '../store/repos/xero-connections.js';
import type { XeroTokenSet } from '../xero/oauth.js';
import { requireCompany } from './company.js';
import type { AppContext } from './context.js';
import { vendorRefusedCode } from './oauth-code.js';

/**
 * Connecting a company's one Xero organisation (docs/vendors/xero.md §1–§2).
 *
 * callback: exchange the code → GET /connections?authEventId=<this consent's event> (only the
 * organisations just authorised, §2) → one organisation: connect it; several: the user picks one on
 * a page, which posts back a sealed, short-lived "pending" value holding the tokens (nothing is
 * kept server-side, so any `serve` process can finish the flow). Connecting replaces the company's
 * previous organisation; contact and item links stay stored per tenant and are not reused for the
 * new one (store/repos/links.ts is keyed by tenant).
 */
export type XeroConnectDeps = Pick<AppContext, 'db' | 'box' | 'clock' | 'logger' | 'connections'>;

export interface XeroTenantChoice {
  tenantId: string;
  tenantName: string;
}

export type XeroCallbackResult =
  | { kind: 'connected'; companyId: number; tenant: XeroTenantChoice }
  | { kind: 'choose'; companyId: number; pending: string; tenants: XeroTenantChoice[] };

interface Pending {
  companyId: number;
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  authEventId: string | null;
  tenants: (XeroTenantChoice & { connectionId: string })[];
  exp: number;
}

const PENDING_TTL_MS = 15 * 60_000;

export function xeroCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/oauth/xero/callback`;
}

/**
 * Xero's consent page for an installed company, with a `state` from services/oauth-states.ts that
 * names the company.
 */
export async function xeroConsentUrl(
  deps: Pick<AppContext, 'db' | 'connections' | 'publicUrl'>,
  companyId: number,
  state: string,
): Promise<string> {
  await requireCompany(deps.db, companyId);
  return deps.connections.xero.oauth.authorizeUrl({
    state,
    redirectUri: xeroCallbackUrl(deps.publicUrl()),
  });
}

export async function completeXeroConnect(
  deps: XeroConnectDeps,
  companyId: number,
  code: string,
  redirectUri: string,
): Promise<XeroCallbackResult> {
  await requireCompany(deps.db, companyId);
  const oauth = deps.connections.xero.oauth;
  const tokens = await oauth.exchangeCode(code, redirectUri).catch((error: unknown) => {
    throw vendorRefusedCode(error, 'Xero');
  });
  const authEventId = await authEventOf(tokens);
  const organisations = (
    await oauth.listConnections(tokens.accessToken, authEventId ?? undefined)
  ).filter((connection) => connection.tenantType === 'ORGANISATION');
  const tenants = organisations.map((connection) => ({
    tenantId: connection.tenantId,
    tenantName: connection.tenantName,
    connectionId: connection.id,
  }));
  const [only, ...others] = tenants;
  if (only === undefined) {
    throw new AppError(
      'xero_no_organisation',
      'No Xero organisation was authorised; connect again and pick one',
    );
  }
  if (others.length === 0) {
    await connect(deps, companyId, tokens, authEventId, only);
    return {
      kind: 'connected',
      companyId,
      tenant: { tenantId: only.tenantId, tenantName: only.tenantName },
    };
  }
  const pending: Pending = {
    companyId,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt.toISOString(),
    authEventId,
    tenants,
    exp: deps.clock.now().getTime() + PENDING_TTL_MS,
  };
  return {
    kind: 'choose',
    companyId,
    pending: deps.box.seal(JSON.stringify(pending)),
    tenants: tenants.map(({ tenantId, tenantName }) => ({ tenantId, tenantName })),
  };
}

/** The company a pending consent is for (the picker's post is checked against its session). */
export function pendingCompany(
  deps: Pick<AppContext, 'box'>,
  sealedPending: string,
): number | undefined {
  try {
    const pending = JSON.parse(deps.box.open(sealedPending)) as Partial<Pending>;
    return typeof pending.companyId === 'number' ? pending.companyId : undefined;
  } catch {
    return undefined;
  }
}

/** The picker's answer: connects the chosen organisation of a pending consent. */
export async function chooseXeroTenant(
  deps: XeroConnectDeps,
  sealedPending: string,
  tenantId: string,
): Promise<XeroCallbackResult & { kind: 'connected' }> {
  let pending: Pending;
  try {
    pending = JSON.parse(deps.box.open(sealedPending)) as Pending;
  } catch {
    throw new AppError(
      'xero_choice_invalid',
      'The organisation choice is not ours or was altered; connect again',
    );
  }
  if (pending.exp < deps.clock.now().getTime()) {
    throw new AppError('xero_choice_expired', 'The organisation choice expired; connect again');
  }
  const chosen = pending.tenants.find((tenant) => tenant.tenantId === tenantId);
  if (chosen === undefined) {
    throw new AppError(
      'xero_choice_invalid',
      `Organisation ${tenantId} was not among those authorised`,
    );
  }
  const tokens = {
    accessToken: pending.accessToken,
    refreshToken: pending.refreshToken,
    expiresAt: new Date(pending.expiresAt),
    scopes: [],
  };
  await connect(deps, pending.companyId, tokens, pending.authEventId, chosen);
  return {
    kind: 'connected',
    companyId: pending.companyId,
    tenant: { tenantId: chosen.tenantId, tenantName: chosen.tenantName },
  };
}

async function connect(
  deps: XeroConnectDeps,
  companyId: number,
  tokens: XeroTokenSet,
  authEventId: string | null,
  chosen: XeroTenantChoice & { connectionId: string },
): Promise<void> {
  const { db, box, clock, connections } = deps;
  const previous = await getXeroConnection(db, box, companyId);
  const input = {
    companyId,
    tenantId: chosen.tenantId,
    tenantName: chosen.tenantName,
    shortCode: null,
    connectionId: chosen.connectionId,
    authEventId,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessExpiresAt: tokens.expiresAt,
  };
  await saveXeroConnection(db, box, input, clock.now());
  // The ShortCode makes deep links (docs/vendors/xero.md §13); the client reads it with the stored tokens.
  const organisation = await connections.xero
    .getOrganisation({ companyId: String(companyId), tenantId: chosen.tenantId })
    .catch((error: unknown) => {
      deps.logger.warn({ err: error, companyId }, 'xero: could not read the organisation');
      return undefined;
    });
  if (organisation?.ShortCode !== undefined) {
    const current = await getXeroConnection(db, box, companyId);
    if (current !== undefined) {
      await saveXeroConnection(
        db,
        box,
        { ...current, shortCode: organisation.ShortCode },
        clock.now(),
      );
    }
  }
  if (previous !== undefined && previous.connectionId !== chosen.connectionId) {
    // Switching organisations: the old connection is no longer ours to use (best effort).
    await connections.xero.oauth
      .deleteConnection(tokens.accessToken, previous.connectionId)
      .catch((error: unknown) =>
        deps.logger.warn(
          { err: error, companyId },
          'xero: could not remove the previous connection',
        ),
      );
  }
  deps.logger.info({ companyId, tenantId: chosen.tenantId }, 'xero: organisation connected');
}

/** DELETE the connection at Xero (§2), then locally; a dead grant still disconnects locally. */
export async function disconnectXero(deps: XeroConnectDeps, companyId: number): Promise<boolean> {
  const { db, box, connections } = deps;
  const current = await getXeroConnection(db, box, companyId);
  if (current === undefined) return false;
  try {
    const accessToken = await connections.xero.tokens.getAccessToken(String(companyId));
    await connections.xero.oauth.deleteConnection(accessToken, current.connectionId);
  } catch (error) {
    deps.logger.warn(
      { err: error, companyId },
      'xero: disconnect at Xero failed; removing locally',
    );
  }
  return deleteXeroConnection(db, companyId);
}

/** The consent's `authentication_event_id` claim (docs/vendors/xero.md §2), to list only its organisations. */
async function authEventOf(tokens: XeroTokenSet): Promise<string | null> {
  // jose is loaded with the first connection: an idle process does not need it.
  const { decodeJwt } = await import('jose');
  try {
    const claim = decodeJwt(tokens.accessToken)['authentication_event_id'];
    return typeof claim === 'string' ? claim : null;
  } catch {
    return null;
  }
}
