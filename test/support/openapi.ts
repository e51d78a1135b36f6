// Contract-test harness: validates JSON bodies against the vendors' own OpenAPI files
// (VENDOR_SPECS_DIR, by default ../shared/specs next to the repo; see docs/vendors/xero.md §0 and
// docs/vendors/pipedrive.md §0 for where each file comes from).
//
// How it works: each YAML file is parsed once per process and cached. Its schemas are converted
// from OpenAPI 3.0 to JSON Schema (draft-07, what Ajv runs by default) and the whole converted
// document is registered with Ajv under an $id, with every local `$ref` rewritten to point into it.
// A concrete request (method + path) is matched against the spec's path templates after the
// server's base path is stripped; the response (or request) schema of that operation is compiled
// on first use and cached.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

import {
  collectOperations,
  escapeRegExp,
  findOperation,
  type Operation,
  type SpecSource,
} from './openapi-operations.js';
import { convertSpec, isObject, type Json } from './openapi-schema.js';

// ajv and ajv-formats are CommonJS with `exports.default`; under NodeNext the default import is
// the module object.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

export type SpecName =
  'xero-accounting' | 'xero-identity' | 'xero-webhooks' | 'pipedrive-v1' | 'pipedrive-v2';

const SOURCES: Record<SpecName, SpecSource> = {
  'xero-accounting': {
    file: 'xero/xero_accounting.yaml',
    extraBasePaths: [],
    caseInsensitive: true,
  },
  'xero-identity': { file: 'xero/xero-identity.yaml', extraBasePaths: [], caseInsensitive: true },
  'xero-webhooks': { file: 'xero/xero-webhooks.yaml', extraBasePaths: [], caseInsensitive: true },
  // The v1 spec's server is https://api.pipedrive.com/v1, but OAuth apps call
  // `${api_domain}/api/v1/...` (docs/vendors/pipedrive.md §1.5).
  'pipedrive-v1': {
    file: 'pipedrive/openapi.yaml',
    extraBasePaths: ['/api/v1'],
    caseInsensitive: false,
  },
  'pipedrive-v2': { file: 'pipedrive/openapi-v2.yaml', extraBasePaths: [], caseInsensitive: false },
};

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specsDir =
  process.env['VENDOR_SPECS_DIR'] ?? resolve(repoRoot, '..', 'shared', 'specs');

/** Why the contract tests must skip, or undefined when every spec file is present. */
export function specsAvailable(): string | undefined {
  const missing = Object.values(SOURCES)
    .map((source) => join(specsDir, source.file))
    .filter((file) => !existsSync(file));
  if (missing.length === 0) return undefined;
  return `vendor OpenAPI specs not found (${missing.join(', ')}); set VENDOR_SPECS_DIR or place them in ../shared/specs`;
}

export interface LoadedSpec {
  name: SpecName;
  /** The YAML as published, examples included (the unit test validates those). */
  raw: Json;
  /** The converted document, as registered with Ajv under `docId`. */
  doc: Json;
  operations: Operation[];
  ajv: InstanceType<typeof Ajv>;
  docId: string;
  validators: Map<string, ValidateFunction>;
}

/** A documented difference between a vendor's spec and the vendor's real behaviour. */
export interface SpecDeviation {
  spec: SpecName;
  /** Limit to one operation; omitted = every operation of the spec. */
  operationId?: string;
  /** Ajv instancePath of the error; `*` stands for one segment (`/data/items/*\/item/code`). */
  at: string;
  /** The Ajv keyword that fails (`type`, `format`, …). */
  keyword: string;
  /** Why the spec is wrong, citing docs/vendors/*.md. */
  why: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: string[];
  operationId?: string;
  /** Errors forgiven by a SpecDeviation, kept visible. */
  waived: string[];
}

/** Fails the test with every schema error listed (a result's waived errors are allowed). */
export function assertValid(result: Pick<ValidationResult, 'ok' | 'errors'>): void {
  assert.deepEqual(result.errors, []);
  assert.equal(result.ok, true);
}

const cache = new Map<SpecName, LoadedSpec>();

export function loadSpec(name: SpecName): LoadedSpec {
  const cached = cache.get(name);
  if (cached) return cached;
  const source = SOURCES[name];
  const raw = parseYaml(readFileSync(join(specsDir, source.file), 'utf8')) as Json;
  const docId = `https://specs.invalid/${name}.json`;
  const converted = convertSpec(raw, docId);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Pipedrive v1 uses two formats OpenAPI does not define: `url` means a URI; `string` means nothing.
  ajv.addFormat('url', ajv.formats['uri'] ?? true);
  ajv.addFormat('string', true);
  ajv.addSchema({ ...converted, $id: docId });
  const spec: LoadedSpec = {
    name,
    raw,
    doc: converted,
    operations: collectOperations(converted, source),
    ajv,
    docId,
    validators: new Map(),
  };
  cache.set(name, spec);
  return spec;
}

/** Validates a response body; `body` is undefined when the response had none (or was not JSON). */
export function validateResponse(
  spec: SpecName | LoadedSpec,
  method: string,
  path: string,
  status: number,
  body: unknown,
  deviations: readonly SpecDeviation[] = [],
): ValidationResult {
  return withOperation(spec, method, path, (loaded, found, where) => {
    const responses = (found.op['responses'] ?? {}) as Json;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
    if (key === undefined) {
      const documented = Object.keys(responses).join(', ');
      return fail(found, `${where} documents no ${status} response (documents: ${documented})`);
    }
    const response = resolveLocalRef(loaded, responses[key]);
    const content = response['content'];
    return validateContent(loaded, found, content, body, `${where} → ${key}`, deviations);
  });
}

