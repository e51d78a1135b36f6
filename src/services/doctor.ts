import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { listCompanies } from '../store/repos/companies.js';
import { listSealedValues } from '../store/repos/sealed-secrets.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import type { AppContext } from './context.js';
import { judgeWebhooks, type WebhookProblem, webhookUrl } from './deal-webhook.js';
import { readiness } from './health.js';

/**
 * `pipedrive-xero doctor`: is this installation ready for real use? Each check says what it found
 * and, when it fails, the fix. It changes nothing (no migration, no webhook made again), except
 * that a live call may refresh an expiring token, as any call would.
 */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface DoctorCheck {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What to do; set when the status is not ok. */
  fix?: string;
}

export type DoctorDeps = Pick<AppContext, 'db' | 'box' | 'clock' | 'connections' | 'publicUrl'> & {
  config: Pick<
    Config,
    | 'sandboxMode'
    | 'publicUrlConfigured'
    | 'metricsToken'
    | 'pipedrive'
    | 'xero'
    | 'encryptionKey'
    | 'databaseUrl'
  >;
  /** This installation's id, as GET /health/live answers it. */
  instanceId: string;
  fetch?: typeof fetch;
};

/** How long a host may take to answer. */
const HOST_TIMEOUT_MS = 5000;
/**
 * Largest clock difference with the vendors that passes. OAuth tokens and Pipedrive's panel JWTs
 * carry expiry times; the catch-up reads deals "updated since" with one minute of overlap (README
 * "When Pipedrive does not deliver"), so a clock more than a minute off can miss a change.
 */
const MAX_SKEW_SECONDS = 60;

export async function runDoctor(deps: DoctorDeps): Promise<DoctorCheck[]> {
  const doFetch = deps.fetch ?? fetch;
  const checks: DoctorCheck[] = [configuration(deps)];
  const ready = await readiness(deps.db, { takesJobs: false, running: false });
  const [database, migrations] = ready.checks;
  checks.push(
    database!.ok
      ? { name: 'database', status: 'ok', detail: database!.detail }
      : {
          name: 'database',
          status: 'fail',
          detail: database!.detail,
          fix: 'check DATABASE_URL and that the database runs and accepts this machine',
        },
    migrations!.ok
      ? { name: 'migrations', status: 'ok', detail: migrations!.detail }
      : {
          name: 'migrations',
          status: 'fail',
          detail: migrations!.detail,
          fix: 'run `npx pipedrive-xero migrate` (every command that serves does it too)',
        },
  );
  // The rest reads the app's tables: only once they are there.
  const tables = database!.ok && migrations!.ok;
  if (tables) checks.push(await encryptionKey(deps));
  checks.push(await publicUrl(deps, doFetch));
  const skews: number[] = [];
  for (const [name, url] of vendorHosts(deps.config)) {
    checks.push(await hostAnswers(name, url, deps, doFetch, skews));
  }
  if (tables) checks.push(...(await companyChecks(deps)));
  checks.push(clock(skews));
  return checks;
}

function configuration(deps: DoctorDeps): DoctorCheck {
  const { config } = deps;
  if (config.sandboxMode) {
    return {
      name: 'configuration',
      status: 'warn',
      detail: 'sandbox mode: no vendor credentials, the local Pipedrive and Xero stand in',
      fix: 'for real use set the credentials of your Pipedrive and Xero apps (docs/going-live.md)',
    };
  }
  const problems: string[] = [];
  const url = deps.publicUrl();
  if (!config.publicUrlConfigured) problems.push('PUBLIC_URL is not set');
  else if (!url.startsWith('https://') && !isLoopback(url))
    problems.push('PUBLIC_URL is not https:// (Pipedrive and Xero call back only over HTTPS)');
  if (config.xero.webhookKey === '')
    problems.push('XERO_WEBHOOK_KEY is not set (Xero webhooks are refused)');
  if (problems.length > 0) {
    return {
      name: 'configuration',
      status: 'fail',
      detail: problems.join('; '),
      fix: 'set them as docs/going-live.md says (.env.example lists every variable)',
    };
  }
  if (config.metricsToken === '') {
    return {
      name: 'configuration',
      status: 'warn',
      detail: `complete; PUBLIC_URL ${url}; METRICS_TOKEN unset, so /metrics is off`,
      fix: 'set METRICS_TOKEN to scrape /metrics (openssl rand -hex 24)',
    };
  }
  return { name: 'configuration', status: 'ok', detail: `complete; PUBLIC_URL ${url}` };
}

