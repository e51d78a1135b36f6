import escapeHtml from 'escape-html';
import type { FastifyInstance } from 'fastify';

import { installedCompanyIds } from '../../services/company.js';
import type { HttpDeps } from '../deps.js';
import { page } from '../html.js';

/**
 * GET /: what a browser opening the app's address finds — the pages and where to start. In sandbox
 * mode (loopback, demo data) it links each installed company's settings, history and status.
 * Outside it, the address is public: it names no company, and says where the pages open from.
 */
export function registerHomePage(app: FastifyInstance, deps: HttpDeps): void {
  app.get('/', { config: { html: true } }, async (_request, reply) => {
    const companies = deps.sandboxMode ? await installedCompanyIds(deps.db) : [];
    const link = (href: string, label: string, testid: string) =>
      `<a href="${escapeHtml(href)}" data-testid="${testid}">${escapeHtml(label)}</a>`;
    const perCompany = companies.map(
      (id) =>
        `<li>Company ${id}: ${link(`/ui/settings?company=${id}`, 'Settings', `home-settings-${id}`)} · ${link(`/ui/history?company=${id}`, 'History', `home-history-${id}`)} · ${link(`/api/status?company=${id}`, 'Status', `home-status-${id}`)}</li>`,
    );
    const start = deps.sandboxMode
      ? perCompany.length === 0
        ? '<p>No company has installed the app yet.</p>'
        : `<ul>${perCompany.join('')}</ul>`
      : `<p>Each company's settings and history pages open from Pipedrive (the app's settings page), or from the links <code>npx pipedrive-xero status --links</code> prints.</p>`;
    return reply.type('text/html; charset=utf-8').send(
      page(
        'pipedrive-xero',
        `<p>Deals entering a chosen Pipedrive stage become draft Xero invoices and quotes${deps.sandboxMode ? ' (sandbox mode: local Pipedrive and Xero, demo data)' : ''}.</p>
${start}
<ul>
<li>${link('/oauth/pipedrive/install', 'Install into a Pipedrive company', 'home-install')}</li>
<li>${link('/health/ready', 'Health', 'home-health')}</li>
</ul>`,
      ),
    );
  });
}
