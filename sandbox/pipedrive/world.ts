/**
 * The seams between the Pipedrive sandbox's parts. The API part (OAuth, v1/v2 routes, rate limits,
 * companies and their data) announces every change as a `PipedriveChange`; the webhooks part turns
 * changes into v2 webhook deliveries; the extensions part calls the app's panel/action URLs.
 */

export type PipedriveEntity =
  'deal' | 'person' | 'organization' | 'product' | 'note' | 'activity' | 'pipeline' | 'stage';

/** One create/change/delete of an entity, as the webhooks v2 payload needs it. */
export interface PipedriveChange {
  companyId: number;
  userId: number;
  entity: PipedriveEntity;
  action: 'create' | 'change' | 'delete';
  entityId: number;
  /** The entity after the change, in webhook v2 `data` shape (null on delete). */
  data: Record<string, unknown> | null;
  /** Only the changed fields' previous values on change; the last state on delete; null on create. */
  previous: Record<string, unknown> | null;
  /** 'api' for API writes, 'app' for edits made through the control API ("the UI"). */
  changeSource: 'api' | 'app';
  atMs: number;
}

export type PipedriveChangeListener = (change: PipedriveChange) => void;

/** An app registered in Pipedrive's Developer Hub. */
export interface PipedriveAppSeed {
  clientId: string;
  clientSecret: string;
  name: string;
  /** The app's OAuth callback; also receives the uninstall DELETE. */
  callbackUrl: string;
  /** JSON panel / custom UI endpoints the sandbox can call like Pipedrive does. */
  panelUrls?: Partial<Record<'deal' | 'person' | 'organization', string>>;
  /** HS256 secret for panel JWTs; client_secret when absent, as in Pipedrive. */
  jwtSecret?: string;
  scopes: string[];
}
