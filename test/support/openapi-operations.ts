// Path matching for the contract-test harness (openapi.ts): every operation of a spec, with one
// regular expression per base path it is served under, and the lookup of a concrete request.

import type { Json } from './openapi-schema.js';

export interface SpecSource {
  file: string;
  /** Base paths the real API is also reached under, beyond those in the spec's `servers`. */
  extraBasePaths: string[];
  /** Xero's spec spells paths `/Connections`, the API is called as `/connections` (docs/vendors/xero.md §1.4). */
  caseInsensitive: boolean;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete' | 'head' | 'options';
const METHODS: HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

export interface Operation {
  method: HttpMethod;
  template: string;
  /** One regular expression per base path the operation is served under. */
  patterns: RegExp[];
  /** Literal (parameter-free) segments: more wins when two templates match (`/deals/products`). */
  literalSegments: number;
  /** The converted operation object (schemas already JSON Schema with absolute $refs). */
  op: Json;
  operationId: string;
}

/** The operation for a concrete path, or a message saying why there is none. */
export function findOperation(
  spec: { name: string; operations: Operation[] },
  method: string,
  path: string,
): Operation | string {
  const bare = `/${path.split('?')[0] ?? ''}`.replace(/^\/+/, '/').replace(/(.)\/+$/, '$1');
  const matches = spec.operations.filter((o) => o.patterns.some((p) => p.test(bare)));
  if (matches.length === 0) return `${spec.name}: no path template matches ${bare}`;
  const wanted = method.toLowerCase();
  const withMethod = matches.filter((o) => o.method === wanted);
  if (withMethod.length === 0) {
    const has = [...new Set(matches.map((o) => `${o.method.toUpperCase()} ${o.template}`))];
    return `${spec.name}: no ${method.toUpperCase()} operation for ${bare} (spec has: ${has.join(', ')})`;
  }
  return withMethod.reduce((best, o) => (o.literalSegments > best.literalSegments ? o : best));
}

export function collectOperations(doc: Json, source: SpecSource): Operation[] {
  const globalBases = basePaths(doc['servers']);
  const operations: Operation[] = [];
  // OpenAPI 3.1 `webhooks:` (Xero's webhook spec) are addressed by name: `invoices` or `/invoices`.
  const items: [string, Json, boolean][] = [
    ...Object.entries((doc['paths'] ?? {}) as Record<string, Json>).map(
      (e) => [...e, false] as [string, Json, boolean],
    ),
    ...Object.entries((doc['webhooks'] ?? {}) as Record<string, Json>).map(
      ([name, item]) => [`/${name}`, item, true] as [string, Json, boolean],
    ),
  ];
  for (const [template, item, isWebhook] of items) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const own = basePaths(op['servers'] ?? item['servers']);
      const bases = isWebhook
        ? ['']
        : (own ?? [...(globalBases ?? ['']), ...source.extraBasePaths]);
      operations.push({
        method,
        template,
        patterns: bases.map((base) => templatePattern(base, template, source.caseInsensitive)),
        literalSegments: template.split('/').filter((s) => s !== '' && !s.includes('{')).length,
        op,
        operationId: String(op['operationId'] ?? `${method} ${template}`),
      });
    }
  }
  return operations;
}

function basePaths(servers: unknown): string[] | undefined {
  if (!Array.isArray(servers) || servers.length === 0) return undefined;
  return servers.map((server: Json) => new URL(String(server['url'])).pathname.replace(/\/+$/, ''));
}

function templatePattern(base: string, template: string, caseInsensitive: boolean): RegExp {
  const body = `${base}${template}`
    .replace(/\/+$/, '')
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${body || '/'}$`, caseInsensitive ? 'i' : '');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
