import { DOCUMENT_KIND, type DocumentKind, type LabelColor } from '../document-kinds.js';

/**
 * The building blocks of Pipedrive JSON-panel bodies (docs/vendors/pipedrive.md §7.1): the field types, each
 * panel's declaration (what Developer Hub must list, with exactly these types), the object limits,
 * and the values every panel shows the same way (amounts, links, status labels). Pure.
 */

export type PanelFieldType =
  'text' | 'numerical' | 'date' | 'date-time' | 'link' | 'currency' | 'label';

export type Currency = { code: string; value: number };
export type Label = { color: LabelColor; label: string };
export type Link = { label: string; value: string; external: true };
export type Text = string | { markdown: true; value: string };
export type Field = Currency | Label | Link | Text | number;

export interface PanelObject {
  id: string;
  header: string;
  [field: string]: Field;
}

export interface PanelBody {
  data: PanelObject[];
  external_link?: { url: string; label: string };
}

export interface PanelError {
  /** > 300: Pipedrive then shows the error state (docs/vendors/pipedrive.md §7.1). */
  status: number;
  body: { error: { title: string; subtitle: string; action: { url: string; label: string } } };
}

/** The customer (organization / person) panel's declaration. */
export const CONTACT_PANEL_FIELDS = {
  outstanding: 'currency',
  overdue: 'currency',
  paid_last_12_months: 'currency',
  overdue_invoices: 'numerical',
  status: 'label',
  date: 'date',
  due_date: 'date',
  total: 'currency',
  amount_due: 'currency',
  xero_link: 'link',
  note: 'text',
} as const satisfies Record<string, PanelFieldType>;

/** The deal panel's declaration. */
export const DEAL_PANEL_FIELDS = {
  status: 'label',
  total: 'currency',
  amount_due: 'currency',
  due_date: 'date',
  xero_link: 'link',
  outcome: 'label',
  reason: 'text',
  when: 'date-time',
  replay_link: 'link',
} as const satisfies Record<string, PanelFieldType>;

/** docs/vendors/pipedrive.md §7.1: at most 10 objects per panel. */
export const MAX_PANEL_OBJECTS = 10;
/** Pipedrive truncates text at 255 characters; cut it ourselves, visibly. */
const MAX_TEXT = 255;

/** What the panels link to (AppLinks fits). */
export interface PanelLinks {
  xeroDocumentUrl(shortCode: string | null, kind: DocumentKind, id: string): string;
}

// Panels show amounts; the JSON format only has numbers. Decimal text → number for display only.
export const currency = (code: string, amount: string): Currency => ({
  code,
  value: Number(amount),
});
export const external = (label: string, url: string): Link => ({
  label,
  value: url,
  external: true,
});
export const text = (value: string): string =>
  value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;

const OVERDUE: Label = { color: 'red', label: 'Overdue' };

/** The status label of a document (document-kinds.ts): PAID green, DRAFT grey, overdue red. */
export function statusLabel(kind: DocumentKind, status: string, overdue = false): Label {
  if (overdue) return OVERDUE;
  const statuses: Readonly<Record<string, Label>> = DOCUMENT_KIND[kind].statuses;
  return statuses[status] ?? { color: 'grey', label: text(status).slice(0, 40) };
}

export const documentTitle = (kind: DocumentKind, number: string | null) =>
  `${DOCUMENT_KIND[kind].title} ${number ?? '(no number yet)'}`;
