import { OTHER_COMPANY_ID } from '../../sandbox/pipedrive/store/seed-demo.js';
import { OTHER_TENANT } from '../../sandbox/xero/seed.js';
import { CookieJar, walkPipedriveInstall, walkXeroConnect } from '../../src/cli/oauth-walk.js';
import { xeroConnectUrl } from '../../src/services/links.js';
import { updateCompanySettings } from '../../src/store/repos/companies.js';
import { parseSettings } from '../../src/sync/settings.js';
import { type AppKit, COMPANY, SALES, TENANT_A } from './app-kit.js';
import { pollFor } from './poll.js';

/**
 * Issue 12's scenario: company A (the kit's demo company, Xero organisation TENANT_A) moves a
 * backlog of deals to its trigger stage, then company B (the sandbox's other company, its own
 * organisation OTHER_TENANT) moves a few. Used by the fairness tests and the bench figure; times are
 * the kit's clock (the sandboxes', which the app shares when the kit has `sharedClock`).
 */
export const COMPANY_B = OTHER_COMPANY_ID;
export const TENANT_B = OTHER_TENANT;

export interface Side {
  company: number;
  tenantId: string;
  /** The trigger stage. */
  to: number;
  ids: number[];
}

/** Installs company B by its own admin, connects it to its organisation and sets a trigger. */
export async function readyCompanyB(kit: AppKit): Promise<{ won: number }> {
  const jar = new CookieJar();
  const installed = await walkPipedriveInstall(
    kit.appUrl,
    { company_id: String(COMPANY_B), user_id: '2001' },
    jar,
  );
  if (installed.status !== 303) throw new Error(`install of B: ${installed.status}`);
  const connected = await walkXeroConnect(
    xeroConnectUrl(kit.appUrl, COMPANY_B),
    { login_hint: 'owner@otherco.example', tenant_ids: TENANT_B },
    jar,
  );
  if (connected.status !== 200)
    throw new Error(`connect of B: ${connected.status} ${connected.body.slice(0, 400)}`);
  const client = await kit.app.connections.pipedriveFor(COMPANY_B);
  const [pipeline] = await client.listPipelines();
  const won = (await client.listStages(pipeline!.id)).find((stage) => stage.name === 'Won');
  if (pipeline === undefined || won === undefined) throw new Error("B's pipeline has no Won stage");
  const parsed = parseSettings({
    triggers: { rules: [{ pipelineId: pipeline.id, stageId: won.id, document: 'invoice' }] },
    // An Australian organisation has no NONE tax type (docs/vendors/xero.md, tax types).
    documents: { noTaxType: 'BASEXCLUDED' },
    // Its organisation has no items yet.
    items: { productNotFound: 'create_item' },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  await updateCompanySettings(kit.app.db, COMPANY_B, parsed.settings);
  return { won: won.id };
}

/** `count` new deals of the company like `templateId` (party, currency, lines), at `stageId`. */
async function makeDeals(
  kit: AppKit,
  company: number,
  templateId: number,
  stageId: number,
  count: number,
): Promise<number[]> {
  const client = await kit.app.connections.pipedriveFor(company);
  const template = await client.getDeal(templateId);
  const lines = await client.listDealProducts(template.id);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const { data } = await kit.control(
      'pipedrive',
      'POST',
      `/__sandbox/pipedrive/companies/${company}/deals`,
      {
        title: `Backlog ${company}-${i + 1}`,
        org_id: template.org_id,
        person_id: template.person_id,
        currency: template.currency,
        pipeline_id: template.pipeline_id,
        stage_id: stageId,
      },
    );
    for (const line of lines)
      await kit.control(
        'pipedrive',
        'POST',
        `/__sandbox/pipedrive/companies/${company}/deals/${data.id}/products`,
        { product_id: line.product_id, item_price: line.item_price, quantity: line.quantity },
      );
    ids.push(data.id as number);
  }
  return ids;
}

export interface FairnessSetup {
  a: Side;
  b: Side;
}

/** B installed and connected, and the deals of both made (not moved yet). */
export async function prepareFairness(
  kit: AppKit,
  counts: { a: number; b: number },
): Promise<FairnessSetup> {
  const { won } = await readyCompanyB(kit);
  const clientB = await kit.app.connections.pipedriveFor(COMPANY_B);
  const firstB = (await clientB.listDeals()).items[0]!;
  return {
    // Like the bench's burst: copies of the demo's deal 1, from "Qualified" to "Won".
    a: {
      company: COMPANY,
      tenantId: TENANT_A,
      to: SALES.won,
      ids: await makeDeals(kit, COMPANY, 1, SALES.qualified, counts.a),
    },
    b: {
      company: COMPANY_B,
      tenantId: TENANT_B,
      to: won,
      ids: await makeDeals(kit, COMPANY_B, firstB.id, firstB.stage_id, counts.b),
    },
  };
}

/** Moves the side's deals to its trigger stage and delivers the webhooks. */
export async function moveAll(kit: AppKit, side: Side): Promise<void> {
  for (const id of side.ids)
    await kit.control(
      'pipedrive',
      'POST',
      `/__sandbox/pipedrive/companies/${side.company}/deals/${id}/move`,
      { stage_id: side.to },
    );
  await kit.flushWebhooks();
}

/** How many drafts each of the side's deals has in its Xero organisation (deal id → count). */
export async function draftsOf(kit: AppKit, side: Side): Promise<Map<number, number>> {
  const { invoices } = await kit.documents(side.tenantId);
  const counts = new Map<number, number>();
  for (const invoice of invoices as { Reference?: string }[]) {
    const deal = Number(/^Pipedrive deal (\d+):/.exec(invoice.Reference ?? '')?.[1]);
    if (side.ids.includes(deal)) counts.set(deal, (counts.get(deal) ?? 0) + 1);
  }
  return counts;
}

/**
 * Polls until every deal of the side has its draft (or `timeoutMs` real ms pass); returns the kit
 * clock's time when it saw them all, and how many drafts the other side had then.
 */
export async function whenDrafted(
  kit: AppKit,
  side: Side,
  options: { timeoutMs: number; other?: Side; pollMs?: number },
): Promise<{ atMs: number; otherDrafted: number }> {
  const clock = kit.sandboxes.pipedrive.sandbox.clock;
  await pollFor(
    async () => ((await draftsOf(kit, side)).size >= side.ids.length ? true : undefined),
    {
      timeoutMs: options.timeoutMs,
      everyMs: options.pollMs ?? 100,
      what: `${side.ids.length} drafts`,
    },
  );
  const atMs = clock.now();
  const otherDrafted = options.other === undefined ? 0 : (await draftsOf(kit, options.other)).size;
  return { atMs, otherDrafted };
}
