import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import fc from 'fast-check';

import { type AppKit, COMPANY, startAppKit } from '../support/app-kit.js';
import { webhookAuthorization } from '../support/pipedrive-webhook.js';
import { routeTable } from '../support/route-table.js';
import { tenantDigest } from '../support/tenant-digest.js';

/**
 * Property-based fuzzing of every public endpoint (the app's whole route table) with malformed,
 * oversized, wrongly encoded and hostile input: ids in hex or with spaces, unknown and missing
 * fields, JSON that is not JSON, bodies over the limit, broken percent-encoding, scripts and SQL,
 * with no credentials, forged ones, or the company's own. Every answer must be below 500, the app
 * must stay up, and an answer of 400 or more must leave the company's data unchanged. The figures
 * (inputs tried, answers by status) are printed as test diagnostics.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2500);

const HOSTILE = [
  '0x1b59',
  ' 7001',
  '7001 ',
  '07001',
  '-1',
  '0',
  '1e3',
  '7001.0',
  '99999999999999999999',
  '9007199254740993',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '%00',
  '%ZZ',
  '%E0%A4%A',
  '\u0000',
  '\uD800',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '"; drop table runs; --',
  '${7*7}',
  '__proto__',
  'constructor',
  '😀'.repeat(40),
  'a'.repeat(5000),
  String(COMPANY),
  '7002',
  'invoice',
  'products',
  'deal',
];
const KEYS = [
  'company',
  'companyId',
  'userId',
  'token',
  'id',
  'selectedIds',
  'resource',
  'view',
  'what',
  'runId',
  'settingsJson',
  'pending',
  'tenantId',
  'code',
  'state',
  'error',
  'status',
  'kind',
  'deal',
  'from',
  'to',
  'limit',
  'return',
  '_csrf',
  'client_id',
  'company_id',
  'triggers',
  'meta',
  'data',
  '__proto__',
];

const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);
const fields = fc.dictionary(
  fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })),
  value,
  {
    maxKeys: 6,
  },
);

type Credential = 'none' | 'key' | 'session' | 'forged-key' | 'forged-cookie' | 'webhook';
type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: Record<string, string> }
  | { kind: 'raw'; text: string; type: string }
  | { kind: 'huge'; type: string };

const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('json' as const), value: fields }),
  fc.record({ kind: fc.constant('form' as const), fields }),
  fc.record({
    kind: fc.constant('raw' as const),
    text: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{"a":', '\xff\xfe{}', 'a=%ZZ&b', '[1,2'),
    ),
    type: fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
    ),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    type: fc.constantFrom('application/json', 'application/x-www-form-urlencoded'),
  }),
);

describe('fuzzing every public endpoint', () => {
  let kit: AppKit;
  let routes: string[];
  before(async () => {
    kit = await startAppKit({ worker: false, env: { RATE_LIMIT_PER_MINUTE: '10000000' } });
    routes = routeTable(kit.app);
  });
  after(() => kit.close());

  it('never answers 5xx, never falls over, and a refused request changes nothing', async (t) => {
    const byStatus = new Map<number, number>();
    const byRoute = new Map<string, number>();
    const webhookAuth = await webhookAuthorization(kit);
    let tried = 0;
    let unsendable = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(value, { minLength: 3, maxLength: 3 }),
        fields,
        body,
        fc.constantFrom<Credential>(
          'none',
          'key',
          'session',
          'forged-key',
          'forged-cookie',
          'webhook',
        ),
        fc.boolean(),
        async (route, params, query, payload, credential, rawParams) => {
          try {
            await one(route, params, query, payload, credential, rawParams);
          } catch (error) {
            // fast-check reports the input; this says what went wrong with it.
            t.diagnostic(`failed: ${String(error)}`);
            throw error;
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env['FUZZ_SEED'] ?? 20261202) },
    );
    async function one(
      route: string,
      params: string[],
      query: Record<string, string>,
      payload: Body,
      credential: Credential,
      rawParams: boolean,
    ): Promise<void> {
      const [method, template] = route.split(' ') as [string, string];
      let index = 0;
      const path = template.replace(/:\w+/g, () => {
        const raw = params[index++] ?? '';
        return rawParams ? raw.replace(/[/?#\s]/g, '') || 'x' : percentEncoded(raw);
      });
      const search = new URLSearchParams(query).toString();
      const headers: Record<string, string> = {};
      let requestBody: string | Buffer | undefined;
      if (credential === 'key') Object.assign(headers, kit.auth);
      if (credential === 'session') {
        headers['cookie'] = kit.session.headers.cookie;
        headers['x-csrf-token'] = kit.session.csrf;
      }
      if (credential === 'forged-key') headers['authorization'] = `Bearer pdxk_${params[0]}`;
      if (credential === 'forged-cookie')
        headers['cookie'] = `pdx_session=${percentEncoded(params[1] ?? '')}`;
      if (credential === 'webhook') headers['authorization'] = webhookAuth;
      if (method !== 'GET' && payload.kind !== 'none') {
        if (payload.kind === 'json') {
          headers['content-type'] = 'application/json';
          requestBody = JSON.stringify(payload.value) ?? 'null';
        } else if (payload.kind === 'form') {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          requestBody = new URLSearchParams(payload.fields).toString();
        } else if (payload.kind === 'raw') {
          headers['content-type'] = payload.type;
          requestBody = Buffer.from(payload.text, 'latin1');
        } else {
          headers['content-type'] = payload.type;
          requestBody = 'x'.repeat(1_200_000);
        }
      }
      const before = await tenantDigest(kit.app.db, COMPANY);
      let response: Response;
      try {
        response = await fetch(`${kit.appUrl}${path}${search === '' ? '' : `?${search}`}`, {
          method,
          headers,
          ...(requestBody !== undefined && { body: requestBody }),
          redirect: 'manual',
        });
      } catch (error) {
        // A request fetch itself refuses to send (e.g. a header it cannot encode) is not an input.
        if (error instanceof TypeError) {
          unsendable++;
          return;
        }
        throw error;
      }
      const text = await response.text();
      tried++;
      byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
      byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
      assert.ok(
        response.status < 500,
        `${method} ${path}?${search} (${credential}, ${payload.kind}) → ${response.status}: ${text.slice(0, 300)}`,
      );
      if (response.status >= 400) {
        assert.equal(
          await tenantDigest(kit.app.db, COMPANY),
          before,
          `${method} ${path} refused with ${response.status} but changed the company's data`,
        );
      }
    }
    const health = await fetch(`${kit.appUrl}/health`);
    assert.equal(health.status, 200, 'the app is still up');
    const statuses = [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`);
    t.diagnostic(
      `fuzz: ${tried} inputs over ${byRoute.size} of ${routes.length} routes (${unsendable} more that fetch would not send); answers ${statuses.join(', ')}; 5xx: 0`,
    );
  });
});

/** Every UTF-8 byte as %XX (a lone surrogate becomes U+FFFD, as a browser would send it). */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
    .join('');
}
