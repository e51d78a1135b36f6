import type * as V1 from 'pipedrive/v1';
import type { AddNoteRequest, AddWebhookRequest } from 'pipedrive/v1';
import type * as V2 from 'pipedrive/v2';
import type {
  UpdateDealRequest,
  UpdateOrganizationRequest,
  UpdatePersonRequest,
} from 'pipedrive/v2';

import { PipedriveApiError } from './errors.js';
import { PipedriveTransport, type PipedriveTransportDeps } from './transport.js';
import type {
  FieldEntity,
  NewWebhook,
  Page,
  PageRequest,
  PipedriveDeal,
  PipedriveDealDiscount,
  PipedriveDealPatch,
  PipedriveDealProduct,
  PipedriveFieldDefinition,
  PipedriveMe,
  PipedriveNote,
  PipedriveOrganization,
  PipedrivePerson,
  PipedrivePipeline,
  PipedriveProduct,
  PipedriveStage,
  PipedriveUser,
  PipedriveWebhookSubscription,
} from './types.js';

/**
 * The app's Pipedrive API client for one connection. Requests are built by the official `pipedrive`
 * client's param creators (paths, query strings, bodies, v2 where it exists, v1 for notes, users/me
 * and webhooks — docs/vendors/pipedrive.md §2.1) and sent by PipedriveTransport (see there why not by the
 * official client's axios). The base is the connection's `api_domain` (§1.5), never a fixed host.
 */

export interface PipedriveClientDeps extends PipedriveTransportDeps {
  /** `api_domain` from the token response, e.g. `https://acme.pipedrive.com`. */
  apiDomain: string;
  /** Page size when the client reads every page itself; default and maximum 500 (§4). */
  pageSize?: number;
}

/** What the official param creators return: a path + query relative to the base, and options. */
interface BuiltRequest {
  url: string;
  options: { method?: string; headers?: unknown; data?: unknown };
}

interface Envelope {
  data?: unknown;
  additional_data?: {
    next_cursor?: string | null;
    /** v1 offset paging (§4). */
    pagination?: { more_items_in_collection?: boolean; next_start?: number };
  } | null;
}

const MAX_LIMIT = 500; // §4: v2 lists take at most 500 per page
const MAX_IDS = 100; // the most one `ids` (or `deal_ids`) list call takes (§3.3, §3.6)

const fieldCreators = {
  deal: ({ v2, c2 }: Sdk) => v2.DealFieldsApiAxiosParamCreator(c2).getDealFields,
  organization: ({ v2, c2 }: Sdk) =>
    v2.OrganizationFieldsApiAxiosParamCreator(c2).getOrganizationFields,
  person: ({ v2, c2 }: Sdk) => v2.PersonFieldsApiAxiosParamCreator(c2).getPersonFields,
  product: ({ v2, c2 }: Sdk) => v2.ProductFieldsApiAxiosParamCreator(c2).getProductFields,
} as const;

/**
 * The official client's modules and this connection's configurations. The modules are large (about
 * 50 MB and half a CPU-second to load, most of a start-up), so they are loaded on the first request:
 * a process that never calls Pipedrive (an idle `serve`, the webhook intake) never loads them.
 */
interface Sdk {
  v1: typeof V1;
  v2: typeof V2;
  c1: V1.Configuration;
  c2: V2.Configuration;
}

let modules: Promise<[typeof V1, typeof V2]> | undefined;

function loadModules(): Promise<[typeof V1, typeof V2]> {
  modules ??= Promise.all([import('pipedrive/v1'), import('pipedrive/v2')]);
  return modules;
}

export class PipedriveClient {
  private readonly transport: PipedriveTransport;
  private readonly v1Base: string;
  private readonly v2Base: string;
  private sdkOfConnection: Promise<Sdk> | undefined;
  private readonly pageSize: number;

  constructor(deps: PipedriveClientDeps) {
    this.pageSize = Math.min(deps.pageSize ?? MAX_LIMIT, MAX_LIMIT);
    const domain = deps.apiDomain.replace(/\/+$/, '');
    this.v1Base = `${domain}/api/v1`;
    this.v2Base = `${domain}/api/v2`;
    this.transport = new PipedriveTransport(deps);
  }

  private sdk(): Promise<Sdk> {
    this.sdkOfConnection ??= loadModules().then(([v1, v2]) => ({
      v1,
      v2,
      c1: new v1.Configuration({ basePath: this.v1Base }),
      c2: new v2.Configuration({ basePath: this.v2Base }),
    }));
    return this.sdkOfConnection;
  }

