import type { Client } from 'openapi-fetch';

import { XeroApiError } from '../errors.js';
import type { paths } from '../generated/accounting.js';
import { toWriteResult, type XeroWriteResult } from '../results.js';
import type { XeroCall } from '../transport.js';
import type { XeroTenantRef, XeroWriteOptions } from '../types.js';

/**
 * What every group of calls shares: the transport, the typed API and the write conventions. Each
 * call still spells out its own openapi-fetch request (path, parameters, body), so the generated
 * types check every one; the calls look alike on purpose.
 */
export interface XeroCallContext {
  call: XeroCall;
  api: Client<paths>;
  perElement: { readonly summarizeErrors: false };
  keyed: (
    ref: XeroTenantRef,
    options: XeroWriteOptions,
  ) => { 'xero-tenant-id': string; 'Idempotency-Key': string };
  orUndefinedOn404: <T>(promise: Promise<T>) => Promise<T | undefined>;
}

export function createCallContext(call: XeroCall, api: Client<paths>): XeroCallContext {
  return {
    call,
    api,
    // docs/vendors/xero.md §4: always ask for per-element results; §16.3: unit amounts to 4 dp on invoices/items.
    perElement: { summarizeErrors: false } as const,
    keyed: (ref, options) => ({
      'xero-tenant-id': ref.tenantId,
      'Idempotency-Key': checkedKey(options.idempotencyKey),
    }),
    orUndefinedOn404: async <T>(promise: Promise<T>): Promise<T | undefined> => {
      try {
        return await promise;
      } catch (error) {
        if (error instanceof XeroApiError && error.code === 'xero_not_found') return undefined;
        throw error;
      }
    },
  };
}

/** A string literal for Xero's `where` (C#-like: backslash escapes, docs/vendors/xero.md §5). */
export function whereString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** docs/vendors/xero.md §3: keys longer than 128 characters are refused by Xero; refuse them before sending. */
function checkedKey(key: string): string {
  if (key.length === 0 || key.length > 128)
    throw new XeroApiError(
      'xero_bad_request',
      `Idempotency-Key must be 1–128 characters, got ${key.length}`,
      {
        method: 'PUT',
        path: '(not sent)',
      },
    );
  return key;
}

export function single<T extends object>(
  elements: T[] | undefined,
  method: string,
  path: string,
): XeroWriteResult<T> {
  const first = elements?.[0];
  return first ? toWriteResult(first) : missingElement(method, path);
}

export function missingElement(method: string, path: string): never {
  throw new XeroApiError('xero_request_failed', 'the response held no element', {
    method,
    path,
    status: 200,
  });
}
