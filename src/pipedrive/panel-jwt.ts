import type { Clock } from '../clock.js';
import type { PanelRefusalCode } from '../errors/catalogue.js';

/**
 * Verifies the `token` Pipedrive puts on JSON-panel and custom-UI requests (docs/vendors/pipedrive.md §7.1,
 * §7.4): HS256 signed with the extension's JWT secret (or the app's client secret), payload
 * `{userId, companyId}`, with an `exp` (required here) no more than an hour away. The ids must equal the request's query ids — a valid token from one
 * company must not open another's data (invariant 5). Refusals are values.
 */

/**
 * The longest a token may be good for, counted from its `iat` (or from now, for `exp`). Pipedrive's
 * custom-UI tokens live 5 minutes (§7.4); a panel token's lifetime is unconfirmed, so this bounds
 * it generously while refusing a token minted to last for days.
 */
export const PANEL_TOKEN_MAX_AGE_SECONDS = 3600;

export type PanelTokenResult =
  | { ok: true; companyId: number; userId: number }
  | { ok: false; refusal: { code: PanelRefusalCode; message: string } };

export async function verifyPanelToken(
  token: string,
  secret: string,
  query: { companyId: number | string; userId: number | string },
  clock: Clock,
): Promise<PanelTokenResult> {
  // jose is loaded with the first panel request: an idle process does not need it.
  const { errors, jwtVerify } = await import('jose');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      currentDate: clock.now(),
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return refuse('panel_token_expired', 'token expired');
    return refuse('panel_token_invalid', 'token signature or format is invalid');
  }
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  const issuedAt = typeof payload['iat'] === 'number' ? payload['iat'] : nowSeconds;
  const expires = typeof payload['exp'] === 'number' ? payload['exp'] : 0;
  if (
    expires - Math.min(issuedAt, nowSeconds) > PANEL_TOKEN_MAX_AGE_SECONDS ||
    nowSeconds - issuedAt > PANEL_TOKEN_MAX_AGE_SECONDS
  ) {
    return refuse('panel_token_invalid', 'token lives longer than an hour');
  }
  const companyId = Number(payload['companyId']);
  const userId = Number(payload['userId']);
  if (!Number.isInteger(companyId) || !Number.isInteger(userId)) {
    return refuse('panel_token_invalid', 'token carries no companyId/userId');
  }
  if (String(companyId) !== String(query.companyId) || String(userId) !== String(query.userId)) {
    return refuse('panel_company_mismatch', 'token ids do not match the request');
  }
  return { ok: true, companyId, userId };
}

function refuse(code: PanelRefusalCode, message: string): PanelTokenResult {
  return { ok: false, refusal: { code, message } };
}
