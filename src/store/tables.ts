import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

import type { ErrorCode } from '../errors/catalogue.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../sync/document-kinds.js';

/**
 * The database as Kysely sees it. Columns are snake_case; repositories map rows to camelCase domain
 * objects. Every table but `jobs` and `worker_heartbeats` (processes, not tenants) is scoped by
 * `company_id` (invariant 5); an `oauth_states` row of an install names its company only once
 * Pipedrive has said which it is.
 *
 * Portable column types, so one set of migrations serves SQLite and PostgreSQL:
 * - timestamps are ISO-8601 UTC text (`Date#toISOString()`): same comparison and ordering on both
 *   dialects, and no driver-specific Date parsing;
 * - JSON is text, parsed by the repository that owns it;
 * - amounts are decimal text (never binary floats — docs/money.md);
 * - generated ids are UUID text made by the app, not dialect-specific sequences.
 *
 * Repositories (repos/) are plain functions over a `db`, one statement each, each mapping its rows
 * to the domain's names (rowTo…). Their query chains look alike across files on purpose: each names
 * its own table, columns and conditions, which Kysely checks against these types, and a shared
 * query helper would hide exactly that.
 */
export interface Database {
  companies: CompaniesTable;
  pipedrive_connections: PipedriveConnectionsTable;
  xero_connections: XeroConnectionsTable;
  inbox_events: InboxEventsTable;
  runs: RunsTable;
  documents: DocumentsTable;
  contact_links: ContactLinksTable;
  item_links: ItemLinksTable;
  usage: UsageTable;
  jobs: JobsTable;
  bulk_syncs: BulkSyncsTable;
  creation_locks: CreationLocksTable;
  deal_notes: DealNotesTable;
  catch_up_state: CatchUpStateTable;
  trigger_firings: TriggerFiringsTable;
  worker_heartbeats: WorkerHeartbeatsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  oauth_states: OAuthStatesTable;
  xero_rate_budgets: XeroRateBudgetsTable;
  xero_rate_slots: XeroRateSlotsTable;
  xero_org_references: XeroOrgReferencesTable;
  xero_org_items: XeroOrgItemsTable;
}

export interface CompaniesTable {
  /** Pipedrive company id. */
  id: number;
  domain: string;
  api_domain: string;
  installed_at: string;
  /** Settings JSON (sync/settings.ts validates it on write and read). */
  settings: string;
  /** Basic-auth user Pipedrive sends with our webhooks. */
  webhook_user: string | null;
  /** The matching password, sealed with the SecretBox (we must resend it when re-registering). */
  webhook_password_enc: string | null;
}

export type ConnectionStatus = 'active' | 'needs_reauth';

export interface PipedriveConnectionsTable {
  company_id: number;
  user_id: number;
  access_token_enc: string;
  refresh_token_enc: string;
  expires_at: string;
  status: ConnectionStatus;
  created_at: string;
  updated_at: string;
}

export interface XeroConnectionsTable {
  /** Primary key: exactly one Xero organisation per Pipedrive company. */
  company_id: number;
  tenant_id: string;
  tenant_name: string;
  short_code: string | null;
  connection_id: string;
  auth_event_id: string | null;
  access_token_enc: string;
  refresh_token_enc: string;
  access_expires_at: string;
  status: ConnectionStatus;
  /** Bumped on every token rotation; writers compare it (optimistic concurrency, invariant 3). */
  token_version: number;
  created_at: string;
  updated_at: string;
}

export type EventSource = 'pipedrive' | 'xero';

export interface InboxEventsTable {
  id: string;
  company_id: number;
  source: EventSource;
  /** Dedupe key: Pipedrive `meta.id`, or a key computed from the event (unique per company+source). */
  event_key: string;
  payload: string;
  received_at: string;
  processed_at: string | null;
  outcome: string | null;
}

