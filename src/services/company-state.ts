import { AppError } from '../errors.js';
import { getCompany } from '../store/repos/companies.js';
import { getXeroConnection } from '../store/repos/xero-connections.js';
import { notConnectedPanel, type PanelError } from '../sync/mapping/panels.js';
import type { SyncDeps } from '../sync/ports.js';
import type { AppContext } from './context.js';
import { xeroConnectUrl } from './links.js';
import { buildSyncDeps, type SyncDepsContext } from './sync-deps.js';

/**
 * Whether a company can be shown anything from Xero, and if not the fix in plain words with its
 * link: install the app (no company or no usable Pipedrive grant), connect Xero, or reconnect it
 * (the stored grant was refused, docs/vendors/xero.md §1.2). Panels show the fix as their error state; actions
 * say it in their error message.
 */
export type CompanyState = { ok: true; deps: SyncDeps } | { ok: false; problem: PanelError };

export type PanelDeps = SyncDepsContext & Pick<AppContext, 'publicUrl'>;

export async function companyState(deps: PanelDeps, companyId: number): Promise<CompanyState> {
  const installUrl = `${deps.publicUrl()}/oauth/pipedrive/install`;
  const notInstalled: CompanyState = {
    ok: false,
    problem: {
      status: 409,
      body: {
        error: {
          title: 'Install the app again',
          subtitle:
            'This Pipedrive company has not installed pipedrive-xero, or its install expired.',
          action: { url: installUrl, label: 'Install' },
        },
      },
    },
  };
  if ((await getCompany(deps.db, companyId)) === undefined) return notInstalled;
  const connectUrl = xeroConnectUrl(deps.publicUrl(), companyId);
  const connection = await getXeroConnection(deps.db, deps.box, companyId);
  if (connection === undefined)
    return { ok: false, problem: notConnectedPanel('not_connected', connectUrl) };
  if (connection.status === 'needs_reauth')
    return { ok: false, problem: notConnectedPanel('needs_reauth', connectUrl) };
  try {
    return { ok: true, deps: await buildSyncDeps(deps, companyId) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'pipedrive_not_connected') return notInstalled;
    throw error;
  }
}

/** A Xero refusal of the stored grant found while reading: the same fix as needs_reauth. */
export function reauthProblem(
  deps: Pick<AppContext, 'publicUrl'>,
  companyId: number,
  error: unknown,
): PanelError | undefined {
  if (!(error instanceof AppError) || error.code !== 'xero_reauth_required') return undefined;
  return notConnectedPanel('needs_reauth', xeroConnectUrl(deps.publicUrl(), companyId));
}

/** The error state's words as one sentence, for a JSON-modal error message. */
export function problemMessage(problem: PanelError): string {
  const { title, subtitle, action } = problem.body.error;
  return `${title}: ${subtitle} ${action.label}: ${action.url}`;
}
