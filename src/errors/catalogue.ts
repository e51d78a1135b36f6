/**
 * Every code a user or operator can see, in one place (the way fastify keeps lib/errors.js): an
 * AppError's `code`, an HTTP answer's `error.code`, a run's `reasonCode`, a refusal of the mapping,
 * a stop written to a deal note. Each entry says the HTTP status when the code reaches a route, whether
 * the job queue retries it, and what it means in plain words.
 *
 * The rest of the app takes its facts from here: `ErrorCode` types AppError's `code` (an uncatalogued
 * code does not compile), the code unions of each boundary are the keys of their group below, an
 * AppError's default `retryable` is its entry's `retried`, and http/error-handler.ts answers with its
 * entry's `status`. docs/errors.md is generated from `chapters` (`npm run docs:errors`). One file on
 * purpose: it is a single table, read and edited as one.
 */

/** The statuses the app answers errors with. */
export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 502 | 503;

export interface CodeEntry {
  /**
   * The HTTP status when the code reaches a route; null when it never should (a route that meets
   * it anyway answers `500 internal_error`, without the message).
   */
  readonly status: HttpStatus | null;
  /** A status one route answers instead, for the reason `meaning` gives. */
  readonly alsoStatus?: HttpStatus;
  /**
   * Whether the job queue tries again by itself: the default `retryable` of an AppError with this
   * code. 'sometimes': not by default; the throw site decides, for the reason `meaning` gives.
   */
  readonly retried: boolean | 'sometimes';
  /** For users and operators: what happened and what to do, in plain words. */
  readonly meaning: string;
}

type Group = Readonly<Record<string, CodeEntry>>;

/** Answers of the HTTP edge (http/): intake, the API, and what every route may answer. */
const intake = {
  webhook_unauthorized: {
    status: 401,
    retried: false,
    meaning:
      "A Pipedrive webhook came without the company's Basic credentials (or for a company that is not installed). Nothing was stored.",
  },
  webhook_invalid: {
    status: 400,
    retried: false,
    meaning:
      'The body is JSON but not a Pipedrive webhooks v2 event; `details` names every problem. Nothing was stored.',
  },
  webhook_company_mismatch: {
    status: 400,
    retried: false,
    meaning: "The event's `meta.company_id` is not the company of the URL. Nothing was stored.",
  },
  invalid_json: {
    status: 400,
    retried: false,
    meaning: 'The body is not valid JSON; fix it and send it again.',
  },
  unsupported_media_type: {
    status: 415,
    retried: false,
    meaning: 'Send `application/json` (or a form, for the HTML forms).',
  },
  body_too_large: {
    status: 413,
    retried: false,
    meaning: "The body is over Fastify's limit (1 MiB); send less.",
  },
  request_invalid: {
    status: 400,
    retried: false,
    meaning:
      'A parameter, query or body field is missing or malformed; `details` names each. (A refusal of Fastify itself keeps its own 4xx status.)',
  },
  access_denied: {
    status: 401,
    alsoStatus: 403,
    retried: false,
    meaning:
      'A company route without a way in: a page without a session (sign in through Pipedrive), an API call without a valid API key, or (403) a session, key or token of another company. docs/access.md says how each route is opened.',
  },
  csrf_invalid: {
    status: 403,
    retried: false,
    meaning:
      "A form or a session's unsafe request without the page's CSRF token (or with another session's); reload the page and submit again. Nothing was changed.",
  },
  not_company_admin: {
    status: 403,
    retried: false,
    meaning:
      "Only an admin of the Pipedrive company may install the app, reconnect it, or open its settings; Pipedrive says this user is not one. The company's grant is kept.",
  },
  route_not_found: {
    status: 404,
    retried: false,
    meaning: 'No such route (method and path); docs/access.md lists every route.',
  },
  rate_limited: {
    status: 429,
    retried: false,
    meaning:
      'Too many requests for this company (or this address) in a minute; wait for `Retry-After` seconds.',
  },
  company_not_found: {
    status: 404,
    retried: false,
    meaning: 'The company has not installed the app (or uninstalled it); install it again.',
  },
  run_not_found: {
    status: 404,
    retried: false,
    meaning: 'No such run for this company.',
  },
  run_not_replayable: {
    status: 409,
    retried: false,
    meaning:
      'Only failed runs and runs waiting for a fix can be replayed; a succeeded run already has its document.',
  },
  settings_invalid: {
    status: 400,
    alsoStatus: 409,
    retried: false,
    meaning:
      'Settings failed the schema; `details` names every problem as `path: message`, unknown keys too. Reading stored settings that no longer pass answers 409; jobs stop with this code until valid settings are saved.',
  },
  settings_unknown_xero_codes: {
    status: 400,
    retried: false,
    meaning:
      'Settings name an account code, tax type, currency or item the connected Xero organisation does not have (or has archived/deleted); `details` names each.',
  },
  settings_unknown_pipedrive_fields: {
    status: 400,
    retried: false,
    meaning:
      "Settings name a custom field (a 40-hex key) the company's Pipedrive has no such field for; `details` names each.",
  },
  store_unavailable: {
    status: 503,
    retried: true,
    meaning:
      'The database cannot be used now (PostgreSQL down, restarting or failing over; SQLite locked, disk full). Sent with `Retry-After`; jobs retry it.',
  },
  internal_error: {
    status: 500,
    retried: true,
    meaning: 'A bug on our side; the log has the details. A run that fails this way is retried.',
  },
} as const satisfies Group;

