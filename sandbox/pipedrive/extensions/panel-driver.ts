import type { SandboxClock } from '../../common/clock.js';
import { type Deliver, httpDeliver, type OutboundResult } from '../../common/http-delivery.js';
import type { PipedriveAppSeed } from '../world.js';
import { panelSecret, type PanelTokenOptions, signPanelToken } from './panel-jwt.js';
import type { PanelFieldType } from './panel-schema.js';
import {
  type SchemaVerdict,
  validateActionResponse,
  validatePanelResponse,
} from './panel-validate.js';

/**
 * Calls an app's JSON panel or JSON-modal endpoint the way Pipedrive does (docs/vendors/pipedrive.md §7.1,
 * §7.3, §9 item 18) and judges the answer against the documented format.
 */
export interface ExtensionDriverDeps {
  clock: SandboxClock;
  /** Outbound HTTP; default httpDeliver. */
  deliver?: Deliver;
  /** Default 10000 real ms: Pipedrive shows "Something went wrong" after 10 s (§7.1). */
  timeoutMs?: number;
}

/** Ways to spoil the JWT, so tests can prove the app refuses it. */
export type PanelTamper = 'bad-signature' | 'other-company' | 'expired';

export interface PanelCallParams {
  resource: 'deal' | 'person' | 'organization';
  selectedId: number;
  companyId: number;
  userId: number;
  /** True when the viewer has not installed the app; actions are disabled (§7.1). Default false. */
  isShared?: boolean;
  tamper?: PanelTamper;
  /** The panel's declared fields (Developer Hub JSON schema); without them only field shapes are checked. */
  fields?: Record<string, PanelFieldType>;
}

export interface ExtensionCallResult extends SchemaVerdict {
  url: string;
  status: number | null;
  error?: string;
  body: unknown;
  token: string;
}

export async function callJsonPanel(
  app: PipedriveAppSeed,
  params: PanelCallParams,
  deps: ExtensionDriverDeps,
): Promise<ExtensionCallResult> {
  const panelUrl = app.panelUrls?.[params.resource];
  if (panelUrl === undefined)
    throw new Error(`app ${app.clientId} has no JSON panel for ${params.resource}`);
  const token = await tamperedToken(app, params, deps.clock);
  const url = new URL(panelUrl);
  url.searchParams.set('resource', params.resource);
  url.searchParams.set('view', 'details');
  url.searchParams.set('userId', String(params.userId));
  url.searchParams.set('companyId', String(params.companyId));
  url.searchParams.set('selectedIds', String(params.selectedId));
  url.searchParams.set('isShared', String(params.isShared ?? false));
  url.searchParams.set('token', token);
  const result = await (deps.deliver ?? httpDeliver)({
    method: 'GET',
    url: url.toString(),
    headers: { accept: 'application/json' },
    timeoutMs: deps.timeoutMs ?? 10_000,
  });
  return judge(url.toString(), token, result, (status, body) =>
    validatePanelResponse(status, body, params.fields),
  );
}

export interface PanelActionParams {
  /** The JSON modal's endpoint as configured in Developer Hub. */
  url: string;
  resource: 'deal' | 'person' | 'organization';
  selectedId: number;
  companyId: number;
  userId: number;
  /** The submitted form values. */
  values: Record<string, unknown>;
  tamper?: PanelTamper;
}

/** A JSON-modal submission: ids in the query, form values as the JSON body (§7.3). */
export async function callPanelAction(
  app: PipedriveAppSeed,
  params: PanelActionParams,
  deps: ExtensionDriverDeps,
): Promise<ExtensionCallResult> {
  const token = await tamperedToken(app, params, deps.clock);
  const url = new URL(params.url);
  url.searchParams.set('resource', params.resource);
  url.searchParams.set('view', 'details');
  url.searchParams.set('userId', String(params.userId));
  url.searchParams.set('companyId', String(params.companyId));
  url.searchParams.set('selectedIds', String(params.selectedId));
  url.searchParams.set('token', token);
  const result = await (deps.deliver ?? httpDeliver)({
    method: 'POST',
    url: url.toString(),
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params.values),
    timeoutMs: deps.timeoutMs ?? 10_000,
  });
  return judge(url.toString(), token, result, validateActionResponse);
}

function tamperedToken(
  app: PipedriveAppSeed,
  params: { companyId: number; userId: number; tamper?: PanelTamper },
  clock: SandboxClock,
): Promise<string> {
  const identity = { userId: params.userId, companyId: params.companyId };
  const options: PanelTokenOptions = {};
  if (params.tamper === 'bad-signature') options.secret = `${panelSecret(app)}-not-the-secret`;
  if (params.tamper === 'other-company') identity.companyId = params.companyId + 1;
  if (params.tamper === 'expired') options.backdateSeconds = 600;
  return signPanelToken(app, identity, clock, options);
}

function judge(
  url: string,
  token: string,
  result: OutboundResult,
  validate: (status: number, body: unknown) => SchemaVerdict,
): ExtensionCallResult {
  const base = {
    url,
    token,
    status: result.status,
    ...(result.error !== undefined && { error: result.error }),
  };
  if (result.status === null) {
    return {
      ...base,
      body: null,
      valid: false,
      errors: [`/ no response within the deadline (${result.error})`],
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(result.body);
  } catch {
    return { ...base, body: result.body, valid: false, errors: ['/ body is not JSON'] };
  }
  return { ...base, body, ...validate(result.status, body) };
}
