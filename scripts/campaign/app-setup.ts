import {
  CookieJar,
  sessionHeaders,
  walkPipedriveInstall,
  walkXeroConnect,
} from '../../src/cli/oauth-walk.js';
import { type Call, jsonClient } from './control.js';
import type { SeededCompany } from './seed.js';

/**
 * Installs the running app into each company and connects each to its Xero organisation through
 * the real OAuth flows (the sandboxes' auto-approved consent pages), then sets the triggers through
 * the app's settings API, as the admin the install signed in: "Won" makes an invoice, "Proposal" a quote, and products Xero does not
 * know become Xero items.
 */
export const CAMPAIGN_PIPEDRIVE_APP = {
  clientId: 'campaign-pipedrive-client',
  clientSecret: 'campaign-pipedrive-secret',
};

export async function registerPipedriveApp(pipedrive: Call, appUrl: string): Promise<void> {
  await pipedrive('POST', '/__sandbox/pipedrive/apps', {
    ...CAMPAIGN_PIPEDRIVE_APP,
    name: 'pipedrive-xero (campaign)',
    callbackUrl: `${appUrl}/oauth/pipedrive/callback`,
    scopes: ['base', 'deals:full', 'products:read', 'contacts:full', 'admin', 'users:read'],
  });
}

export async function installCompany(appUrl: string, company: SeededCompany): Promise<void> {
  const jar = new CookieJar();
  const installed = await walkPipedriveInstall(
    appUrl,
    { company_id: String(company.plan.id), user_id: String(company.plan.adminId) },
    jar,
  );
  if (installed.status !== 303 || installed.location === undefined)
    throw new Error(`installing company ${company.plan.id}: ${installed.status} ${installed.body}`);
  const connected = await walkXeroConnect(
    installed.location,
    { tenant_ids: company.tenantId },
    jar,
  );
  if (connected.status !== 200)
    throw new Error(
      `connecting company ${company.plan.id} to Xero: ${connected.status} ${connected.body}`,
    );

  const api = jsonClient(appUrl, await sessionHeaders(appUrl, jar, company.plan.id));
  await api('PUT', `/api/companies/${company.plan.id}/settings`, {
    triggers: {
      rules: [
        { pipelineId: company.pipelineId, stageId: company.stages.won, document: 'invoice' },
        { pipelineId: company.pipelineId, stageId: company.stages.proposal, document: 'quote' },
      ],
    },
    items: { productNotFound: 'create_item' },
  });
}