/** Installing the app in Pipedrive and connecting a Xero organisation. */
const connecting = {
  oauth_state_invalid: {
    status: 400,
    retried: false,
    meaning:
      'An OAuth callback whose `state` we did not issue to this browser, already used, or expired (15 minutes). Start the install, sign-in or connect again.',
  },
  oauth_code_invalid: {
    status: 400,
    retried: false,
    meaning:
      'The vendor refused the OAuth `code` (used already, expired, or issued for another app). Start the install, sign-in or connect again.',
  },
  oauth_code_missing: {
    status: 400,
    retried: false,
    meaning: 'The OAuth callback carried no `code`. Start the install or connect again.',
  },
  pipedrive_install_denied: {
    status: 400,
    retried: false,
    meaning: "The user denied the install on Pipedrive's consent page.",
  },
  uninstall_unauthorized: {
    status: 401,
    retried: false,
    meaning: 'An uninstall call without our Pipedrive client credentials; nothing was deleted.',
  },
  xero_connect_denied: {
    status: 400,
    retried: false,
    meaning: "The user cancelled on Xero's consent page.",
  },
  xero_no_organisation: {
    status: 400,
    retried: false,
    meaning: 'The Xero consent authorised no organisation; connect again and pick one.',
  },
  xero_choice_invalid: {
    status: 400,
    retried: false,
    meaning:
      "The organisation picker's answer was altered, or named an organisation not authorised; connect again.",
  },
  xero_choice_expired: {
    status: 400,
    retried: false,
    meaning: 'The organisation picker was answered after 15 minutes; connect again.',
  },
  xero_not_connected: {
    status: 409,
    retried: false,
    meaning:
      'The company has no Xero organisation connected; a run waits for a fix until one is. Connect Xero, then Replay.',
  },
  pipedrive_not_connected: {
    status: 502,
    retried: false,
    meaning: 'The company has no usable Pipedrive grant; install the app again.',
  },
} as const satisfies Group;

/** What an operator meets running the app: configuration, secrets, the store, the queue, the CLI. */
const operations = {
  config_encryption_key_missing: {
    status: null,
    retried: false,
    meaning: '`ENCRYPTION_KEY` is required outside sandbox mode.',
  },
  secret_key_invalid: {
    status: null,
    retried: false,
    meaning: '`ENCRYPTION_KEY` is not 32 bytes of base64 (make one: `openssl rand -base64 32`).',
  },
  secret_unreadable: {
    status: null,
    retried: false,
    meaning:
      'A stored secret could not be decrypted: it was altered, or the encryption key changed. Start with the key the secrets were stored with.',
  },
  store_bad_url: {
    status: null,
    retried: false,
    meaning: '`DATABASE_URL` is not `sqlite:<path>`, `:memory:` or `postgres://…`.',
  },
  store_migration_failed: {
    status: null,
    retried: false,
    meaning: 'A database migration failed; the log names it.',
  },
  store_conflict: {
    status: null,
    retried: true,
    meaning:
      "Two writers claimed the same document row at once; the loser retries and finds the winner's.",
  },
  job_payload_invalid: {
    status: null,
    retried: false,
    meaning: "A job's stored payload no longer fits its contract; the job fails without retrying.",
  },
  app_not_ready: {
    status: 503,
    retried: false,
    meaning:
      '`GET /health/ready`: the database cannot be reached, a migration has not run, or the job queue of this process is not running; the answer lists each check.',
  },
  metrics_disabled: {
    status: 404,
    retried: false,
    meaning:
      '`GET /metrics` is off: set `METRICS_TOKEN` and send it as `Authorization: Bearer <token>` (docs/going-live.md).',
  },
  metrics_unauthorized: {
    status: 401,
    retried: false,
    meaning: '`GET /metrics` without the `METRICS_TOKEN` bearer token, or with another one.',
  },
  company_not_chosen: {
    status: null,
    retried: false,
    meaning:
      'A CLI command needs `--company` (several companies are installed), or none is installed yet.',
  },
} as const satisfies Group;

