import type { PipedriveEntity } from '../world.js';
import type { Company } from './company.js';
import { renderCustomWebhook } from './fields.js';
import { renderNoteV1 } from './render-v1.js';
import {
  renderActivityV2,
  renderDealV2,
  renderOrganizationV2,
  renderPersonV2,
  v2Time,
} from './render-v2.js';
import type {
  ActivityRecord,
  DealRecord,
  NoteRecord,
  OrganizationRecord,
  PersonRecord,
  PipelineRecord,
  ProductRecord,
  StageRecord,
} from './types.js';

/**
 * Webhook v2 `data` shape (docs/vendors/pipedrive.md §5.3): not the API v2 object. `visible_to` is a
 * string, `is_deleted`/`is_archived`/`acv`… are absent, custom fields are `{type, …}` objects, and
 * pipeline/stage/product payloads keep v1-style names. Pure, for the webhooks part to reuse.
 */
export function renderWebhookData(
  company: Company,
  entity: PipedriveEntity,
  record: unknown,
): Record<string, unknown> {
  switch (entity) {
    case 'deal': {
      const deal = record as DealRecord;
      const {
        is_deleted: _d,
        is_archived: _a,
        acv: _acv,
        arr: _arr,
        mrr: _mrr,
        ...rest
      } = renderDealV2(company, deal);
      return {
        ...rest,
        visible_to: String(deal.visible_to),
        custom_fields: renderCustomWebhook(company.fields.deal, deal.custom),
      };
    }
    case 'organization': {
      const org = record as OrganizationRecord;
      const { is_deleted: _d, ...rest } = renderOrganizationV2(company, org);
      return {
        ...rest,
        visible_to: String(org.visible_to),
        custom_fields: renderCustomWebhook(company.fields.organization, org.custom),
      };
    }
    case 'person': {
      const person = record as PersonRecord;
      const { is_deleted: _d, ...rest } = renderPersonV2(company, person);
      return {
        ...rest,
        visible_to: String(person.visible_to),
        custom_fields: renderCustomWebhook(company.fields.person, person.custom),
      };
    }
    case 'product': {
      const product = record as ProductRecord;
      return {
        id: product.id,
        name: product.name,
        code: product.code,
        description: product.description,
        unit: product.unit,
        tax: product.tax,
        category: product.category,
        active_flag: !product.is_deleted,
        selectable: product.is_linkable,
        visible_to: String(product.visible_to),
        owner_id: product.owner_id,
        billing_frequency: product.billing_frequency,
        billing_frequency_cycles: product.billing_frequency_cycles,
        prices: product.prices.map((price) => ({ product_id: product.id, ...price })),
        add_time: v2Time(product.add_time),
        update_time: v2Time(product.update_time),
        custom_fields: renderCustomWebhook(company.fields.product, product.custom),
      };
    }
    case 'note':
      return renderNoteV1(company, record as NoteRecord);
    case 'activity':
      return renderActivityV2(record as ActivityRecord);
    case 'pipeline': {
      const pipeline = record as PipelineRecord;
      return {
        id: pipeline.id,
        name: pipeline.name,
        url_title: pipeline.name.toLowerCase().replace(/\W+/g, '-'),
        order_nr: pipeline.order_nr,
        active_flag: true,
        deal_probability: false,
        add_time: v2Time(pipeline.add_time),
        update_time: v2Time(pipeline.update_time),
      };
    }
    case 'stage': {
      const stage = record as StageRecord;
      return {
        id: stage.id,
        name: stage.name,
        pipeline_id: stage.pipeline_id,
        order_nr: stage.order_nr,
        deal_probability: stage.deal_probability,
        active_flag: true,
        rotten_flag: false,
        rotten_days: null,
        add_time: v2Time(stage.add_time),
        update_time: v2Time(stage.update_time),
      };
    }
  }
}

/**
 * The previous values of the fields that differ between two webhook renderings; custom fields are
 * compared one by one (§5.3: `previous` holds only the changed fields).
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'custom_fields') {
      const oldCustom = (before[key] ?? {}) as Record<string, unknown>;
      const newCustom = (after[key] ?? {}) as Record<string, unknown>;
      const changed = changedFields(oldCustom, newCustom);
      if (Object.keys(changed).length > 0) previous[key] = changed;
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      previous[key] = before[key] ?? null;
    }
  }
  return previous;
}
