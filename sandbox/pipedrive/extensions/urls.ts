/**
 * The URLs Pipedrive opens for app extensions (docs/vendors/pipedrive.md §7.2 link actions, §7.4 custom UI).
 * Pure: callers pass the token in.
 */
export type ExtensionResource = 'deal' | 'person' | 'organization' | 'activity' | 'product';

export interface LinkActionParams {
  /** The action's URL as configured in Developer Hub. */
  url: string;
  resource: ExtensionResource;
  view: 'details' | 'list';
  userId: number;
  companyId: number;
  /** Empty when the user chose "select all" in a list view. */
  selectedIds: number[];
  excludedIds?: number[];
  /** List view filter, e.g. {filter_id: 42} | {user_id: 42} | {everyone: 1}; sent as JSON text. */
  filter?: Record<string, unknown>;
  /** Whether link actions carry a JWT is unconfirmed (§7.2); add one only when asked. */
  token?: string;
}

/** Where Pipedrive's `/app-extensions/actions/:id` redirect lands (§7.2). */
export function buildLinkActionUrl(params: LinkActionParams): string {
  const url = new URL(params.url);
  url.searchParams.set('resource', params.resource);
  url.searchParams.set('view', params.view);
  url.searchParams.set('userId', String(params.userId));
  url.searchParams.set('companyId', String(params.companyId));
  url.searchParams.set('selectedIds', params.selectedIds.join(','));
  if (params.excludedIds !== undefined)
    url.searchParams.set('excludedIds', params.excludedIds.join(','));
  if (params.filter !== undefined) url.searchParams.set('filter', JSON.stringify(params.filter));
  if (params.token !== undefined) url.searchParams.set('token', params.token);
  return url.toString();
}

export interface CustomUiParams {
  url: string;
  /** Runtime identifier the SDK reads from `?id=` and echoes in every postMessage. */
  id: string;
  userId: number;
  companyId: number;
  token: string;
  resource: ExtensionResource;
  view: 'details' | 'list';
  selectedIds: number[];
  theme: 'light' | 'dark';
  /** Custom modals opened with `data` get it as stringified JSON (§7.4). */
  data?: Record<string, string>;
}

/** The iframe `src` of a custom UI extension (§7.4). */
export function customUiUrl(params: CustomUiParams): string {
  const url = new URL(params.url);
  url.searchParams.set('id', params.id);
  url.searchParams.set('userId', String(params.userId));
  url.searchParams.set('companyId', String(params.companyId));
  url.searchParams.set('token', params.token);
  url.searchParams.set('resource', params.resource);
  url.searchParams.set('view', params.view);
  url.searchParams.set('selectedIds', params.selectedIds.join(','));
  url.searchParams.set('theme', params.theme);
  if (params.data !== undefined) url.searchParams.set('data', JSON.stringify(params.data));
  return url.toString();
}