/** Failed Pipedrive calls (PipedriveApiError); a route that meets one answers 502. */
const pipedriveApi = {
  pipedrive_unauthorized: {
    status: 502,
    retried: false,
    meaning: '401 after a token refresh; the grant no longer works. Install the app again.',
  },
  pipedrive_reauthorization_required: {
    status: 502,
    retried: false,
    meaning:
      'The refresh token was refused (`invalid_grant`): the grant is marked `needs_reauth`; install the app again.',
  },
  pipedrive_forbidden: {
    status: 502,
    retried: false,
    meaning: "402/403: the plan or the user's permissions do not allow the call.",
  },
  pipedrive_not_found: {
    status: 502,
    retried: false,
    meaning: '404/410: the deal, person, organisation or product is gone.',
  },
  pipedrive_bad_request: {
    status: 502,
    retried: false,
    meaning: 'Another 4xx: the request as sent will never succeed.',
  },
  pipedrive_rate_limited: {
    status: 502,
    retried: true,
    meaning: "429 that outlasted the client's own waiting; retried after `Retry-After`.",
  },
  pipedrive_unavailable: {
    status: 502,
    retried: true,
    meaning: '5xx from Pipedrive.',
  },
  pipedrive_network: {
    status: 502,
    retried: true,
    meaning: 'No answer (network failure or timeout).',
  },
  pipedrive_bad_response: {
    status: 502,
    retried: false,
    meaning: 'An answer without the expected JSON envelope or token fields.',
  },
} as const satisfies Group;

/** Refusals of a panel request's JWT (pipedrive/panel-jwt.ts): values, answered as the panel's error. */
const panelRefusals = {
  panel_token_invalid: {
    status: 401,
    retried: false,
    meaning: "A panel request's JWT has a bad signature or shape.",
  },
  panel_token_expired: {
    status: 401,
    retried: false,
    meaning: "A panel request's JWT has expired; reload the panel.",
  },
  panel_action_refused: {
    status: 400,
    retried: false,
    meaning:
      'A panel action (Update, Replay, Preview) could not be done; its message says why in plain words (Xero not connected, nothing to replay, the deal is gone, a bad value).',
  },
  panel_company_mismatch: {
    status: 403,
    retried: false,
    meaning: "A panel request's signed company is not the company asked about (tenant isolation).",
  },
} as const satisfies Group;

/** Failed Xero API calls (XeroApiError); a route that meets one answers 502. */
const xeroApi = {
  xero_unavailable: {
    status: 502,
    retried: true,
    meaning: '5xx, network failure or timeout.',
  },
  xero_rate_limited: {
    status: 502,
    retried: true,
    meaning: "429 that outlasted the client's own waiting; retried after `Retry-After`.",
  },
  xero_validation_failed: {
    status: 502,
    retried: false,
    meaning:
      "400 ValidationException; the run waits for a fix and the deal note quotes Xero's messages.",
  },
  xero_bad_request: {
    status: 502,
    retried: false,
    meaning: 'Another 400 (e.g. an idempotency key reused with another body).',
  },
  xero_unauthorized: {
    status: 502,
    retried: false,
    meaning:
      '401 that a token refresh did not cure (e.g. a missing scope); connect Xero again, then Replay.',
  },
  xero_tenant_forbidden: {
    status: 502,
    retried: false,
    meaning: '403: the organisation is no longer connected to the app; connect it again.',
  },
  xero_not_found: {
    status: 502,
    retried: false,
    meaning: '404: what the call asked for is not in Xero.',
  },
  xero_request_failed: {
    status: 502,
    retried: false,
    meaning: 'Any other status, or an answer without the expected element.',
  },
} as const satisfies Group;

