import { SandboxClock } from './common/clock.js';
import { listenSandbox, type RunningSandbox } from './common/server.js';
import { buildPipedriveSandbox, type PipedriveSandbox } from './pipedrive/server.js';
import { demoApp } from './pipedrive/store/seed-demo.js';
import { DEMO_XERO_APP, DEMO_XERO_USER } from './xero/apps.js';
import { buildXeroSandbox, type XeroSandbox } from './xero/server.js';

export interface StartSandboxesOptions {
  host: string;
  /** 0 picks a free port. */
  pipedrivePort: number;
  xeroPort: number;
  seed: 'demo' | 'empty';
  logLevel: string;
}

export interface RunningSandboxes {
  pipedrive: RunningSandbox & { sandbox: PipedriveSandbox };
  xero: RunningSandbox & { sandbox: XeroSandbox };
  /** What a person needs to use them: URLs, demo credentials, the control API. */
  describe(): string;
  close(): Promise<void>;
}

/**
 * Starts the local Pipedrive and Xero servers side by side, sharing one clock so that advancing
 * time (POST /__sandbox/clock on either) moves both.
 */
export async function startSandboxes(options: StartSandboxesOptions): Promise<RunningSandboxes> {
  const clock = new SandboxClock();
  const pipedriveSandbox = buildPipedriveSandbox({
    clock,
    seed: options.seed,
    logLevel: options.logLevel,
  });
  const xeroSandbox = buildXeroSandbox({ clock, seed: options.seed, logLevel: options.logLevel });
  const pipedrive = await listenSandbox(pipedriveSandbox, options.pipedrivePort, options.host);
  let xero: RunningSandbox;
  try {
    xero = await listenSandbox(xeroSandbox, options.xeroPort, options.host);
  } catch (error) {
    await pipedrive.close();
    throw error;
  }
  return {
    pipedrive: { ...pipedrive, sandbox: pipedriveSandbox },
    xero: { ...xero, sandbox: xeroSandbox },
    describe: () =>
      [
        `Pipedrive sandbox: ${pipedrive.url}`,
        `  OAuth:   ${pipedrive.url}/oauth/authorize  (client id ${demoApp.clientId}, secret ${demoApp.clientSecret})`,
        `  API:     ${pipedrive.url}/c/kauricoast/api/v2/deals  (api_domain comes from the token response)`,
        `Xero sandbox:      ${xero.url}`,
        `  Login:   ${xero.url}/identity/connect/authorize  (client id ${DEMO_XERO_APP.clientId}, secret ${DEMO_XERO_APP.clientSecret}; login ${DEMO_XERO_USER.email})`,
        `  API:     ${xero.url}/api.xro/2.0/Invoices  (connections: ${xero.url}/connections)`,
        `Control API on both under /__sandbox (see docs/sandbox.md). Data: ${options.seed} seed, kept in memory. Ctrl-C stops.`,
      ].join('\n'),
    close: async () => {
      await Promise.all([pipedrive.close(), xero.close()]);
    },
  };
}
