import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import type { FastifyInstance } from 'fastify';

import { THEME_JS, UI_CSS } from '../style.js';

/**
 * The pages' static files: Pipedrive's App Extensions SDK (its UMD bundle from node_modules, which
 * defines `window.AppExtensionsSDK`), ui.js below, and the stylesheet and theme script every page
 * links (src/http/style.ts).
 */
const require = createRequire(import.meta.url);
const SDK_PATH = require
  .resolve('@pipedrive/app-extensions-sdk')
  .replace(/index\.js$/, 'index.umd.js');

/**
 * Vanilla JS, all optional (every form works without it):
 * - inside Pipedrive (framed, with the `id` query parameter Pipedrive adds) initialise the SDK, so
 *   Pipedrive shows the page instead of waiting for it, and follow the person's theme when it
 *   changes (the SDK's `user_settings_change` event, docs/vendors/pipedrive.md §7.4);
 * - times (`<time data-local-time>`) are shown in the reader's time zone, with the zone's name;
 * - a button with `data-confirm` asks first in its native <dialog> and submits only on confirm;
 * - "Add row" buttons clone a table's last row with its values cleared;
 * - a chosen import file fills the import textarea;
 * - a bulk sync's progress is polled from /ui/bulk-sync/status while it runs.
 */
const UI_JS = `(() => {
  const params = new URLSearchParams(location.search);
  const setTheme = (theme) => {
    if (theme !== 'dark' && theme !== 'light') return;
    document.documentElement.dataset.theme = theme;
    try { sessionStorage.setItem('pdx-theme', theme); } catch {}
  };
  if (window.self !== window.top && params.has('id') && window.AppExtensionsSDK) {
    const sdk = new window.AppExtensionsSDK();
    sdk.initialize()
      .then(() => sdk.listen('user_settings_change', ({ data }) => setTheme(data && data.theme)))
      .catch(() => {});
  }
  const local = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short',
  });
  for (const time of document.querySelectorAll('time[data-local-time]')) {
    const at = new Date(time.getAttribute('datetime'));
    if (!Number.isNaN(at.getTime())) time.textContent = local.format(at);
  }
  for (const button of document.querySelectorAll('button[data-confirm]')) {
    const dialog = document.getElementById(button.dataset.confirm);
    if (!dialog || typeof dialog.showModal !== 'function' || !button.form) continue;
    button.addEventListener('click', (event) => {
      event.preventDefault();
      dialog.returnValue = '';
      dialog.showModal();
    });
    dialog.addEventListener('close', () => {
      if (dialog.returnValue === 'confirm') button.form.submit();
    });
  }
  for (const button of document.querySelectorAll('button[data-add-row]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const body = document.getElementById(button.dataset.addRow);
      const last = body && body.lastElementChild;
      if (!last) return;
      const copy = last.cloneNode(true);
      for (const field of copy.querySelectorAll('input,select,textarea')) {
        if (field.tagName === 'SELECT') field.selectedIndex = 0; else field.value = '';
      }
      body.appendChild(copy);
    });
  }
  const file = document.querySelector('input[type=file][data-fills]');
  if (file) file.addEventListener('change', async () => {
    const target = document.getElementById(file.dataset.fills);
    if (target && file.files && file.files[0]) target.value = await file.files[0].text();
  });
  for (const box of document.querySelectorAll('[data-bulk-status]')) {
    const poll = async () => {
      const response = await fetch(box.dataset.bulkStatus, { headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const state = await response.json();
      box.textContent = state.text;
      box.dataset.state = state.status;
      if (state.status === 'running' || state.status === 'queued') setTimeout(poll, 1000);
    };
    if (box.dataset.state === 'running' || box.dataset.state === 'queued') poll();
  }
})();
`;

export function registerUiStatic(app: FastifyInstance): void {
  let sdk: Promise<string> | undefined;
  app.get('/ui/static/app-extensions-sdk.js', async (_request, reply) => {
    sdk ??= readFile(SDK_PATH, 'utf8');
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await sdk);
  });
  app.get('/ui/static/ui.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(UI_JS),
  );
  app.get('/ui/static/theme.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(THEME_JS),
  );
  app.get('/ui/static/ui.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(UI_CSS),
  );
}