/** Every stored secret opens with the configured key (invariant 6); none waits for `rotate-key`. */
async function encryptionKey(deps: DoctorDeps): Promise<DoctorCheck> {
  let unreadable = 0;
  let previous = 0;
  const values = await listSealedValues(deps.db);
  for (const value of values) {
    try {
      if (deps.box.sealedWithPrevious(value.sealed)) previous += 1;
    } catch {
      unreadable += 1;
    }
  }
  const name = 'encryption key';
  if (unreadable > 0) {
    return {
      name,
      status: 'fail',
      detail: `${unreadable} of ${values.length} stored secret(s) open with no configured key`,
      fix: 'set ENCRYPTION_KEY to the key they were stored with; to change keys, put the old one in ENCRYPTION_KEY_PREVIOUS and run `npx pipedrive-xero rotate-key`',
    };
  }
  if (previous > 0) {
    return {
      name,
      status: 'warn',
      detail: `${previous} of ${values.length} stored secret(s) still sealed with ENCRYPTION_KEY_PREVIOUS`,
      fix: 'run `npx pipedrive-xero rotate-key`, then remove ENCRYPTION_KEY_PREVIOUS',
    };
  }
  const generated = deps.config.sandboxMode && deps.config.encryptionKey === undefined;
  return {
    name,
    status: 'ok',
    detail: `${generated ? 'generated for sandbox mode; ' : ''}all ${values.length} stored secret(s) open with it`,
  };
}

async function publicUrl(deps: DoctorDeps, doFetch: typeof fetch): Promise<DoctorCheck> {
  const url = `${deps.publicUrl()}/health/live`;
  const name = 'public URL';
  let body: { instance?: unknown };
  try {
    const response = await doFetch(url, { signal: AbortSignal.timeout(HOST_TIMEOUT_MS) });
    body = (await response.json().catch(() => ({}))) as { instance?: unknown };
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    return {
      name,
      status: 'fail',
      detail: `${url}: ${reason(error)}`,
      fix: 'start the app (`serve` or `start`), and check DNS, the reverse proxy and its TLS certificate for PUBLIC_URL',
    };
  }
  if (body.instance !== deps.instanceId) {
    return {
      name,
      status: 'fail',
      detail: `${deps.publicUrl()} answers, but it is another installation (another ENCRYPTION_KEY) or not this app`,
      fix: 'point PUBLIC_URL (and the reverse proxy) at this installation, with the same ENCRYPTION_KEY in every process',
    };
  }
  return { name, status: 'ok', detail: `${deps.publicUrl()} reaches this installation` };
}

function vendorHosts(config: DoctorDeps['config']): [string, string][] {
  const xero = config.xero.baseUrls;
  return [
    ['Pipedrive OAuth host', config.pipedrive.oauthUrl],
    ['Xero login host', xero.login],
    ['Xero identity host', xero.identity],
    ['Xero API host', xero.api],
    ['Xero Accounting API', xero.accounting],
  ];
}

