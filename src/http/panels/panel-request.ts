import { z } from 'zod';

import type { Clock } from '../../clock.js';
import { httpStatusOf, type PanelRefusalCode } from '../../errors/catalogue.js';
import { verifyPanelToken } from '../../pipedrive/panel-jwt.js';
import type { PanelResource } from '../../services/panels.js';
import { zodProblems } from '../../zod-problems.js';
import { idParam } from '../access.js';

/**
 * What every panel and panel-action call carries in its query (docs/vendors/pipedrive.md §7.1, §7.3), checked
 * before anything is read: the JWT is verified on EVERY call against the query's companyId and
 * userId (HS256 with the app's client secret — the app declares no separate panel JWT secret, and
 * Pipedrive then signs with the client secret, §7.1), so a valid token of one company never opens
 * another company's data (invariant 5).
 */

const panelQuery = z.object({
  resource: z.enum(['deal', 'person', 'organization']).optional(),
  view: z.string().optional(),
  userId: idParam,
  companyId: idParam,
  // A detail view names one record; the first is the one shown.
  selectedIds: z
    .string()
    .max(2000)
    .regex(/^[1-9]\d{0,15}(,[1-9]\d{0,15})*$/, 'must be ids written in digits')
    .transform((text) => Number(text.split(',')[0]))
    .refine(Number.isSafeInteger, 'is too large'),
  isShared: z.enum(['true', 'false']).optional(),
  token: z.string().min(1).max(4000),
});

export interface PanelCaller {
  companyId: number;
  userId: number;
  selectedId: number;
  /** The viewer has not installed the app: Pipedrive disables actions (§7.1). */
  isShared: boolean;
}

export type PanelRequestResult =
  | { ok: true; caller: PanelCaller }
  | {
      ok: false;
      status: 400 | 401 | 403;
      code: 'request_invalid' | PanelRefusalCode;
      message: string;
    };

/** Parses the query, checks it names `resource` (when given) and verifies its JWT. */
export async function verifyPanelRequest(
  query: unknown,
  expected: readonly PanelResource[],
  secret: string,
  clock: Clock,
): Promise<PanelRequestResult> {
  const parsed = panelQuery.safeParse(query);
  if (!parsed.success) {
    return refused('request_invalid', zodProblems(parsed.error).join('; '));
  }
  const { resource, userId, companyId, selectedIds, isShared, token } = parsed.data;
  if (resource !== undefined && !expected.includes(resource)) {
    const message = `This endpoint serves ${expected.join(' and ')}, not ${resource}`;
    return refused('request_invalid', message);
  }
  const verified = await verifyPanelToken(token, secret, { companyId, userId }, clock);
  if (!verified.ok) {
    return refused(verified.refusal.code, verified.refusal.message);
  }
  return {
    ok: true,
    caller: { companyId, userId, selectedId: selectedIds, isShared: isShared === 'true' },
  };
}

/** A refused call, at the status the catalogue gives its code. */
function refused(code: 'request_invalid' | PanelRefusalCode, message: string): PanelRequestResult {
  return { ok: false, status: httpStatusOf(code), code, message };
}

/** The panel's error state for a refused call (status > 300, title ≤ 30 characters, §7.1). */
export function refusedPanelBody(refusal: { code: string; message: string }) {
  const title = refusal.code === 'request_invalid' ? 'Unexpected request' : 'Access refused';
  return { error: { title, subtitle: `${refusal.message} (${refusal.code})` } };
}
