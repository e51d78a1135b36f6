import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { Company } from '../store/company.js';
import type { DealOps, DealProductInput } from '../store/deal-ops.js';
import { renderDealProductV2, renderDiscountV2 } from '../store/render-v2.js';
import type { DealDiscountRecord, DealProductRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import {
  billingFrequencySchema,
  dateSchema,
  defined,
  idSchema,
  numericId,
  parseBody,
} from './body.js';
import { ApiError, intListParam } from './paging.js';
import { findDeal } from './v2-deals.js';
import { idParam, listPage, queryOf } from './v2-route-kit.js';

/** v2 deal products and deal-level discounts (docs/vendors/pipedrive.md §3.3–3.4). */

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
  billing_frequency: billingFrequencySchema,
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

/** The deal product named by `{product_attachment_id}`, on the live deal named by `{id}`. */
function lineOf(company: Company, request: FastifyRequest): DealProductRecord {
  const params = request.params as Params;
  const dealId = findDeal(company, params.id).id;
  const line = company.dealProducts.get(numericId(params.product_attachment_id));
  if (!line || line.deal_id !== dealId) throw new ApiError(404, 'Product attachment not found');
  return line;
}

/** The discount named by `{discount_id}`, on the live deal named by `{id}`. */
function discountOf(company: Company, request: FastifyRequest): DealDiscountRecord {
  const params = request.params as Params;
  const dealId = findDeal(company, params.id).id;
  const id = params.discount_id;
  const discount = id === undefined ? undefined : company.dealDiscounts.get(id);
  if (!discount || discount.deal_id !== dealId) throw new ApiError(404, 'Discount not found');
  return discount;
}

const lineSortable = ['id', 'add_time', 'update_time', 'order_nr', 'deal_id'] as const;

export function dealLineRoutes(ops: DealOps): ApiRoute[] {
  return [
    {
      version: 'v2',
      method: 'GET',
      path: '/deals/{id}/products',
      handler: ({ company }, request) => {
        const deal = findDeal(company, idParam(request));
        return listPage(
          company.productsOfDeal(deal.id),
          queryOf(request),
          lineSortable.slice(0, 4),
          (line) => renderDealProductV2(company, line),
        );
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/deals/products',
      handler: ({ company }, request) => {
        const query = queryOf(request);
        const dealIds = intListParam(query, 'deal_ids');
        if (!dealIds) throw new ApiError(400, 'Validation failed: deal_ids: Required');
        const lines = [...company.dealProducts.values()].filter(
          (line) =>
            dealIds.includes(line.deal_id) && company.deals.get(line.deal_id)?.is_deleted === false,
        );
        return listPage(lines, query, lineSortable, (line) => renderDealProductV2(company, line));
      },
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/deals/{id}/products',
      status: 201,
      handler: ({ company, change }, request) => {
        const deal = findDeal(company, idParam(request));
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
        const line = lineOf(company, request);
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
        const line = lineOf(company, request);
        ops.removeProduct(company, line, change);
        return { success: true, data: { id: line.id } };
      },
    },
    {
      version: 'v2',
      method: 'GET',
      path: '/deals/{id}/discounts',
      handler: ({ company }, request) => {
        const deal = findDeal(company, idParam(request));
        return { success: true, data: company.discountsOfDeal(deal.id).map(renderDiscountV2) };
      },
    },
    {
      version: 'v2',
      method: 'POST',
      path: '/deals/{id}/discounts',
      status: 201,
      handler: ({ company, change }, request) => {
        const deal = findDeal(company, idParam(request));
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
        const discount = discountOf(company, request);
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
        const discount = discountOf(company, request);
        ops.removeDiscount(company, discount, change);
        return { success: true, data: { id: discount.id } };
      },
    },
  ];
}
