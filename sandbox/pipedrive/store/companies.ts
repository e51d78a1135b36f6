import type { PipedriveChange, PipedriveChangeListener, PipedriveEntity } from '../world.js';
import type { Company } from './company.js';
import { changedFields, renderWebhookData } from './render-webhook.js';
import type {
  ActivityRecord,
  DealRecord,
  NoteRecord,
  OrganizationRecord,
  PersonRecord,
  ProductRecord,
} from './types.js';

/** Entities the API writes, with their record types. */
export interface WritableEntities {
  deal: DealRecord;
  person: PersonRecord;
  organization: OrganizationRecord;
  product: ProductRecord;
  note: NoteRecord;
  activity: ActivityRecord;
}
export type WritableEntity = keyof WritableEntities;

/** Who made a change: the user, and 'api' (API writes) or 'app' (control-API "UI" edits). */
export interface ChangeContext {
  userId: number;
  source: 'api' | 'app';
}

/**
 * Every company, and the only place data changes: each create, change and delete is announced as
 * a `PipedriveChange` in webhook v2 shape (docs/vendors/pipedrive.md §5.3, §9 items 16–17).
 */
export class PipedriveCompanies {
  private readonly companies = new Map<number, Company>();
  private readonly listeners = new Set<PipedriveChangeListener>();

  constructor(private readonly now: () => number) {}

  add(company: Company): void {
    this.companies.set(company.id, company);
  }

  clear(): void {
    this.companies.clear();
  }

  get(companyId: number): Company | undefined {
    return this.companies.get(companyId);
  }

  byDomain(domain: string): Company | undefined {
    return [...this.companies.values()].find((company) => company.domain === domain);
  }

  list(): Company[] {
    return [...this.companies.values()];
  }

  onChange(listener: PipedriveChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create<E extends WritableEntity>(
    company: Company,
    entity: E,
    record: WritableEntities[E],
    context: ChangeContext,
  ): WritableEntities[E] {
    tableOf(company, entity).set(record.id, record);
    this.announce(
      company,
      entity,
      'create',
      record.id,
      renderWebhookData(company, entity, record),
      null,
      context,
    );
    return record;
  }

  /** Applies a partial update, stamps `update_time`, and announces only the changed fields. */
  update<E extends WritableEntity>(
    company: Company,
    entity: E,
    record: WritableEntities[E],
    patch: Partial<WritableEntities[E]>,
    context: ChangeContext,
  ): WritableEntities[E] {
    const before = renderWebhookData(company, entity, record);
    Object.assign(record, patch, { update_time: this.now() });
    if (entity === 'deal') {
      const deal = record as DealRecord;
      deal.value = company.computeDealValue(deal);
    }
    const after = renderWebhookData(company, entity, record);
    const previous = changedFields(before, after);
    delete previous['update_time'];
    if (Object.keys(previous).length > 0) {
      previous['update_time'] = before['update_time'];
      this.announce(company, entity, 'change', record.id, after, previous, context);
    }
    return record;
  }

  /** Soft delete (`is_deleted`) for v2 entities; notes and activities are removed outright. */
  remove<E extends WritableEntity>(
    company: Company,
    entity: E,
    record: WritableEntities[E],
    context: ChangeContext,
  ): void {
    const last = renderWebhookData(company, entity, record);
    if ('is_deleted' in record)
      Object.assign(record, { is_deleted: true, update_time: this.now() });
    else tableOf(company, entity).delete(record.id);
    this.announce(company, entity, 'delete', record.id, null, last, context);
  }

  /** Re-derives a deal's value after its products or discounts changed (announced if it moved). */
  refreshDealValue(company: Company, dealId: number, context: ChangeContext): void {
    const deal = company.deals.get(dealId);
    if (deal) this.update(company, 'deal', deal, {}, context);
  }

  private announce(
    company: Company,
    entity: PipedriveEntity,
    action: PipedriveChange['action'],
    entityId: number,
    data: Record<string, unknown> | null,
    previous: Record<string, unknown> | null,
    context: ChangeContext,
  ): void {
    const change: PipedriveChange = {
      companyId: company.id,
      userId: context.userId,
      entity,
      action,
      entityId,
      data,
      previous,
      changeSource: context.source,
      atMs: this.now(),
    };
    for (const listener of this.listeners) listener(change);
  }
}

function tableOf<E extends WritableEntity>(
  company: Company,
  entity: E,
): Map<number, WritableEntities[E]> {
  const tables: { [K in WritableEntity]: Map<number, WritableEntities[K]> } = {
    deal: company.deals,
    person: company.persons,
    organization: company.organizations,
    product: company.products,
    note: company.notes,
    activity: company.activities,
  };
  return tables[entity] as Map<number, WritableEntities[E]>;
}
