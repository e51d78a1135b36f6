import { type Config, withSandboxVendors } from '../config.js';

/**
 * Sandbox mode for every command, not only `start`: the config pointed at the local Pipedrive and
 * Xero servers with the demo apps' credentials. By default they are where `start` and `sandbox`
 * run them (SANDBOX_HOST and the SANDBOX_*_PORT ports), so a `sync customers` or `settings set`
 * run beside `npm start` talks to the same servers. Outside sandbox mode the config is unchanged.
 */
export async function withSandboxVendorsIfSandbox(
  config: Config,
  urls: { pipedriveUrl: string; xeroUrl: string } = defaultSandboxUrls(config),
): Promise<Config> {
  if (!config.sandboxMode) return config;
  // Loaded only in sandbox mode: the demo apps' credentials live with the sandbox servers.
  const { demoApp } = await import('../../sandbox/pipedrive/store/seed-demo.js');
  const { DEMO_XERO_APP } = await import('../../sandbox/xero/apps.js');
  return withSandboxVendors(config, {
    ...urls,
    pipedriveApp: { clientId: demoApp.clientId, clientSecret: demoApp.clientSecret },
    xeroApp: DEMO_XERO_APP,
  });
}

export function defaultSandboxUrls(config: Config): { pipedriveUrl: string; xeroUrl: string } {
  // A server listening on every interface is reached on loopback.
  const host = ['0.0.0.0', '::', ''].includes(config.sandbox.host)
    ? '127.0.0.1'
    : config.sandbox.host;
  const origin = (port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    pipedriveUrl: origin(config.sandbox.pipedrivePort),
    xeroUrl: origin(config.sandbox.xeroPort),
  };
}
