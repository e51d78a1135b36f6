import type { Command } from 'commander';

import { type App, createApp } from '../../app.js';
import type { Logger } from '../../logger.js';
import { installedCompanyIds } from '../../services/company.js';
import { xeroConnectUrl } from '../../services/links.js';
import { uninstallPipedrive } from '../../services/pipedrive-install.js';
import { readSettings, saveSettings, settingsOrDefaults } from '../../services/settings.js';
import { statusReport } from '../../services/status-report.js';
import type { Settings } from '../../sync/settings.js';
import { type CliContext, closeOnSignal, runUntilSignal } from '../context.js';
import { walkPipedriveInstall, walkXeroConnect } from '../oauth-walk.js';
import { withSandboxVendorsIfSandbox } from '../sandbox-vendors.js';

/**
 * `start` (what `npm start` runs): embedded mode — HTTP and jobs in one process, SQLite under
 * DATA_DIR. In sandbox mode (no real credentials configured) it first starts the local Pipedrive
 * and Xero servers, points the app at them, installs the demo company and connects the demo
 * organisation through the real OAuth flows, sets the demo triggers ("Won" → invoice,
 * "Proposal" → quote, in the "Sales" pipeline), and prints how to see a deal become a draft.
 */
export function registerStartCommand(program: Command, context: CliContext): void {
  program
    .command('start')
    .description(
      'run everything in one process; without credentials, with the sandbox and demo data',
    )
    .action(async () => {
      const { config, logger } = context();
      if (!config.sandboxMode) {
        const app = await runUntilSignal(context, async (started) => {
          await started.listen();
          await started.startWorker();
        });
        const url = app.deps.publicUrl();
        console.log(`pipedrive-xero is running at ${url} (its home page links every other page)`);
        console.log(`Install it into Pipedrive: ${url}/oauth/pipedrive/install`);
        console.log(`Check the installation: npx pipedrive-xero doctor`);
        return;
      }
      // Loaded only in sandbox mode: the sandbox servers are a large part of the start-up time.
      const { startSandboxes } = await import('../../../sandbox/start.js');
      const sandboxes = await startSandboxes({
        host: config.sandbox.host,
        pipedrivePort: config.sandbox.pipedrivePort,
        xeroPort: config.sandbox.xeroPort,
        seed: 'demo',
        logLevel: 'warn',
      });
      const sandboxConfig = await withSandboxVendorsIfSandbox(config, {
        pipedriveUrl: sandboxes.pipedrive.url,
        xeroUrl: sandboxes.xero.url,
      });
      const app = await createApp(sandboxConfig, { logger });
      closeOnSignal(async () => {
        await app.close();
        await sandboxes.close();
      }, logger);
      await app.listen();
      await app.startWorker();
      await subscribeXeroWebhooks(sandboxes.xero.url, sandboxConfig.xero.clientId, app, logger);
      const demo = await setUpDemo(app);
      console.log(
        describeDemo(app.deps.publicUrl(), sandboxes.pipedrive.url, sandboxes.xero.url, demo),
      );
    });
}

/**
 * Sandbox mode: subscribe the app's /webhooks/xero in the local Xero (signed with the demo app's
 * key, which withSandboxVendors gave the app) and pass Intent to Receive (docs/vendors/xero.md §14), so paid
 * invoices reach the app as they would from Xero.
 */
async function subscribeXeroWebhooks(
  xeroUrl: string,
  clientId: string,
  app: App,
  logger: Logger,
): Promise<void> {
  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${xeroUrl}/__sandbox/xero/webhooks${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`Xero sandbox ${path || '/'}: HTTP ${response.status}`);
    return (await response.json()) as { status?: string };
  };
  await control('', { clientId, url: `${app.deps.publicUrl()}/webhooks/xero` });
  const intent = await control('/intent-to-receive', { clientId });
  logger.info({ intentToReceive: intent.status }, 'sandbox: Xero webhooks subscribed');
}

interface Demo {
  /** Settings the demo company had from an earlier start, put back (else the demo's triggers). */
  settingsKept: boolean;
  /** The earlier start's records that could not be kept (the sandboxes start afresh). */
  cleared: boolean;
  wonStageId: number;
  proposalStageId: number;
  dealId: number;
  dealTitle: string;
  tenantName: string;
}

// The demo data's company and organisation (sandbox/pipedrive/store/seed-demo.ts, sandbox/xero/seed.ts).
const DEMO_COMPANY_ID = 7001;
const DEMO_TENANT_A = '6f1d2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
const DEMO_SHORT_CODE = '!kCt7Q';

