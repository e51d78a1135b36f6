/**
 * Validation of `POST /api/v1/webhooks` bodies (docs/vendors/pipedrive.md §5.1, SPEC-V1 `addWebhookRequest`).
 * Pure. Errors are collected per field in the 400 shape
 * `{"status":"error","success":false,"errors":{"subscription_url":["invalid or non-reachable URL"]}}`;
 * only that one message is documented, the others are the sandbox's own wording.
 */
export const WEBHOOK_ACTIONS = ['create', 'change', 'delete', '*'] as const;
export const WEBHOOK_OBJECTS = [
  'activity',
  'deal',
  'lead',
  'note',
  'organization',
  'person',
  'pipeline',
  'product',
  'stage',
  'user',
  '*',
] as const;

export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];
export type WebhookObject = (typeof WEBHOOK_OBJECTS)[number];

export interface WebhookCreateInput {
  subscriptionUrl: string;
  eventAction: WebhookAction;
  eventObject: WebhookObject;
  name: string;
  userId?: number;
  httpAuthUser: string | null;
  httpAuthPassword: string | null;
  version: '2.0';
}

export type WebhookCreateResult =
  { ok: true; value: WebhookCreateInput } | { ok: false; errors: Record<string, string[]> };

export function parseWebhookCreate(body: unknown): WebhookCreateResult {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
  const isBlank = (value: unknown) => value === undefined || value === null || value === '';

  const url = input.subscription_url;
  if (isBlank(url)) fail('subscription_url', 'subscription_url is required');
  else if (typeof url !== 'string' || !isAcceptableUrl(url))
    fail('subscription_url', 'invalid or non-reachable URL');

  const action = input.event_action;
  if (isBlank(action)) fail('event_action', 'event_action is required');
  else if (!WEBHOOK_ACTIONS.includes(action as WebhookAction)) {
    fail('event_action', `event_action must be one of: ${WEBHOOK_ACTIONS.join(', ')}`);
  }
  const object = input.event_object;
  if (isBlank(object)) fail('event_object', 'event_object is required');
  else if (!WEBHOOK_OBJECTS.includes(object as WebhookObject)) {
    fail('event_object', `event_object must be one of: ${WEBHOOK_OBJECTS.join(', ')}`);
  }

  const name = input.name;
  if (isBlank(name)) fail('name', 'name is required');
  else if (typeof name !== 'string' || name.length > 255)
    fail('name', 'name must be a string of at most 255 characters');

  const userId = isBlank(input.user_id) ? undefined : Number(input.user_id);
  if (userId !== undefined && !(Number.isInteger(userId) && userId > 0))
    fail('user_id', 'user_id must be a positive integer');

  for (const field of ['http_auth_user', 'http_auth_password'] as const) {
    if (!isBlank(input[field]) && typeof input[field] !== 'string')
      fail(field, `${field} must be a string`);
  }

  const version = isBlank(input.version) ? '2.0' : input.version;
  if (version === '1.0') fail('version', 'the sandbox delivers only version 2.0 payloads');
  else if (version !== '2.0') fail('version', 'version must be one of: 1.0, 2.0');

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      subscriptionUrl: url as string,
      eventAction: action as WebhookAction,
      eventObject: object as WebhookObject,
      name: name as string,
      ...(userId !== undefined && { userId }),
      httpAuthUser: isBlank(input.http_auth_user) ? null : (input.http_auth_user as string),
      httpAuthPassword: isBlank(input.http_auth_password)
        ? null
        : (input.http_auth_password as string),
      version: '2.0',
    },
  };
}

/** http(s), absolute, and not a Pipedrive endpoint (§5.1). Loopback is allowed: the app runs locally. */
function isAcceptableUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return host !== 'pipedrive.com' && !host.endsWith('.pipedrive.com');
}

/** Whether a subscription's action/object (each possibly `*`) covers a change. */
export function subscriptionMatches(
  subscription: { eventAction: WebhookAction; eventObject: WebhookObject },
  change: { action: string; entity: string },
): boolean {
  return (
    (subscription.eventAction === '*' || subscription.eventAction === change.action) &&
    (subscription.eventObject === '*' || subscription.eventObject === change.entity)
  );
}
