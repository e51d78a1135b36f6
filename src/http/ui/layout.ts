import escapeHtml from 'escape-html';

import type { Choice } from '../../services/settings-choices.js';
import { htmlDocument } from '../html.js';
import { plainProblem } from './settings-problems.js';

/**
 * The frame and small helpers of the app's settings and history pages: plain server-rendered HTML
 * (everything interpolated goes through `escapeHtml`), the one stylesheet (src/http/style.ts), and
 * ui.js for the few things that need a script. The same page works standalone and inside Pipedrive as the app's custom
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

/** The problems whose path starts with `prefix` (the field or row the page shows them under). */
export function problemsOf(errors: readonly string[], prefix: string): string[] {
  return errors.filter(
    (error) => error === prefix || error.startsWith(`${prefix}:`) || error.startsWith(`${prefix}.`),
  );
}

/**
 * The problems of a field in plain words (settings-problems.ts), as a list the field names with
 * `aria-describedby="<id>-error"` (see `invalid`).
 */
export function fieldErrors(errors: readonly string[], prefix: string, id: string): string {
  const mine = problemsOf(errors, prefix);
  if (mine.length === 0) return '';
  return `<ul class="errors" id="${escapeHtml(id)}-error" data-testid="error-${escapeHtml(id)}">${mine
    .map((error) => `<li>${escapeHtml(plainProblem(error).sentence)}</li>`)
    .join('')}</ul>`;
}

/** The attributes of a field with problems: marked invalid and described by its error list. */
export function invalid(errors: readonly string[], prefix: string, id: string): string {
  return problemsOf(errors, prefix).length === 0
    ? ''
    : ` aria-invalid="true" aria-describedby="${escapeHtml(id)}-error"`;
}

/**
 * A confirmation (the native <dialog>, opened by ui.js): `trigger` is the button that asks, and
 * submits its form only when the person confirms. Without a script the button submits at once.
 */
export function confirmDialog(id: string, title: string, text: string, confirm: string): string {
  return `<dialog id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-title" data-testid="${escapeHtml(id)}">
<h2 id="${escapeHtml(id)}-title">${escapeHtml(title)}</h2><p>${escapeHtml(text)}</p>
<form method="dialog" class="actions"><button value="cancel" data-testid="${escapeHtml(id)}-cancel" autofocus>Cancel</button><button value="confirm" class="danger confirm" data-testid="${escapeHtml(id)}-confirm">${escapeHtml(confirm)}</button></form>
</dialog>`;
}

export type UiPageName = 'settings' | 'history';

/** The app's pages: a top bar with the two pages, then `body` under the title. */
export function uiPage(
  title: string,
  context: UiContext,
  body: string,
  current: UiPageName,
  intro = '',
): string {
  const nav = (
    [
      ['Settings', '/ui/settings', 'settings'],
      ['History', '/ui/history', 'history'],
    ] as const
  )
    .map(
      ([label, path, name]) =>
        `<a href="${escapeHtml(uiHref(context, path))}" data-testid="nav-${name}"${name === current ? ' aria-current="page"' : ''}>${label}</a>`,
    )
    .join('');
  return htmlDocument({
    title,
    head: '<script src="/ui/static/app-extensions-sdk.js" defer></script><script src="/ui/static/ui.js" defer></script>',
    body: `<a class="skip" href="#main">Skip to content</a><header class="topbar"><span class="brand">Pipedrive → Xero</span><nav aria-label="Pages">${nav}</nav></header>
<main id="main" class="page"><h1>${escapeHtml(title)}</h1>${intro}
${body}
</main>`,
  });
}