/** Failures at Xero's identity service (XeroAuthError); a route that meets one answers 502. */
const xeroAuth = {
  xero_reauth_required: {
    status: 502,
    retried: false,
    meaning:
      'The refresh token is dead (`invalid_grant`): the connection is marked `needs_reauth` (shown by `status`) and runs wait until Xero is connected again.',
  },
  xero_oauth_failed: {
    status: 502,
    retried: 'sometimes',
    meaning:
      'Another OAuth error (invalid client, bad redirect, a token changed during a refresh); retried when Xero answered 5xx or not at all.',
  },
} as const satisfies Group;

/** Xero's refusals of the records a run writes, as stops with Xero's words. */
const xeroRejections = {
  xero_contact_rejected: {
    status: null,
    retried: false,
    meaning: "Xero would not create the deal's customer as a contact; the note quotes why.",
  },
  xero_item_rejected: {
    status: null,
    retried: false,
    meaning: 'Xero would not create an item for a deal product; the note quotes why.',
  },
} as const satisfies Group;

/** A code that runs, deal notes and events record, that no route answers and no queue retries. */
const recorded = (meaning: string) => ({ status: null, retried: false, meaning }) as const;

/** Refusals of the mapping (sync/mapping/refusal.ts); sync/refusals.ts words each deal note. */
const refusals = {
  deal_has_no_products: recorded(
    'The deal has no enabled products and no value: add products to the deal.',
  ),
  currency_not_enabled: recorded(
    "The deal's currency is not enabled in the Xero organisation: enable it in Xero (Settings → Currencies).",
  ),
  currency_not_base: recorded(
    'Settings allow only the organisation\'s base currency, and the deal is in another: change the deal\'s currency, or set currency handling to "deal".',
  ),
  tax_rate_not_mapped: recorded(
    "No Xero tax type is chosen for a line's tax rate: choose one in the settings (Tax mapping).",
  ),
  tax_type_not_found: recorded(
    'A chosen tax type does not exist in Xero: choose another in the settings (Tax mapping).',
  ),
  tax_type_not_active: recorded(
    'A chosen tax type is archived or deleted in Xero: restore it in Xero, or choose another.',
  ),
  tax_type_not_for_sales: recorded(
    'A chosen tax type cannot be used on sales: choose a sales tax rate in the settings.',
  ),
  tax_rate_mismatch: recorded(
    "A chosen tax type's rate differs from the line's rate: choose a tax type with the line's rate.",
  ),
  account_not_found: recorded(
    'The revenue account code does not exist in Xero: choose an active revenue account in the settings.',
  ),
  account_not_active: recorded(
    'The revenue account is archived in Xero: restore it in Xero, or choose another in the settings.',
  ),
  negative_price: recorded('A product line has a negative price: correct the line on the deal.'),
  invalid_quantity: recorded(
    "A product line's quantity is 0 or less: correct the line on the deal.",
  ),
  quantity_too_precise: recorded(
    'A quantity has more decimals than Xero keeps (4): correct the line on the deal.',
  ),
  invalid_discount: recorded(
    'A discount is negative or larger than what it discounts: correct the line on the deal.',
  ),
  recurring_cycles_unknown: recorded(
    'A recurring product has no number of cycles, and settings bill all cycles: give it a number of cycles, or bill the first period only.',
  ),
  item_not_found: recorded(
    'A product has no Xero item and the item policy does not create one: create the item in Xero, or change the item policy in the settings.',
  ),
  item_code_too_long: recorded(
    "A product code is longer than Xero's 30 characters: shorten it in Pipedrive.",
  ),
  negative_total: recorded("The document's total would be negative: reduce the deal's discounts."),
  total_mismatch: recorded(
    "Xero's total could not be made equal to the deal's to the cent, so nothing was written: add a Rounding account in Xero, or check the deal's discounts.",
  ),
} as const satisfies Group;

/** The other ways a document run ends without a new document (sync/usecases/). */
const runReasons = {
  deal_has_no_customer: recorded(
    'The deal has neither an organisation nor a person to bill: link one to the deal.',
  ),
  deal_not_found: recorded('The deal was deleted in Pipedrive before the run.'),
  contact_ambiguous: recorded(
    'Several active Xero contacts match the customer; the note names them. Archive or merge the extra ones in Xero.',
  ),
  contact_archived: recorded(
    'The matching Xero contact is archived: restore it in Xero, or remove its contact code there.',
  ),
  already_exists: recorded(
    'The document for this trigger already exists; the run reused it (no second document).',
  ),
  document_in_progress: recorded(
    'Another run of the same trigger was creating the document at that moment; nothing was done twice.',
  ),
  run_in_progress: {
    status: null,
    retried: 'sometimes',
    meaning:
      'A second job for the same run started while the first was working on it; it left the run alone, so nothing was done twice. While the first job is still running, the second looks again later and takes the run over if the first will not run again.',
  },
} as const satisfies Group;

