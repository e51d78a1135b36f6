import escapeHtml from 'escape-html';

import type { Choice } from '../../services/settings-choices.js';
import { htmlDocument } from '../html.js';

/**
 * The frame and small helpers of the app's settings and history pages: plain server-rendered HTML
 * (everything interpolated goes through `escapeHtml`), one stylesheet, and ui.js for the few things
 * that need a script. The same page works standalone and inside Pipedrive as the app's custom
 * settings page: ui.js loads the App Extensions SDK only when framed with an `id` query parameter.
 */
/** Where the page is and the session's CSRF token (docs/access.md), which every form carries. */
export interface UiContext {
  companyId: number;
  /** The session's synchronizer token ('' for a caller with an API key). */
  csrf: string;
}

/** `/ui/...?company=…` plus `extra` query values; a link carries no credential (the cookie does). */
export function uiHref(
  context: UiContext,
  path: string,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams({ company: String(context.companyId), ...extra });
  return `${path}?${query.toString()}`;
}

/** The hidden CSRF field of a form that changes something (checked by http/access.ts). */
export function csrfField(csrf: string): string {
  return `<input type="hidden" name="_csrf" value="${escapeHtml(csrf)}">`;
}

/** Hidden inputs every form posts: the company and the session's CSRF token. */
export function hiddenContext(context: UiContext): string {
  return `<input type="hidden" name="company" value="${context.companyId}">${csrfField(context.csrf)}`;
}

/** `<option>`s with `selected` on the current value; an unknown current value is kept, marked. */
export function options(choices: readonly Choice[], current: string): string {
  const known = choices.some((choice) => choice.value === current);
  const all =
    known || current === ''
      ? choices
      : [...choices, { value: current, label: `${current} (not found)` }];
  return all
    .map(
      (choice) =>
        `<option value="${escapeHtml(choice.value)}"${choice.value === current ? ' selected' : ''}>${escapeHtml(choice.label)}</option>`,
    )
    .join('');
}

/** The errors whose path starts with `prefix`, as a list tied to the field by `id`. */
export function fieldErrors(errors: readonly string[], prefix: string, id: string): string {
  const mine = errors.filter(
    (error) => error.startsWith(`${prefix}:`) || error.startsWith(`${prefix}.`),
  );
  if (mine.length === 0) return '';
  return `<ul class="errors" id="${escapeHtml(id)}-error" role="alert" data-testid="error-${escapeHtml(id)}">${mine
    .map((error) => `<li>${escapeHtml(error)}</li>`)
    .join('')}</ul>`;
}

export function uiPage(title: string, context: UiContext, body: string): string {
  const nav = [
    ['Settings', '/ui/settings', 'nav-settings'],
    ['History', '/ui/history', 'nav-history'],
  ]
    .map(
      ([label, path, testid]) =>
        `<a href="${escapeHtml(uiHref(context, path!))}" data-testid="${testid}">${label}</a>`,
    )
    .join(' · ');
  return htmlDocument({
    title,
    style: `
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b}
fieldset{border:1px solid #ccc;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}legend{font-weight:600}
label{display:block;margin:.4rem 0}button{font:inherit;padding:.3rem .9rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #eee;padding:.3rem;vertical-align:top}
.errors{color:#a40000;margin:.2rem 0;padding-left:1.2rem}.notice{padding:.5rem 1rem;border-radius:6px;background:#eef7ee}
.warning{background:#fff4e0}pre{white-space:pre-wrap;word-break:break-word;font-size:12px;max-height:12rem;overflow:auto;margin:0}
`,
    head: '<script src="/ui/static/app-extensions-sdk.js" defer></script><script src="/ui/static/ui.js" defer></script>',
    body: `<nav aria-label="pipedrive-xero">${nav}</nav><main><h1>${escapeHtml(title)}</h1>\n${body}\n</main>`,
  });
}
