import { DOCUMENT_KIND, type DocumentKind } from '../document-kinds.js';
import type { FinancialSummary, SummaryDocument } from './financial-summary.js';
import {
  currency,
  documentTitle,
  external,
  type Label,
  MAX_PANEL_OBJECTS,
  type PanelBody,
  type PanelError,
  type PanelLinks,
  type PanelObject,
  statusLabel,
  text,
} from './panel-fields.js';

export {
  CONTACT_PANEL_FIELDS,
  DEAL_PANEL_FIELDS,
  MAX_PANEL_OBJECTS,
  type PanelBody,
  type PanelError,
  type PanelFieldType,
  type PanelLinks,
  type PanelObject,
  statusLabel,
} from './panel-fields.js';

/**
 * Pipedrive JSON-panel bodies (docs/vendors/pipedrive.md §7.1): `{data: [≤10 objects]}`, each object an `id`, a
 * `header` and ≤20 fields of the types declared for the panel in Developer Hub. Pipedrive refuses the
 * whole panel on any undeclared or wrongly typed property (`additionalProperties: false`), so every
 * field below is listed in the panel's declaration (CONTACT_PANEL_FIELDS, DEAL_PANEL_FIELDS) and
 * must be declared with exactly that type. Pure: links and dates come in.
 */

export interface ContactPanelInput {
  contactId: string;
  contactName: string;
  shortCode: string | null;
  /** The contact in Xero (docs/vendors/xero.md §13); shown as the panel's external link when given. */
  contactUrl?: string | undefined;
}

/**
 * The panel's own link opens the contact; each document's link says which document it opens, so
 * no two links of a panel read alike.
 */
const CONTACT_LINK_LABEL = 'Open contact in Xero';
const documentLinkLabel = (kind: DocumentKind) => `View ${DOCUMENT_KIND[kind].noun} in Xero`;

/** The customer panel: totals per currency, then the latest invoices and quotes. */
export function contactPanel(
  summary: FinancialSummary,
  links: PanelLinks,
  contact: ContactPanelInput,
): PanelBody {
  const totals: PanelObject[] = summary.byCurrency.map((entry) => ({
    id: `totals-${entry.currency}`,
    header:
      summary.byCurrency.length === 1
        ? `${contact.contactName} in Xero`
        : `${contact.contactName} in Xero (${entry.currency})`,
    outstanding: currency(entry.currency, entry.outstanding),
    overdue: currency(entry.currency, entry.overdue),
    paid_last_12_months: currency(entry.currency, entry.paidLast12Months),
    overdue_invoices: entry.overdueCount,
  }));
  if (totals.length === 0)
    totals.push({
      id: `contact-${contact.contactId}`,
      header: `${contact.contactName} in Xero`,
      note: 'No invoices yet.',
    });
  const documents = summary.latest.map((doc) => documentObject(doc, links, contact.shortCode));
  return {
    data: [...totals, ...documents].slice(0, MAX_PANEL_OBJECTS),
    ...(contact.contactUrl !== undefined && {
      external_link: { url: contact.contactUrl, label: CONTACT_LINK_LABEL },
    }),
  };
}

function documentObject(
  doc: SummaryDocument,
  links: PanelLinks,
  shortCode: string | null,
): PanelObject {
  return {
    id: `${doc.kind}-${doc.id}`,
    header: documentTitle(doc.kind, doc.number),
    status: statusLabel(doc.kind, doc.status, doc.overdue),
    ...(doc.date !== null && { date: doc.date }),
    ...(doc.dueDate !== null && { due_date: doc.dueDate }),
    ...(doc.currency !== '' && { total: currency(doc.currency, doc.total) }),
    ...(doc.currency !== '' &&
      doc.amountDue !== null && { amount_due: currency(doc.currency, doc.amountDue) }),
    xero_link: external(
      documentLinkLabel(doc.kind),
      links.xeroDocumentUrl(shortCode, doc.kind, doc.id),
    ),
  };
}

/** The customer has no Xero contact yet: say so and point at the panel's Update action. */
export function customerNotInXeroPanel(customerName: string): PanelBody {
  return {
    data: [
      {
        id: 'not-in-xero',
        header: text(`${customerName} is not in Xero yet`),
        note: {
          markdown: true,
          value:
            'Use **Update** in this panel’s menu to create the contact in Xero, ' +
            'or move a deal to an invoicing stage.',
        },
      },
    ],
  };
}

