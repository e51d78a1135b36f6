// OpenAPI 3.0/3.1 → JSON Schema (draft-07, what Ajv runs by default) for the contract-test
// harness (openapi.ts): examples and vendor extensions dropped, `nullable` turned into "or null",
// and every local `$ref` made absolute so the whole document can be registered under one $id.

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The converted copy of a parsed spec, its local `$ref`s pointing into `docId`. */
export function convertSpec(raw: Json, docId: string): Json {
  const is30 = String(raw['openapi']).startsWith('3.0');
  return convertDocument(raw, (schema) => toJsonSchema(schema, docId, is30));
}

/** Copies the document, converting every schema (under `schema:` and `components.schemas`). */
function convertDocument(doc: Json, convert: (schema: unknown) => unknown): Json {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
      out[key] = key === 'schema' ? convert(value) : walk(value);
    }
    return out;
  };
  const components = isObject(doc['components']) ? doc['components'] : {};
  const schemas = isObject(components['schemas']) ? components['schemas'] : {};
  return {
    ...(walk(doc) as Json),
    components: {
      ...(walk({ ...components, schemas: {} }) as Json),
      schemas: Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, convert(s)])),
    },
  };
}

// Annotations that JSON Schema does not know or that carry data, not rules.
const DROPPED = new Set([
  'example',
  'examples',
  'xml',
  'externalDocs',
  'discriminator',
  'nullable',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_VALUES = new Set([
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
]);

function toJsonSchema(schema: unknown, docId: string, is30: boolean): unknown {
  if (!isObject(schema)) return schema;
  const convert = (s: unknown) => toJsonSchema(s, docId, is30);
  const out: Json = {};
  const ref = schema['$ref'];
  if (typeof ref === 'string' && is30) {
    // OpenAPI 3.0: siblings of $ref are ignored (only `nullable` is honoured by tools in practice).
    out['$ref'] = ref.startsWith('#') ? `${docId}${ref}` : ref;
  } else {
    for (const [key, value] of Object.entries(schema)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string') {
        out[key] = value.startsWith('#') ? `${docId}${value}` : value;
      } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([k, s]) => [k, convert(s)]));
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
        out[key] = value.map(convert);
      } else if (SCHEMA_VALUES.has(key)) {
        out[key] = Array.isArray(value) ? value.map(convert) : convert(value);
      } else {
        out[key] = value;
      }
    }
  }
  if (schema['nullable'] !== true) return out;
  // OpenAPI 3.0 `nullable: true` = JSON Schema "or null".
  if (out['type'] === undefined) return { anyOf: [out, { type: 'null' }] };
  const types = Array.isArray(out['type']) ? out['type'] : [out['type']];
  out['type'] = [...new Set([...types, 'null'])];
  if (Array.isArray(out['enum']) && !out['enum'].includes(null))
    out['enum'] = [...out['enum'], null];
  return out;
}