  async getDeal(dealId: number): Promise<PipedriveDeal> {
    const { v2, c2 } = await this.sdk();
    return this.data(this.v2Base, v2.DealsApiAxiosParamCreator(c2).getDeal(dealId));
  }

  /** PATCH /api/v2/deals/{id}: standard fields at the top, custom ones under `custom_fields` (§3.1). */
  async updateDeal(dealId: number, patch: PipedriveDealPatch): Promise<PipedriveDeal> {
    const { v2, c2 } = await this.sdk();
    return this.data(
      this.v2Base,
      v2.DealsApiAxiosParamCreator(c2).updateDeal(dealId, patch as UpdateDealRequest),
    );
  }

  /**
   * One page of deals (open, won and lost; not deleted or archived), by id; with `updatedSince`
   * only those updated since (https://developers.pipedrive.com/docs/api/v1/Deals#getDeals, v2).
   */
  async listDeals(page: PageRequest = {}): Promise<Page<PipedriveDeal>> {
    const { v2, c2 } = await this.sdk();
    const c = v2.DealsApiAxiosParamCreator(c2);
    return this.page(
      // prettier-ignore
      c.getDeals(undefined, undefined, undefined, undefined, undefined, undefined, undefined,
        undefined, page.updatedSince, undefined, 'id', 'asc', undefined, undefined, undefined,
        undefined, limitOf(page), page.cursor),
    );
  }

  /** Every product line of the deal, all pages (§3.3). */
  async listDealProducts(dealId: number): Promise<PipedriveDealProduct[]> {
    const { v2, c2 } = await this.sdk();
    const creator = v2.DealProductsApiAxiosParamCreator(c2);
    return this.allPages((cursor) => creator.getDealProducts(dealId, cursor, this.pageSize));
  }

  /**
   * The product lines of several deals, all pages, in one call per page (v2 `GET /deals/products`,
   * at most 100 deal ids, 10 tokens: https://developers.pipedrive.com/docs/api/v1/DealProducts#getDealsProducts).
   * Sorted by line id, as a single deal's lines are (§3.3).
   */
  async listDealProductsOfDeals(dealIds: readonly number[]): Promise<PipedriveDealProduct[]> {
    if (dealIds.length === 0) return [];
    const { v2, c2 } = await this.sdk();
    const creator = v2.DealProductsApiAxiosParamCreator(c2);
    const ids = dealIds.slice(0, MAX_IDS);
    return this.allPages((cursor) => creator.getDealsProducts(ids, cursor, MAX_LIMIT));
  }

  /** Deal-level discounts (§3.4; not paginated). */
  async listDealDiscounts(dealId: number): Promise<PipedriveDealDiscount[]> {
    const { v2, c2 } = await this.sdk();
    return this.data(this.v2Base, v2.DealsApiAxiosParamCreator(c2).getAdditionalDiscounts(dealId));
  }

  async getOrganization(id: number): Promise<PipedriveOrganization> {
    const { v2, c2 } = await this.sdk();
    return this.data(this.v2Base, v2.OrganizationsApiAxiosParamCreator(c2).getOrganization(id));
  }

  /** PATCH /api/v2/organizations/{id}: custom fields under `custom_fields` (§3.1). */
  async updateOrganization(
    id: number,
    patch: { custom_fields: Record<string, unknown> },
  ): Promise<PipedriveOrganization> {
    const { v2, c2 } = await this.sdk();
    return this.data(
      this.v2Base,
      v2
        .OrganizationsApiAxiosParamCreator(c2)
        .updateOrganization(id, patch as UpdateOrganizationRequest),
    );
  }

  /** PATCH /api/v2/persons/{id}: custom fields under `custom_fields` (§3.1). */
  async updatePerson(
    id: number,
    patch: { custom_fields: Record<string, unknown> },
  ): Promise<PipedrivePerson> {
    const { v2, c2 } = await this.sdk();
    return this.data(
      this.v2Base,
      v2.PersonsApiAxiosParamCreator(c2).updatePerson(id, patch as UpdatePersonRequest),
    );
  }

  async getPerson(id: number): Promise<PipedrivePerson> {
    const { v2, c2 } = await this.sdk();
    return this.data(this.v2Base, v2.PersonsApiAxiosParamCreator(c2).getPerson(id));
  }

  async getProduct(id: number): Promise<PipedriveProduct> {
    const { v2, c2 } = await this.sdk();
    return this.data(this.v2Base, v2.ProductsApiAxiosParamCreator(c2).getProduct(id));
  }

  // Records by ids, one call per hundred (v2 list endpoints' `ids`: at most 100, 10 tokens; "if any of the
  // requested entities do not exist or are not visible, they are not included in the response",
  // https://developers.pipedrive.com/docs/api/v1/Deals#getDeals and the same on Organizations,
  // Persons and Products). Deleted and archived records are left out too (§3.1).