/** What the deal panel reads of a stored document (store `XeroDocument` fits). */
export interface DealPanelDocument {
  type: DocumentKind;
  xeroId: string | null;
  number: string | null;
  status: string;
  currency: string;
  total: string | null;
  amountDue: string | null;
  dueDate: string | null;
  url: string | null;
}

/** What the deal panel reads of a run (store `Run` fits). */
export interface DealPanelRun {
  id: string;
  companyId: number;
  kind: string;
  status: string;
  message: string | null;
  updatedAt: Date;
}

export interface DealPanelLinks {
  replayUrl(companyId: number, runId: string): string;
}

/** A run's outcome in plain words and a colour: the deal panel and the app's pages say the same. */
export const RUN_OUTCOME: Record<string, Label> = {
  queued: { color: 'blue', label: 'Queued' },
  running: { color: 'blue', label: 'Running' },
  succeeded: { color: 'green', label: 'Done' },
  failed: { color: 'red', label: 'Failed' },
  waiting_fix: { color: 'yellow', label: 'Needs a fix' },
  ignored: { color: 'grey', label: 'Skipped' },
};
const REPLAYABLE = new Set(['failed', 'waiting_fix']);

/**
 * The deal panel: its Xero documents (status, amounts, link), then its most recent runs (newest
 * first, as given) with their outcome and reason in plain words — at most 10 objects in all.
 * With `today` (the organisation's), an unpaid invoice past its due date shows as overdue.
 */
export function dealPanel(
  documents: readonly DealPanelDocument[],
  runs: readonly DealPanelRun[],
  links: DealPanelLinks,
  today?: string,
): PanelBody {
  const documentObjects = documents
    .filter((doc) => doc.xeroId !== null)
    .map((doc): PanelObject => ({
      id: `${doc.type}-${doc.xeroId}`,
      header: documentTitle(doc.type, doc.number),
      status: statusLabel(doc.type, doc.status, isDocumentOverdue(doc, today)),
      ...(doc.total !== null && { total: currency(doc.currency, doc.total) }),
      ...(doc.amountDue !== null && { amount_due: currency(doc.currency, doc.amountDue) }),
      ...(doc.dueDate !== null && { due_date: doc.dueDate }),
      ...(doc.url !== null && { xero_link: external(documentLinkLabel(doc.type), doc.url) }),
    }));
  const runObjects = runs.map((run): PanelObject => ({
    id: `run-${run.id}`,
    header: `${run.kind.charAt(0).toUpperCase()}${run.kind.slice(1)} sync`,
    outcome: RUN_OUTCOME[run.status] ?? { color: 'grey', label: run.status.slice(0, 40) },
    ...(run.message !== null && { reason: text(run.message) }),
    when: run.updatedAt.toISOString(),
    ...(REPLAYABLE.has(run.status) && {
      replay_link: external('Replay', links.replayUrl(run.companyId, run.id)),
    }),
  }));
  return { data: [...documentObjects, ...runObjects].slice(0, MAX_PANEL_OBJECTS) };
}

function isDocumentOverdue(doc: DealPanelDocument, today: string | undefined): boolean {
  return (
    today !== undefined &&
    doc.status === 'AUTHORISED' &&
    doc.dueDate !== null &&
    doc.dueDate < today &&
    doc.amountDue !== null &&
    Number(doc.amountDue) > 0
  );
}

/** Nothing to show (docs/vendors/pipedrive.md §7.1: `{"data": []}` → "Nothing to show"). */
export function emptyPanel(): PanelBody {
  return { data: [] };
}

const NOT_CONNECTED = {
  not_connected: {
    title: 'Xero is not connected',
    subtitle: 'Connect a Xero organisation to see invoices and quotes here.',
    label: 'Connect Xero',
  },
  needs_reauth: {
    title: 'Reconnect Xero',
    subtitle:
      'The connection to Xero has expired or was revoked. Reconnect it to see invoices here.',
    label: 'Reconnect Xero',
  },
} as const;

/**
 * The panel's error state (docs/vendors/pipedrive.md §7.1: status > 300, title ≤ 30 characters). 409: the request
 * was fine, the company's connection is not.
 */
export function notConnectedPanel(
  kind: 'not_connected' | 'needs_reauth',
  fixUrl: string,
): PanelError {
  const copy = NOT_CONNECTED[kind];
  return {
    status: 409,
    body: {
      error: {
        title: copy.title,
        subtitle: copy.subtitle,
        action: { url: fixUrl, label: copy.label },
      },
    },
  };
}
