import { CONTACT_PANEL_FIELDS, DEAL_PANEL_FIELDS } from '../../src/sync/mapping/panels.js';
import { type AppKit, COMPANY, PIPEDRIVE_APP, TENANT_A } from '../support/app-kit.js';

/**
 * Shared by the panel and Xero-webhook tests: the kit's Pipedrive app declared with the app's panel
 * URLs, panel and action calls through the Pipedrive sandbox's driver (which signs the JWT and
 * judges the answer against Pipedrive's format, with the app's declared fields), and Xero API calls
 * with the company's own token (what a user does in Xero).
 */
export async function declarePanels(kit: AppKit): Promise<void> {
  await kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/apps', {
    ...PIPEDRIVE_APP,
    name: 'pipedrive-xero (test)',
    callbackUrl: `${kit.appUrl}/oauth/pipedrive/callback`,
    scopes: ['base', 'deals:full', 'products:read', 'contacts:full', 'admin', 'users:read'],
    panelUrls: {
      organization: `${kit.appUrl}/panels/organization`,
      person: `${kit.appUrl}/panels/person`,
      deal: `${kit.appUrl}/panels/deal`,
    },
  });
}

type Resource = 'organization' | 'person' | 'deal';
type Tamper = 'bad-signature' | 'other-company' | 'expired';

export interface DriverResult {
  status: number | null;
  body: any;
  valid: boolean;
  errors: string[];
}

export function callPanel(
  kit: AppKit,
  resource: Resource,
  selectedId: number,
  options: { tamper?: Tamper; companyId?: number } = {},
): Promise<DriverResult> {
  return kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/panels/call', {
    clientId: PIPEDRIVE_APP.clientId,
    resource,
    selectedId,
    fields: resource === 'deal' ? DEAL_PANEL_FIELDS : CONTACT_PANEL_FIELDS,
    ...options,
  });
}

export function callAction(
  kit: AppKit,
  action: 'update' | 'replay' | 'preview',
  resource: Resource,
  selectedId: number,
  values: Record<string, unknown> = {},
  tamper?: Tamper,
): Promise<DriverResult> {
  return kit.control('pipedrive', 'POST', '/__sandbox/pipedrive/panels/action', {
    clientId: PIPEDRIVE_APP.clientId,
    url: `${kit.appUrl}/panels/actions/${action}`,
    resource,
    selectedId,
    values,
    ...(tamper !== undefined && { tamper }),
  });
}

/** A Xero Accounting API call as the connected company (the user acting in Xero). */
export async function xeroApi(kit: AppKit, method: string, path: string, body: unknown) {
  const token = await kit.app.connections.xero.tokens.getAccessToken(String(COMPANY));
  const response = await fetch(`${kit.xeroUrl}/api.xro/2.0${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'xero-tenant-id': TENANT_A,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** The deal's organization id, as Pipedrive holds it. */
export async function orgOfDeal(kit: AppKit, dealId: number): Promise<number> {
  const deal = await (await kit.app.connections.pipedriveFor(COMPANY)).getDeal(dealId);
  const orgId = deal.org_id;
  if (typeof orgId !== 'number') throw new Error(`deal ${dealId} has no organization`);
  return orgId;
}
