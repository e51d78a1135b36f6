import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import {
  actionErrorSchema,
  actionSuccessSchema,
  panelErrorSchema,
  type PanelFieldType,
  panelResponseSchema,
} from './panel-schema.js';

export interface SchemaVerdict {
  valid: boolean;
  /** `instancePath message`, one per problem. */
  errors: string[];
}

// ajv-formats is CommonJS; under NodeNext its typings see the module object, not the function.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  addFormatsModule) as unknown as FormatsPlugin;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// Panel schemas differ only by their declared fields; compile each distinct one once.
const compiled = new Map<string, ValidateFunction>();

function check(schema: AnySchema, body: unknown): SchemaVerdict {
  const key = JSON.stringify(schema);
  const validate = compiled.get(key) ?? ajv.compile(schema);
  compiled.set(key, validate);
  const valid = validate(body) as boolean;
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(describe) };
}

function describe(error: ErrorObject): string {
  const extra =
    error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`;
}

/** A JSON panel's answer: 2xx bodies against the panel format, status > 300 against the error state. */
export function validatePanelResponse(
  status: number,
  body: unknown,
  fields?: Record<string, PanelFieldType>,
): SchemaVerdict {
  if (status > 300) return check(panelErrorSchema, body);
  if (status < 200 || status > 299)
    return { valid: false, errors: [`/ unexpected HTTP status ${status}`] };
  return check(panelResponseSchema(fields), body);
}

/** A JSON-modal submission answer: 2xx `{success:{message}}` or 400 `{error:{message}}`. */
export function validateActionResponse(status: number, body: unknown): SchemaVerdict {
  if (status >= 200 && status < 300) return check(actionSuccessSchema, body);
  if (status === 400) return check(actionErrorSchema, body);
  return { valid: false, errors: [`/ unexpected HTTP status ${status}`] };
}