/** Any HTTP answer will do: it proves DNS, the route and TLS. Its Date header measures our clock. */
async function hostAnswers(
  name: string,
  url: string,
  deps: DoctorDeps,
  doFetch: typeof fetch,
  skews: number[],
): Promise<DoctorCheck> {
  try {
    const response = await doFetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(HOST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    const date = response.headers.get('date');
    if (date !== null) skews.push((deps.clock.now().getTime() - Date.parse(date)) / 1000);
    return { name, status: 'ok', detail: `${url} answers (HTTP ${response.status})` };
  } catch (error) {
    return {
      name,
      status: 'fail',
      detail: `${url}: ${reason(error)}`,
      fix: "check the URL in the configuration (leave it unset for the vendor's own) and this machine's DNS, firewall and outgoing proxy",
    };
  }
}

/** Per installed company: its webhook, and both vendor connections used live. */
async function companyChecks(deps: DoctorDeps): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const companies = await listCompanies(deps.db);
  if (companies.length === 0) {
    checks.push({
      name: 'companies',
      status: 'warn',
      detail: 'no company has installed the app yet',
      fix: `install it into Pipedrive: ${deps.publicUrl()}/oauth/pipedrive/install`,
    });
  }
  for (const company of companies) {
    const label = `company ${company.id}`;
    const reinstall = `install the app again from Pipedrive (${deps.publicUrl()}/oauth/pipedrive/install)`;
    try {
      const client = await deps.connections.pipedriveFor(company.id);
      const listed = await client.listWebhooks();
      checks.push({
        name: `${label} Pipedrive token`,
        status: 'ok',
        detail: `${company.domain}: the API answers with the stored grant`,
      });
      const url = webhookUrl(deps.publicUrl(), company.id);
      const { keep, problem } = judgeWebhooks(listed, url);
      checks.push(
        problem === null
          ? {
              name: `${label} webhook`,
              status: 'ok',
              detail: `registered, active, pointing here${keep?.last_http_status == null ? '' : ` (last delivery: HTTP ${keep.last_http_status})`}`,
            }
          : {
              name: `${label} webhook`,
              status: 'fail',
              detail: WEBHOOK_PROBLEMS[problem],
              fix: `npx pipedrive-xero catch-up --company ${company.id} makes it again (the app also does every CATCH_UP_INTERVAL_MS)`,
            },
      );
    } catch (error) {
      checks.push({
        name: `${label} Pipedrive token`,
        status: 'fail',
        detail: `${company.domain}: ${reason(error)}`,
        fix: reinstall,
      });
    }
    checks.push(
      await xeroToken(deps, company.id, label).catch((error: unknown): DoctorCheck => ({
        name: `${label} Xero token`,
        status: 'fail',
        detail: reason(error),
        fix: 'see the encryption key check above',
      })),
    );
  }
  return checks;
}

async function xeroToken(deps: DoctorDeps, companyId: number, label: string): Promise<DoctorCheck> {
  const name = `${label} Xero token`;
  const reconnect = `open the company's Xero connect link again (\`npx pipedrive-xero status --links --company ${companyId}\`)`;
  const connection = await getXeroConnection(deps.db, deps.box, companyId);
  if (connection === undefined)
    return { name, status: 'fail', detail: 'Xero is not connected', fix: reconnect };
  if (connection.status !== 'active') {
    return {
      name,
      status: 'fail',
      detail: `${connection.tenantName}: Xero refused the stored grant (needs reconnecting)`,
      fix: reconnect,
    };
  }
  try {
    await deps.connections.xero.getOrganisation({
      companyId: String(companyId),
      tenantId: connection.tenantId,
    });
    return { name, status: 'ok', detail: `${connection.tenantName}: the API answers` };
  } catch (error) {
    return {
      name,
      status: 'fail',
      detail: `${connection.tenantName}: ${reason(error)}`,
      fix: reconnect,
    };
  }
}

const WEBHOOK_PROBLEMS: Record<WebhookProblem, string> = {
  missing: 'not registered in Pipedrive (deleted, or never made)',
  inactive: 'registered but inactive (Pipedrive bans one after failed deliveries)',
  elsewhere: 'registered, but pointing at another address than PUBLIC_URL',
};

function clock(skews: number[]): DoctorCheck {
  if (skews.length === 0) {
    return {
      name: 'clock',
      status: 'warn',
      detail: 'not measured: no vendor host answered with a Date',
      fix: 'fix the hosts above first',
    };
  }
  const worst = skews.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
  const words = `${Math.abs(Math.round(worst))} s ${worst >= 0 ? 'ahead of' : 'behind'} the vendors`;
  if (Math.abs(worst) > MAX_SKEW_SECONDS) {
    return {
      name: 'clock',
      status: 'fail',
      detail: words,
      fix: 'synchronise the clock (systemd-timesyncd, chrony or ntpd)',
    };
  }
  return { name: 'clock', status: 'ok', detail: words };
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

function reason(error: unknown): string {
  if (error instanceof AppError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${HOST_TIMEOUT_MS / 1000} s`;
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
