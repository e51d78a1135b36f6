import { DOCUMENT_KIND, type DocumentKind } from '../document-kinds.js';

/**
 * Texts that name the document: the Reference (also how we find the document again in Xero before
 * any re-create, invariant 1) and the quote Title.
 *
 * Template placeholders (docs/money.md "Reference"): {deal.id}, {deal.title}, {document}
 * (the kind's noun: "invoice", "quote"). Unknown placeholders are left as written so a typo shows on the document.
 */

export interface TemplateValues {
  dealId: number;
  dealTitle: string;
  document: DocumentKind;
}

export function renderTemplate(template: string, values: TemplateValues): string {
  const known: Record<string, string> = {
    'deal.id': String(values.dealId),
    'deal.title': values.dealTitle.trim().replace(/\s+/g, ' '),
    document: DOCUMENT_KIND[values.document].noun,
  };
  return template.replace(/\{([a-z.]+)\}/g, (whole, name: string) => known[name] ?? whole);
}

/**
 * The key that makes a document unique per (deal, trigger): `PD-<dealId>-<triggerKey>`, e.g.
 * `PD-42-stage-7` or `PD-42-won`. It sits in brackets at the end of the Reference, so a search for
 * `[PD-4-won]` can never match deal 42, and it does not change when the deal's title does.
 */
export function documentKey(dealId: number, triggerKey: string): string {
  return `PD-${dealId}-${triggerKey}`;
}

/** Xero invoice Reference is kept ≤ 255 characters; the key is never cut off. */
export function buildReference(
  template: string,
  values: TemplateValues,
  triggerKey: string,
): string {
  const key = `[${documentKey(values.dealId, triggerKey)}]`;
  const text = renderTemplate(template, values).trim();
  const room = 255 - key.length - 1;
  const head = text.length > room ? `${text.slice(0, room - 1)}…` : text;
  return head === '' ? key : `${head} ${key}`;
}