  async listDealsById(ids: readonly number[]): Promise<PipedriveDeal[]> {
    const { v2, c2 } = await this.sdk();
    const c = v2.DealsApiAxiosParamCreator(c2);
    return this.byIds(ids, (joined) =>
      // prettier-ignore
      c.getDeals(undefined, joined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'id', 'asc', undefined, undefined, undefined, undefined, 100),
    );
  }

  async listOrganizationsById(ids: readonly number[]): Promise<PipedriveOrganization[]> {
    const { v2, c2 } = await this.sdk();
    const c = v2.OrganizationsApiAxiosParamCreator(c2);
    return this.byIds(ids, (joined) =>
      // prettier-ignore
      c.getOrganizations(undefined, joined, undefined, undefined, undefined, 'id', 'asc', undefined, undefined, undefined, undefined, 100),
    );
  }

  async listPersonsById(ids: readonly number[]): Promise<PipedrivePerson[]> {
    const { v2, c2 } = await this.sdk();
    const c = v2.PersonsApiAxiosParamCreator(c2);
    return this.byIds(ids, (joined) =>
      // prettier-ignore
      c.getPersons(undefined, joined, undefined, undefined, undefined, undefined, undefined, 'id', 'asc', undefined, undefined, undefined, undefined, 100),
    );
  }

  async listProductsById(ids: readonly number[]): Promise<PipedriveProduct[]> {
    const { v2, c2 } = await this.sdk();
    const c = v2.ProductsApiAxiosParamCreator(c2);
    return this.byIds(ids, (joined) =>
      c.getProducts(undefined, joined, undefined, undefined, 100, 'id', 'asc'),
    );
  }

  private async byIds<T>(
    ids: readonly number[],
    build: (joined: string) => Promise<BuiltRequest>,
  ): Promise<T[]> {
    const records: T[] = [];
    for (let start = 0; start < ids.length; start += MAX_IDS) {
      const page = await this.page<T>(build(ids.slice(start, start + MAX_IDS).join(',')));
      records.push(...page.items);
    }
    return records;
  }

  // The list param creators take the spec's query parameters positionally; unused ones are
  // undefined. Pages are sorted by id ascending so a bulk sync can resume from a cursor.

  /** One page of products; pass `nextCursor` back for the next (§4). */
  async listProducts(page: PageRequest = {}): Promise<Page<PipedriveProduct>> {
    const { v2, c2 } = await this.sdk();
    const c = v2.ProductsApiAxiosParamCreator(c2);
    return this.page(
      // prettier-ignore
      c.getProducts(undefined, undefined, undefined, page.cursor, limitOf(page), 'id', 'asc',
        page.updatedSince),
    );
  }

  async listOrganizations(page: PageRequest = {}): Promise<Page<PipedriveOrganization>> {
    const { v2, c2 } = await this.sdk();
    const c = v2.OrganizationsApiAxiosParamCreator(c2);
    return this.page(
      // prettier-ignore
      c.getOrganizations(undefined, undefined, undefined, page.updatedSince, undefined, 'id', 'asc',
        undefined, undefined, undefined, undefined, limitOf(page), page.cursor),
    );
  }

  async listPersons(page: PageRequest = {}): Promise<Page<PipedrivePerson>> {
    const { v2, c2 } = await this.sdk();
    const c = v2.PersonsApiAxiosParamCreator(c2);
    return this.page(
      // prettier-ignore
      c.getPersons(undefined, undefined, undefined, undefined, undefined, page.updatedSince,
        undefined, 'id', 'asc', undefined, undefined, undefined, undefined, limitOf(page), page.cursor),
    );
  }

  async listPipelines(): Promise<PipedrivePipeline[]> {
    const { v2, c2 } = await this.sdk();
    const c = v2.PipelinesApiAxiosParamCreator(c2);
    return this.allPages((cursor) => c.getPipelines('id', 'asc', this.pageSize, cursor));
  }

  /** Stages of one pipeline, or of all pipelines. */
  async listStages(pipelineId?: number): Promise<PipedriveStage[]> {
    const { v2, c2 } = await this.sdk();
    const c = v2.StagesApiAxiosParamCreator(c2);
    return this.allPages((cursor) => c.getStages(pipelineId, 'id', 'asc', this.pageSize, cursor));
  }

  /** v2 field definitions (§3.2), custom fields included. */
  async listFields(entity: FieldEntity): Promise<PipedriveFieldDefinition[]> {
    const list = fieldCreators[entity](await this.sdk());
    return this.allPages((cursor) => list(undefined, this.pageSize, cursor));
  }