async function setUpDemo(app: App): Promise<Demo> {
  const publicUrl = app.deps.publicUrl();
  // The sandboxes keep their data in memory, so each start they begin again from the demo data:
  // what the app stored about the demo company in an earlier start (tokens, documents, runs) points
  // at things that no longer exist, and goes. Its settings are the person's work: they are kept.
  const earlier = (await installedCompanyIds(app.db)).includes(DEMO_COMPANY_ID)
    ? await readSettings(app.deps, DEMO_COMPANY_ID)
    : undefined;
  const kept: Settings | undefined = earlier?.parsed.ok ? earlier.parsed.settings : undefined;
  if (earlier !== undefined)
    await uninstallPipedrive(app.deps, DEMO_COMPANY_ID, {
      why: 'sandbox restart: the demo starts afresh',
    });
  await walkPipedriveInstall(publicUrl);
  const connected = await walkXeroConnect(xeroConnectUrl(publicUrl, DEMO_COMPANY_ID), {
    tenant_ids: DEMO_TENANT_A,
  });
  if (connected.status !== 200)
    throw new Error(`connecting the demo organisation failed: ${connected.body}`);
  const client = await app.connections.pipedriveFor(DEMO_COMPANY_ID);
  const sales = (await client.listPipelines()).find((pipeline) => pipeline.name === 'Sales');
  if (sales === undefined) throw new Error('the demo data has no "Sales" pipeline');
  const stages = await client.listStages(sales.id);
  const stageId = (name: string) => {
    const stage = stages.find((candidate) => candidate.name === name);
    if (stage === undefined) throw new Error(`the "Sales" pipeline has no "${name}" stage`);
    return stage.id;
  };
  const wonStageId = stageId('Won');
  const proposalStageId = stageId('Proposal');
  const restored =
    kept === undefined ? undefined : await saveSettings(app.deps, DEMO_COMPANY_ID, kept);
  if (!restored?.ok) {
    const base = await settingsOrDefaults(app.deps, DEMO_COMPANY_ID);
    const saved = await saveSettings(app.deps, DEMO_COMPANY_ID, {
      ...base,
      triggers: {
        rules: [
          { pipelineId: sales.id, stageId: wonStageId, document: 'invoice' },
          { pipelineId: sales.id, stageId: proposalStageId, document: 'quote' },
        ],
        onWon: null,
      },
    });
    if (!saved.ok) throw new Error(`the demo settings were refused: ${saved.message}`);
  }
  // Deal 1 of the demo data: in "Proposal", NZD, a known customer and known items.
  const deal = await client.getDeal(1);
  const report = await statusReport(app.db, { companyId: DEMO_COMPANY_ID, runs: 0 });
  const tenantName = report.companies[0]?.xero?.tenantName;
  if (tenantName === undefined) throw new Error('the demo organisation is not connected');
  return {
    settingsKept: restored?.ok ?? false,
    cleared: earlier !== undefined,
    wonStageId,
    proposalStageId,
    dealId: deal.id,
    dealTitle: deal.title,
    tenantName,
  };
}

function describeDemo(appUrl: string, pipedriveUrl: string, xeroUrl: string, demo: Demo): string {
  const company = `${pipedriveUrl}/__sandbox/pipedrive/companies/${DEMO_COMPANY_ID}`;
  const restart = demo.cleared
    ? [
        `Sandbox restart: the local Pipedrive and Xero start again from the demo data, so the demo company's runs, documents and tokens from the last start were cleared${demo.settingsKept ? '; its settings were kept' : ''}.`,
      ]
    : [];
  const triggers = demo.settingsKept
    ? 'Triggers: as you left them on the settings page (the demo\'s: "Sales" → "Won" makes a draft invoice, "Proposal" a draft quote).'
    : 'Triggers: "Sales" → "Won" makes a draft invoice, "Proposal" makes a draft quote.';
  return [
    '',
    `pipedrive-xero is running at ${appUrl} (sandbox mode: local Pipedrive ${pipedriveUrl}, local Xero ${xeroUrl})`,
    `Installed for the demo Pipedrive company ${DEMO_COMPANY_ID}; connected to Xero "${demo.tenantName}".`,
    triggers,
    ...restart,
    '',
    'Open in a browser:',
    `  home:      ${appUrl}/`,
    `  settings:  ${appUrl}/ui/settings?company=${DEMO_COMPANY_ID}`,
    `  history:   ${appUrl}/ui/history?company=${DEMO_COMPANY_ID}`,
    '',
    `See a deal become a draft invoice — move deal ${demo.dealId} "${demo.dealTitle}" to "Won":`,
    `  curl -s -X POST ${company}/deals/${demo.dealId}/move -H 'content-type: application/json' -d '{"stage_id": ${demo.wonStageId}}'`,
    'Then look:',
    `  the draft in Xero:       ${xeroUrl}/app/${encodeURIComponent(DEMO_SHORT_CODE)}/invoicing   (the sandbox's Xero pages; the note's link opens the invoice)`,
    `  …as JSON:                curl -s ${xeroUrl}/__sandbox/xero/tenants/${DEMO_TENANT_A}/documents`,
    `  the note on the deal:    curl -s ${company}/deals/${demo.dealId}/notes`,
    `  the app's runs:          curl -s ${appUrl}/api/companies/${DEMO_COMPANY_ID}/runs`,
    `  status:                  curl -s ${appUrl}/api/status   (or: npx pipedrive-xero status)`,
    '',
    'Ctrl-C stops everything (sandbox data is kept in memory only).',
  ].join('\n');
}