/** Contact, item and bulk syncs (sync/usecases/). */
const recordSyncs = {
  contact_not_found: recorded(
    'The Pipedrive organization or person of an "Update" no longer exists.',
  ),
  product_not_found: recorded('The Pipedrive product of an item sync no longer exists.'),
  bulk_bad_cursor: recorded('A bulk sync was resumed with a cursor that is not one of its own.'),
  bulk_sync_interrupted: {
    status: null,
    retried: true,
    meaning:
      'A bulk-sync job stopped between pages because the worker was stopping; the job runs again and continues at the saved page.',
  },
} as const satisfies Group;

/** Xero events the document refresh ignores (sync/usecases/refresh-document.ts). */
const xeroEvents = {
  other_tenant: recorded(
    'A Xero event for an organisation the company is not connected to; ignored.',
  ),
  category_not_handled: recorded('A Xero event of a category the app does not act on; ignored.'),
  not_our_document: recorded('A Xero event about an invoice this app did not create; ignored.'),
  missing_in_xero: recorded('A Xero event about an invoice that is no longer in Xero; ignored.'),
  stale_read: recorded('A Xero event older than the copy of the invoice already stored; ignored.'),
} as const satisfies Group;

export const catalogue = {
  ...intake,
  ...connecting,
  ...operations,
  ...pipedriveApi,
  ...panelRefusals,
  ...xeroApi,
  ...xeroAuth,
  ...xeroRejections,
  ...refusals,
  ...runReasons,
  ...recordSyncs,
  ...xeroEvents,
};

export type ErrorCode = keyof typeof catalogue;
export type PipedriveErrorCode = keyof typeof pipedriveApi;
export type PanelRefusalCode = keyof typeof panelRefusals;
export type XeroErrorCode = keyof typeof xeroApi;
export type XeroAuthErrorCode = keyof typeof xeroAuth;
export type RefusalCode = keyof typeof refusals;
export type RefreshIgnoredCode = keyof typeof xeroEvents;

/** The codes a route answers with a status of their own (the others become `internal_error`). */
export type AnsweredCode = {
  [C in ErrorCode]: (typeof catalogue)[C]['status'] extends null ? never : C;
}[ErrorCode];

/** The statuses an HttpError with code `C` may carry: its entry's `status` and `alsoStatus`. */
export type HttpStatusOf<C extends ErrorCode> =
  | Exclude<(typeof catalogue)[C]['status'], null>
  | ((typeof catalogue)[C] extends { alsoStatus: infer S } ? S : never);

const entries: Readonly<Record<ErrorCode, CodeEntry>> = catalogue;

/** The status a route answers `code` with, or null when it answers `500 internal_error` instead. */
export function httpStatusOf<C extends ErrorCode>(code: C): (typeof catalogue)[C]['status'] {
  return catalogue[code].status;
}

/** Whether the job queue retries `code` unless the throw site says otherwise. */
export function retriedByDefault(code: ErrorCode): boolean {
  return entries[code].retried === true;
}

/** One section of docs/errors.md: a heading, an optional paragraph, one table. */
export interface Chapter {
  readonly title: string;
  readonly intro?: string;
  readonly groups: readonly Group[];
}

export const chapters: readonly Chapter[] = [
  { title: 'HTTP intake and API', groups: [intake] },
  { title: 'Installing and connecting', groups: [connecting] },
  { title: 'Configuration, store, secrets and jobs', groups: [operations] },
  { title: 'Pipedrive API', groups: [pipedriveApi, panelRefusals] },
  { title: 'Xero API', groups: [xeroApi, xeroAuth, xeroRejections] },
  {
    title: 'Runs: why a deal did not become a document',
    intro:
      'Refusals of the mapping (values, not errors: see `src/sync/mapping/refusal.ts`) and the other reasons a document run ends without a new document. Each is written to the deal as a plain-words note with a Replay link (`src/sync/refusals.ts`).',
    groups: [refusals, runReasons],
  },
  {
    title: 'Contact, item and bulk syncs; Xero document events',
    groups: [recordSyncs, xeroEvents],
  },
];
