import { z } from 'zod';

import type { PipedriveCompanies } from '../store/companies.js';
import type { Company } from '../store/company.js';
import { renderProductV2 } from '../store/render-v2.js';
import type { ProductRecord } from '../store/types.js';
import type { ApiRoute } from './api-routes.js';
import {
  billingFrequencySchema,
  customFieldsSchema,
  defined,
  idSchema,
  visibleToSchema,
} from './body.js';
import type { EditableKind } from './editable-records.js';
import { editableRoutes } from './editable-records.js';
import { ApiError, boolParam, pageV2 } from './paging.js';
import { queryOf } from './v2-route-kit.js';

/** v2 products and product search (docs/vendors/pipedrive.md §3.5, 3.8). */

const productSchema = z
  .object({
    name: z.string().min(1),
    code: z.string().nullable(),
    description: z.string().nullable(),
    unit: z.string().nullable(),
    tax: z.number().nonnegative(),
    category: z.string().nullable(),
    owner_id: idSchema,
    is_linkable: z.boolean(),
    visible_to: visibleToSchema,
    billing_frequency: billingFrequencySchema,
    billing_frequency_cycles: z.number().int().positive().nullable(),
    prices: z.array(
      z.object({ currency: z.string(), price: z.number(), cost: z.number().default(0) }),
    ),
    custom_fields: customFieldsSchema,
  })
  .partial();
type ProductInput = z.output<typeof productSchema>;

export function newProduct(company: Company, userId: number, at: number): ProductRecord {
  return {
    id: company.nextId('product'),
    name: '',
    code: null,
    description: null,
    unit: null,
    tax: 0,
    category: null,
    owner_id: userId,
    is_linkable: true,
    is_deleted: false,
    visible_to: 3,
    billing_frequency: 'one-time',
    billing_frequency_cycles: null,
    prices: [],
    add_time: at,
    update_time: at,
    custom: {},
  };
}

export const productKind: EditableKind<'product', ProductInput> = {
  entity: 'product',
  table: (company) => company.products,
  blank: newProduct,
  schema: productSchema,
  fields: (input) => defined(input),
  render: renderProductV2,
};

export function productRoutes(store: PipedriveCompanies, now: () => number): ApiRoute[] {
  return [
    ...editableRoutes(store, productKind, now, { createStatus: 201 }),
    {
      version: 'v2',
      method: 'GET',
      path: '/products/search',
      isSearch: true,
      handler: ({ company }, request) => {
        const query = queryOf(request);
        const term = (query['term'] ?? '').trim();
        if (term.length < 2)
          throw new ApiError(
            400,
            'Validation failed: term: String must contain at least 2 character(s)',
          );
        const exact = boolParam(query, 'exact_match') === true;
        const fields = (query['fields'] ?? 'code,custom_fields,name').split(',');
        const wanted = term.toLowerCase();
        const hit = (text: string | null) =>
          text !== null &&
          (exact ? text.toLowerCase() === wanted : text.toLowerCase().includes(wanted));
        const found = [...company.products.values()].filter(
          (item) =>
            !item.is_deleted &&
            ((fields.includes('name') && hit(item.name)) ||
              (fields.includes('code') && hit(item.code))),
        );
        const page = pageV2(found, query, ['id'], (item) => item.id, 100);
        const items = page.data.map((item) => ({
          result_score:
            item.code?.toLowerCase() === wanted || item.name.toLowerCase() === wanted ? 1 : 0.5,
          item: {
            id: item.id,
            type: 'product',
            name: item.name,
            code: item.code,
            visible_to: item.visible_to,
            owner: { id: item.owner_id },
            custom_fields: [],
          },
        }));
        return {
          success: true,
          data: { items },
          additional_data: { next_cursor: page.next_cursor },
        };
      },
    },
  ];
}