  /** Adds an HTML note to the deal (v1 only, §3.9). */
  async addNote(dealId: number, html: string): Promise<PipedriveNote> {
    const { v1, c1 } = await this.sdk();
    const body: AddNoteRequest = { content: html, deal_id: dealId };
    return this.data(this.v1Base, v1.NotesApiAxiosParamCreator(c1).addNote(body));
  }

  /**
   * One page of the deal's notes (v1 offset paging, §3.9, §4), newest first so a note just written
   * is on the first page; pass `nextStart` back for the next page.
   */
  async listDealNotes(
    dealId: number,
    start = 0,
  ): Promise<{ items: PipedriveNote[]; nextStart: number | null }> {
    const { v1, c1 } = await this.sdk();
    const c = v1.NotesApiAxiosParamCreator(c1);
    const envelope = await this.send(
      this.v1Base,
      // prettier-ignore
      c.getNotes(undefined, undefined, dealId, undefined, undefined, undefined, undefined, start,
        this.pageSize, 'id DESC'),
    );
    const pagination = envelope.additional_data?.pagination;
    return {
      items: (envelope.data ?? []) as PipedriveNote[],
      nextStart: pagination?.more_items_in_collection ? (pagination.next_start ?? null) : null,
    };
  }

  /** The installing user and company (§3.11). */
  async getMe(): Promise<PipedriveMe> {
    const { v1, c1 } = await this.sdk();
    return this.data(this.v1Base, v1.UsersApiAxiosParamCreator(c1).getCurrentUser());
  }

  /** One user of the company, to check who is an admin (§3.11; scope `users:read`). */
  async getUser(id: number): Promise<PipedriveUser> {
    const { v1, c1 } = await this.sdk();
    return this.data(this.v1Base, v1.UsersApiAxiosParamCreator(c1).getUser(id));
  }

  /** Subscribes to webhooks v2 with Basic auth on delivery (§5.1; needs scope `admin`). */
  async createWebhook(input: NewWebhook): Promise<PipedriveWebhookSubscription> {
    const { v1, c1 } = await this.sdk();
    const body: AddWebhookRequest = {
      subscription_url: input.subscriptionUrl,
      event_action: input.eventAction,
      event_object: input.eventObject as AddWebhookRequest['event_object'],
      name: input.name,
      http_auth_user: input.httpAuthUser,
      http_auth_password: input.httpAuthPassword,
      version: '2.0',
      ...(input.userId !== undefined && { user_id: input.userId }),
    };
    return this.data(this.v1Base, v1.WebhooksApiAxiosParamCreator(c1).addWebhook(body));
  }

  /** The webhooks this app created (app webhooks are visible only to their app, §5.1). */
  async listWebhooks(): Promise<PipedriveWebhookSubscription[]> {
    const { v1, c1 } = await this.sdk();
    return this.data(this.v1Base, v1.WebhooksApiAxiosParamCreator(c1).getWebhooks());
  }

  async deleteWebhook(id: number): Promise<void> {
    const { v1, c1 } = await this.sdk();
    await this.send(this.v1Base, v1.WebhooksApiAxiosParamCreator(c1).deleteWebhook(id));
  }

  private async send(base: string, built: Promise<BuiltRequest>): Promise<Envelope> {
    const { url, options } = await built;
    const body = await this.transport.send({
      method: options.method ?? 'GET',
      url: `${base}${url}`,
      headers: headerRecord(options.headers),
      ...(typeof options.data === 'string' && { body: options.data }),
    });
    if (!body || typeof body !== 'object') {
      throw new PipedriveApiError('pipedrive_bad_response', 'answer has no JSON envelope', {
        method: options.method ?? 'GET',
        path: new URL(`${base}${url}`).pathname,
      });
    }
    return body as Envelope;
  }

  private async data<T>(base: string, built: Promise<BuiltRequest>): Promise<T> {
    return (await this.send(base, built)).data as T;
  }

  private async page<T>(built: Promise<BuiltRequest>): Promise<Page<T>> {
    const envelope = await this.send(this.v2Base, built);
    return {
      items: (envelope.data ?? []) as T[],
      nextCursor: envelope.additional_data?.next_cursor ?? null,
    };
  }

  /** Follows `next_cursor` until it is null — an empty page is not a terminator (§4). */
  private async allPages<T>(build: (cursor?: string) => Promise<BuiltRequest>): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.page<T>(build(cursor));
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return items;
  }
}

function limitOf(page: PageRequest): number {
  return Math.min(page.limit ?? MAX_LIMIT, MAX_LIMIT);
}

function headerRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of Object.entries((headers ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') record[name.toLowerCase()] = value;
  }
  return record;
}
