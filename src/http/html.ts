import escapeHtml from 'escape-html';

import type { LabelColor } from '../sync/document-kinds.js';

/**
 * The HTML document around every page the app serves; `title` is text (escaped here), `head` and
 * `body` are HTML. Every page shares one stylesheet and its theme (src/http/style.ts, served by
 * http/ui/static.ts): theme.js runs first so the page is drawn in Pipedrive's theme from the start.
 */
export function htmlDocument(parts: { title: string; head?: string; body: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)} · pipedrive-xero</title>
<script src="/ui/static/theme.js"></script><link rel="stylesheet" href="/ui/static/ui.css">${parts.head ?? ''}
</head><body>${parts.body}</body></html>`;
}

/** The frame of the app's few small pages (OAuth results, the organisation picker, replay): one card. */
export function page(title: string, body: string): string {
  return htmlDocument({
    title,
    body: `<main class="narrow"><div class="card"><h1>${escapeHtml(title)}</h1>\n${body}\n</div></main>`,
  });
}

/** A badge: a short label in a colour of the panels' palette (docs/vendors/pipedrive.md §7.1). */
export function badge(label: { color: LabelColor; label: string }, testid?: string): string {
  const tone = TONES[label.color];
  return `<span class="badge ${tone}"${testid === undefined ? '' : ` data-testid="${escapeHtml(testid)}"`}>${escapeHtml(label.label)}</span>`;
}

const TONES: Record<LabelColor, string> = {
  green: 'ok',
  red: 'bad',
  yellow: 'warn',
  blue: 'info',
  purple: 'info',
  grey: '',
};
