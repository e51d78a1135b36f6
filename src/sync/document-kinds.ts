/**
 * The kinds of Xero document a deal can become, and what differs between them, in one table.
 * Adding a kind (a credit note) starts here: name it in DOCUMENT_KINDS and describe it in
 * DOCUMENT_KIND. Every other place that treats kinds differently is a `Record<DocumentKind, …>` too
 * (how Xero creates and finds each kind: usecases/xero-documents.ts; the draft's own fields:
 * mapping/header.ts), so the compiler names each one that must learn the new kind; nothing falls
 * back to "the other kind". docs/architecture.md traces the whole change. Pure: imports nothing.
 */
export const DOCUMENT_KINDS = ['invoice', 'quote'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** How the mapping computes amounts; each kind spells it its own way for Xero. */
export type LineAmountMode = 'Exclusive' | 'Inclusive' | 'NoTax';

/** Colours of Pipedrive's panel labels (docs/vendors/pipedrive.md §7.1). */
export type LabelColor = 'green' | 'red' | 'blue' | 'yellow' | 'purple' | 'grey';

export interface DocumentKindInfo {
  /** The word in deal notes, messages and the settings page: "invoice". */
  noun: string;
  /** How a panel heads one: "Invoice". */
  title: string;
  /** Its collection in Xero's Accounting API (docs/vendors/xero.md §10–§11). */
  xeroPath: `/${string}`;
  /** How Xero spells LineAmountTypes on it (docs/vendors/xero.md §10–§11): Exclusive, EXCLUSIVE. */
  lineAmountTypes: Record<LineAmountMode, string>;
  /** The part of Xero's web app that shows one, for deep links (docs/vendors/xero.md §13). */
  webSection: string;
  /** Xero's statuses of it and how the panels label them; others show grey, as Xero names them. */
  statuses: Readonly<Record<string, { color: LabelColor; label: string }>>;
}

/** One entry per kind; the entries look alike because each answers the same questions. */
export const DOCUMENT_KIND = {
  invoice: {
    noun: 'invoice',
    title: 'Invoice',
    xeroPath: '/Invoices',
    lineAmountTypes: { Exclusive: 'Exclusive', Inclusive: 'Inclusive', NoTax: 'NoTax' },
    webSection: 'invoicing',
    statuses: {
      DRAFT: { color: 'grey', label: 'Draft' },
      SUBMITTED: { color: 'yellow', label: 'Awaiting approval' },
      AUTHORISED: { color: 'blue', label: 'Awaiting payment' },
      PAID: { color: 'green', label: 'Paid' },
      VOIDED: { color: 'grey', label: 'Voided' },
    },
  },
  quote: {
    noun: 'quote',
    title: 'Quote',
    xeroPath: '/Quotes',
    lineAmountTypes: { Exclusive: 'EXCLUSIVE', Inclusive: 'INCLUSIVE', NoTax: 'NOTAX' },
    webSection: 'quotes',
    statuses: {
      DRAFT: { color: 'grey', label: 'Draft' },
      SENT: { color: 'blue', label: 'Sent' },
      ACCEPTED: { color: 'green', label: 'Accepted' },
      DECLINED: { color: 'red', label: 'Declined' },
      INVOICED: { color: 'purple', label: 'Invoiced' },
    },
  },
} as const satisfies Record<DocumentKind, DocumentKindInfo>;

/** How Xero spells LineAmountTypes on a kind of document. */
export type LineAmountTypesOf<K extends DocumentKind> =
  (typeof DOCUMENT_KIND)[K]['lineAmountTypes'][LineAmountMode];
