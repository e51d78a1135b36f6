import { z } from 'zod';

import type { Company } from '../store/company.js';
import type { DealOps, DealProductInput } from '../store/deal-ops.js';
import { renderDealProductV2, renderDiscountV2 } from '../store/render-v2.js';
import type { DealProductRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import { dateSchema, defined, idSchema, numericId, parseBody } from './body.js';
import { ApiError, intListParam, pageV2 } from './paging.js';
import { findDeal } from './v2-deals.js';

/** v2 deal products and deal-level discounts (reference/pipedrive.md §3.3–3.4). */

const lineFields = {
  product_id: idSchema,
  item_price: z.number(),
  quantity: z.number().positive(),
  discount: z.number().nonnegative(),
  discount_type: z.enum(['percentage', 'amount']),
  tax: z.number().nonnegative(),
  tax_method: z.enum(['exclusive', 'inclusive', 'none']),
  comments: z.string(),
  is_enabled: z.boolean(),
  billing_frequency: z.enum([
    'one-time',
    'annually',
    'semi-annually',
    'quarterly',
    'monthly',
    'weekly',
  ]),
  billing_frequency_cycles: z.number().int().positive().max(208).nullable(),
  billing_start_date: dateSchema.nullable(),
};
export const addLineSchema = z
  .object(lineFields)
  .partial()
  .required({ product_id: true, item_price: true, quantity: true });
const updateLineSchema = z.object(lineFields).partial();
export const discountSchema = z.object({
  description: z.string().min(1),
  amount: z.number().positive(),
  type: z.enum(['percentage', 'amount']),
});

type Params = { id: string; product_attachment_id?: string; discount_id?: string };

function findLine(company: Company, dealId: number, rawId: string | undefined): DealProductRecord {
  const line = company.dealProducts.get(numericId(rawId));
  if (!line || line.deal_id !== dealId) throw new ApiError(404, 'Product attachment not found');
  return line;
}

const lineSortable = ['id', 'add_time', 'update_time', 'order_nr', 'deal_id'] as const;

export function dealLineRoutes(ops: DealOps): ApiRoute[] {
  return [
    {
      version: 'v2',
      method: 'GET',
      path: '/deals/{id}/products',
      handler: ({ company }, request) => {
        const deal = findDeal(company, (request.params as Params).id);
        const page = pageV2(
          company.productsOfDeal(deal.id),
          request.query as Record<string, string>,
          lineSortable.slice(0, 4),
          (line, field) => line[field as 'id'],
        );
        return {
          success: true,
          data: page.data.map((line) => renderDealProductV2(company, line)),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/deals/products',
      handler: ({ company }, request) => {
        const query = request.query as Record<string, string | undefined>;
        const dealIds = intListParam(query, 'deal_ids');
        if (!dealIds) throw new ApiError(400, 'Validation failed: deal_ids: Required');
        const lines = [...company.dealProducts.values()].filter(
          (line) =>
            dealIds.includes(line.deal_id) && company.deals.get(line.deal_id)?.is_deleted === false,
        );
        const page = pageV2(lines, query, lineSortable, (line, field) => line[field as 'id']);
        return {
          success: true,
          data: page.data.map((line) => renderDealProductV2(company, line)),
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/deals/{id}/products',
      status: 201,
      handler: ({ company, change }, request) => {
        const deal = findDeal(company, (request.params as Params).id);
        const input = parseBody(addLineSchema, request.body);
        if (!company.products.has(input.product_id))
          throw new ApiError(
            400,
            `Validation failed: product_id: Product ${input.product_id} not found`,
          );
        const line = ops.addProduct(company, deal, defined(input) as DealProductInput, change);
        return { success: true, data: renderDealProductV2(company, line) };
      },
    },
    {
      version: 'v2',
      method: 'PATCH',
      path: '/deals/{id}/products/{product_attachment_id}',
      handler: ({ company, change }, request) => {
        const params = request.params as Params;
        const line = findLine(
          company,
          findDeal(company, params.id).id,
          params.product_attachment_id,
        );
        const patch = defined(parseBody(updateLineSchema, request.body));
        return {
          success: true,
          data: renderDealProductV2(company, ops.updateProduct(company, line, patch, change)),
        };
      },
    },
    {
      version: 'v2',
      method: 'DELETE',
      path: '/deals/{id}/products/{product_attachment_id}',
      handler: ({ company, change }, request) => {
        const params = request.params as Params;
        const line = findLine(
          company,
          findDeal(company, params.id).id,
          params.product_attachment_id,
        );
        ops.removeProduct(company, line, change);
        return { success: true, data: { id: line.id } };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/deals/{id}/discounts',
      handler: ({ company }, request) => {
        const deal = findDeal(company, (request.params as Params).id);
        return { success: true, data: company.discountsOfDeal(deal.id).map(renderDiscountV2) };
      },
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/deals/{id}/discounts',
      status: 201,
      handler: ({ company, change }, request) => {
        const deal = findDeal(company, (request.params as Params).id);
        return {
          success: true,
          data: renderDiscountV2(
            ops.addDiscount(company, deal, parseBody(discountSchema, request.body), change),
          ),
        };
      },
    },
    {
      version: 'v2',
      method: 'PATCH',
      path: '/deals/{id}/discounts/{discount_id}',
      handler: ({ company, change }, request) => {
        const params = request.params as Params;
        const discount = findDiscount(company, findDeal(company, params.id).id, params.discount_id);
        const patch = defined(parseBody(discountSchema.partial(), request.body));
        return {
          success: true,
          data: renderDiscountV2(ops.updateDiscount(company, discount, patch, change)),
        };
      },
    },
    {
      version: 'v2',
      method: 'DELETE',
      path: '/deals/{id}/discounts/{discount_id}',
      handler: ({ company, change }, request) => {
        const params = request.params as Params;
        const discount = findDiscount(company, findDeal(company, params.id).id, params.discount_id);
        ops.removeDiscount(company, discount, change);
        return { success: true, data: { id: discount.id } };
      },
    },
  ];
}

function findDiscount(company: Company, dealId: number, id: string | undefined) {
  const discount = id === undefined ? undefined : company.dealDiscounts.get(id);
  if (!discount || discount.deal_id !== dealId) throw new ApiError(404, 'Discount not found');
  return discount;
}