/** A run makes a deal's document, or syncs one contact or item. */
export const RUN_KINDS = [...DOCUMENT_KINDS, 'contact', 'item'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const RUN_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'waiting_fix',
  'ignored',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunsTable {
  id: string;
  company_id: number;
  deal_id: number | null;
  trigger_key: string | null;
  kind: RunKind;
  status: RunStatus;
  attempt: number;
  /** A catalogued code (errors/catalogue.ts), written through RunPatch only. */
  reason_code: ErrorCode | null;
  message: string | null;
  /** JSON, secrets redacted before it gets here. */
  request_summary: string | null;
  response_summary: string | null;
  replay_of: string | null;
  /** The queue job that moved it to running (migration 0011); null until one did. */
  job_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentsTable {
  company_id: number;
  deal_id: number;
  trigger_key: string;
  /** Null while the document is claimed but Xero has not answered yet. */
  xero_id: string | null;
  number: string | null;
  type: DocumentKind;
  status: string;
  reference: string;
  currency: string;
  /** Decimal text, e.g. "115.00". */
  subtotal: string | null;
  total_tax: string | null;
  total: string | null;
  url: string | null;
  tenant_id: string;
  created_at: string;
  updated_at: string;
  /** From Xero after creation (migration 0003): decimal text, or null until Xero told us. */
  amount_due: string | null;
  /** `YYYY-MM-DD`. */
  due_date: string | null;
  /** `YYYY-MM-DD`: Xero's FullyPaidOnDate. */
  fully_paid_on: string | null;
  /** Xero's UpdatedDateUTC of the copy we hold; an older read never overwrites it. */
  xero_updated_at: string | null;
  /** When the "paid in full" deal note was claimed: it is written once. */
  paid_noted_at: string | null;
}

export type PipedriveContactKind = 'organization' | 'person';

export interface ContactLinksTable {
  company_id: number;
  /** Links belong to one Xero organisation; reconnecting another org must not reuse them. */
  tenant_id: string;
  pipedrive_kind: PipedriveContactKind;
  pipedrive_id: number;
  xero_contact_id: string;
  updated_at: string;
}

export interface ItemLinksTable {
  company_id: number;
  tenant_id: string;
  product_id: number;
  xero_item_code: string;
  xero_item_id: string;
  updated_at: string;
}

export interface UsageTable {
  company_id: number;
  /** 'YYYY-MM' (UTC). */
  month: string;
  documents_created: number;
}

export type JobStatus = 'pending' | 'running' | 'failed';

/** The embedded queue's durable jobs (queue/embedded.ts); succeeded jobs are deleted. */
export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  job_key: string | null;
  status: JobStatus;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** What a bulk sync sends to Xero: every organization and person, or every product. */
export const BULK_SYNC_WHATS = ['customers', 'products'] as const;
export type BulkSyncWhat = (typeof BULK_SYNC_WHATS)[number];
export type BulkSyncStatus = 'running' | 'completed';

/** Progress of a company's bulk sync into one Xero organisation, so an interrupted one resumes. */
export interface BulkSyncsTable {
  company_id: number;
  tenant_id: string;
  what: BulkSyncWhat;
  /** This pass's id (a UUID); new for each pass from the start, kept across resumes. */
  run_id: string;
  status: BulkSyncStatus;
  /** Where the next page starts (opaque, see sync/usecases/bulk-sync.ts); null once completed. */
  cursor: string | null;
  done: number;
  /** JSON: the records that failed, with code and plain-words message. */
  failed: string;
  started_at: string;
  updated_at: string;
}

export type WebhookHealthStatus = 'ok' | 're-created' | 'failing';
export type CatchUpStatus = 'ok' | 'failed';

/** The periodic catch-up of one company (migration 0006, services/catch-up.ts). */
export interface CatchUpStateTable {
  company_id: number;
  /** Deals updated up to this moment have been reconciled; null: not yet (start at install). */
  checked_until: string | null;
  /** A check holds the company until then, so one runs at a time across processes. */
  lease_until: string | null;
  webhook_status: WebhookHealthStatus | null;
  webhook_reason: string | null;
  webhook_id: number | null;
  webhook_checked_at: string | null;
  /** Pipedrive's `last_delivery_time` and `last_http_status` of the webhook, as last read. */
  webhook_last_delivery_at: string | null;
  webhook_last_http_status: number | null;
  /** When the webhook was last found banned, deleted or pointing elsewhere and made again. */
  webhook_recreated_at: string | null;
  last_run_at: string | null;
  last_status: CatchUpStatus | null;
  last_error: string | null;
  deals_examined: Generated<number>;
  runs_started: Generated<number>;
}

export type FiringSource = 'webhook' | 'catch-up';

/** The last firing of each trigger of a deal and the run that handles it (migration 0006). */
export interface TriggerFiringsTable {
  company_id: number;
  deal_id: number;
  trigger_key: string;
  /** When the deal entered the stage or was won, in Pipedrive's time. */
  fired_at: string;
  run_id: string;
  source: FiringSource;
  updated_at: string;
}

export type DealNoteStatus = 'pending' | 'sending' | 'sent' | 'dropped' | 'failed';

/** The notes outbox (migration 0005; states in sync/usecases/deliver-deal-note.ts). */
export interface DealNotesTable {
  /** A UUID, also the marker in the note's link that finds the note in Pipedrive again. */
  id: string;
  company_id: number;
  deal_id: number;
  /** What the note is about, one note each: `run:<run id>` or `paid:<Xero invoice id>`. */
  topic: string;
  /** The run whose outcome the note tells; null for the paid note. */
  run_id: string | null;
  /** The note's HTML. */
  content: string;
  status: DealNoteStatus;
  /** Deliveries started. */
  attempts: number;
  /** When the next delivery is due; the sweep hands over notes overdue and not leased. */
  next_attempt_at: string;
  /** The job delivering it, until locked_until. */
  locked_by: string | null;
  locked_until: string | null;
  pipedrive_note_id: number | null;
  /** Why the last delivery failed, or why the note was dropped. */
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * A claim on creating one Xero record (migration 0004): held by `owner` until it is released or
 * `expires_at` passes, whichever comes first (store/repos/creation-locks.ts).
 */
export interface CreationLocksTable {
  company_id: number;
  tenant_id: string;
  /** What is being created, e.g. `contact:organization:5` or `item:WIDGET-1`. */
  name: string;
  /** A random id per acquisition; only the holder releases. */
  owner: string;
  expires_at: string;
}

/** A graphile-worker pool's sign of life (store/repos/worker-heartbeats.ts). */
export interface WorkerHeartbeatsTable {
  /** graphile-worker's pool id, what it writes into `locked_by` of the jobs it takes. */
  worker_id: string;
  /** The database's clock, so that workers on different hosts agree on the age. */
  last_seen: string;
}

/** A person's signed-in session (services/sessions.ts); the cookie holds the id, we its SHA-256. */
export interface SessionsTable {
  id_hash: string;
  company_id: number;
  /** The Pipedrive user, an admin of the company when the session was made. */
  user_id: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** A machine's API key of one company (services/api-keys.ts), stored as its SHA-256. */
export interface ApiKeysTable {
  /** Short public id, shown by `keys list` and used by `keys revoke`. */
  id: string;
  company_id: number;
  key_hash: string;
  name: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/**
 * An OAuth `state` we issued (services/oauth-states.ts): single use, bound to the browser that
 * started the flow by the SHA-256 of a nonce in its cookie. `company_id` is null for an install
 * (the company is known only after the consent).
 */
export interface OAuthStatesTable {
  state_hash: string;
  browser_hash: string;
  purpose: string;
  company_id: number | null;
  return_to: string | null;
  expires_at: string;
}

/** A Xero rate budget shared by every process (migration 0009, store/repos/xero-rate.ts). */
export interface XeroRateBudgetsTable {
  /** `app`, or `tenant:<Xero tenant id>`. */
  budget_key: string;
  /** Its windows and pause as JSON (xero/rate-budget.ts `Budget`). */
  state: string;
}

/** A Xero call in flight, holding one of its organisation's concurrent slots until its lease ends. */
export interface XeroRateSlotsTable {
  id: string;
  budget_key: string;
  lease_until: string;
}

/** A Xero organisation's reference data as last fetched (migration 0010, repos/org-reference.ts). */
export interface XeroOrgReferencesTable {
  company_id: number;
  tenant_id: string;
  /** The use cases' OrgReference as JSON (sync/org-reference-cache.ts). */
  reference: string;
  /** When it was fetched from Xero: its age is counted from here. */
  fetched_at: string;
}

/** An item read from Xero, trusted until Xero refuses it (migration 0011). */
export interface XeroOrgItemsTable {
  company_id: number;
  tenant_id: string;
  code: string;
  /** The mapping's OrgItem as JSON (code, name, sales details). */
  item: string;
}

/** Rows as Kysely reads (Selectable), inserts and updates them, one alias per use. */
export type CompanyRow = Selectable<CompaniesTable>;
export type XeroConnectionRow = Selectable<XeroConnectionsTable>;
export type PipedriveConnectionRow = Selectable<PipedriveConnectionsTable>;
export type InboxEventRow = Selectable<InboxEventsTable>;
export type RunRow = Selectable<RunsTable>;
export type NewRunRow = Insertable<RunsTable>;
export type RunUpdate = Updateable<RunsTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type JobRow = Selectable<JobsTable>;
export type JobUpdate = Updateable<JobsTable>;
export type CatchUpStateRow = Selectable<CatchUpStateTable>;
export type DealNoteRow = Selectable<DealNotesTable>;