/** Validates a JSON request body the app sends (or, for xero-webhooks, the webhook name as path). */
export function validateRequestBody(
  spec: SpecName | LoadedSpec,
  method: string,
  path: string,
  body: unknown,
  deviations: readonly SpecDeviation[] = [],
): ValidationResult {
  return withOperation(spec, method, path, (loaded, found, where) => {
    const requestBody = resolveLocalRef(loaded, found.op['requestBody']);
    const content = requestBody['content'];
    return validateContent(loaded, found, content, body, `${where} request`, deviations);
  });
}

/** Runs `check` on the operation a request names, or fails saying why there is none. */
function withOperation(
  spec: SpecName | LoadedSpec,
  method: string,
  path: string,
  check: (loaded: LoadedSpec, found: Operation, where: string) => ValidationResult,
): ValidationResult {
  const loaded = typeof spec === 'string' ? loadSpec(spec) : spec;
  const found = findOperation(loaded, method, path);
  if (typeof found === 'string') return { ok: false, errors: [found], waived: [] };
  return check(loaded, found, `${found.operationId} (${method.toUpperCase()} ${found.template})`);
}

function validateContent(
  spec: LoadedSpec,
  operation: Operation,
  content: unknown,
  body: unknown,
  where: string,
  deviations: readonly SpecDeviation[],
): ValidationResult {
  const mediaTypes = (content ?? {}) as Json;
  const jsonType = Object.keys(mediaTypes).find((type) => /[/+]json\b/.test(type));
  if (jsonType === undefined) {
    // Nothing to validate against; a body where the spec declares none is itself a mismatch.
    if (body === undefined || body === '')
      return { ok: true, errors: [], ...idOf(operation), waived: [] };
    return fail(operation, `${where} declares no JSON body, but one was given`);
  }
  const schema = (mediaTypes[jsonType] as Json)['schema'];
  if (schema === undefined) return { ok: true, errors: [], ...idOf(operation), waived: [] };
  const validate = compiled(spec, `${where} ${jsonType}`, () => spec.ajv.compile(schema as Json));
  return runValidator(spec, validate, operation.operationId, body, where, deviations);
}

/**
 * Validates a body against a named schema of `components.schemas`, for documented shapes that no
 * path returns (Xero's token response is `AccessToken` in the identity spec, docs/vendors/xero.md §1.2).
 * Deviations name the schema as their operationId: `#/components/schemas/AccessToken`.
 */
export function validateSchema(
  spec: SpecName | LoadedSpec,
  schemaName: string,
  body: unknown,
  deviations: readonly SpecDeviation[] = [],
): ValidationResult {
  const loaded = typeof spec === 'string' ? loadSpec(spec) : spec;
  const id = `#/components/schemas/${schemaName}`;
  const validate = compiled(loaded, id, () => loaded.ajv.getSchema(`${loaded.docId}${id}`));
  if (!validate) return { ok: false, errors: [`${loaded.name}: no schema ${id}`], waived: [] };
  return runValidator(loaded, validate, id, body, `${loaded.name} ${id}`, deviations);
}

function compiled(
  spec: LoadedSpec,
  key: string,
  compile: () => ValidateFunction | undefined,
): ValidateFunction | undefined {
  const cached = spec.validators.get(key);
  if (cached) return cached;
  const validate = compile();
  if (validate) spec.validators.set(key, validate);
  return validate;
}

function runValidator(
  spec: LoadedSpec,
  validate: ValidateFunction | undefined,
  operationId: string,
  body: unknown,
  where: string,
  deviations: readonly SpecDeviation[],
): ValidationResult {
  if (!validate || validate(body)) return { ok: true, errors: [], operationId, waived: [] };
  const errors: string[] = [];
  const waived: string[] = [];
  for (const error of validate.errors ?? []) {
    const text = `${where}: ${describeError(error)}`;
    const deviation = deviations.find((d) => isWaived(d, spec.name, operationId, error));
    if (deviation) waived.push(`${text} — waived: ${deviation.why}`);
    else errors.push(text);
  }
  return { ok: errors.length === 0, errors, operationId, waived };
}

function idOf(operation: Operation): { operationId: string } {
  return { operationId: operation.operationId };
}

function fail(operation: Operation, message: string): ValidationResult {
  return { ok: false, errors: [message], operationId: operation.operationId, waived: [] };
}

function describeError(error: ErrorObject): string {
  const params = Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : '';
  return `${error.instancePath || '(root)'} ${error.message ?? error.keyword}${params} [${error.schemaPath}]`;
}

function isWaived(d: SpecDeviation, spec: SpecName, operationId: string, error: ErrorObject) {
  if (d.spec !== spec || d.keyword !== error.keyword) return false;
  if (d.operationId !== undefined && d.operationId !== operationId) return false;
  const pattern = d.at
    .split('/')
    .map((segment) => (segment === '*' ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  return new RegExp(`^${pattern}$`).test(error.instancePath);
}

/** Follows one `$ref` into the converted document (responses and request bodies may be refs). */
function resolveLocalRef(spec: LoadedSpec, node: unknown): Json {
  if (!isObject(node)) return {};
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  return resolveLocalRef(spec, followPointer(spec.doc, ref.slice(ref.indexOf('#') + 1)));
}

function followPointer(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (isObject(node) ? node[token] : undefined), doc);
}
