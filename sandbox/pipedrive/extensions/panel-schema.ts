/**
 * Pipedrive's JSON-panel response format as a JSON schema (docs/vendors/pipedrive.md §7.1, D-PANEL,
 * D-PANELADD). The app declares its panel's fields in Developer Hub, each `$ref`-ing one of the
 * field types below; Pipedrive then rejects the whole panel on any undeclared or wrongly typed
 * property (`additionalProperties: false`). `panelResponseSchema(fields)` builds that schema; without
 * a declaration every property must at least be a valid value of some field type.
 */
export const PANEL_FIELD_TYPES = [
  'text',
  'numerical',
  'date',
  'time',
  'date-time',
  'email',
  'link',
  'phone',
  'address',
  'currency',
  'label',
  'tags',
] as const;
export type PanelFieldType = (typeof PANEL_FIELD_TYPES)[number];

const LABEL_COLORS = ['green', 'red', 'blue', 'yellow', 'purple', 'grey'];

export const panelDefinitions = {
  header: { type: 'string' },
  // Longer text is truncated at 255 characters, not refused.
  text: {
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        required: ['value'],
        properties: { markdown: { type: 'boolean' }, value: { type: 'string' } },
        additionalProperties: false,
      },
    ],
  },
  numerical: { type: 'number' },
  date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  time: { type: 'string', pattern: '^\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:?\\d{2})$' },
  'date-time': {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
  },
  email: { type: 'string', format: 'email' },
  link: {
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        required: ['value'],
        properties: {
          label: { type: 'string' },
          value: { type: 'string' },
          external: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    ],
  },
  phone: { type: 'string' },
  address: { type: 'string' },
  currency: {
    type: 'object',
    required: ['code', 'value'],
    properties: { code: { type: 'string', pattern: '^[A-Z]{3}$' }, value: { type: 'number' } },
    additionalProperties: false,
  },
  label: {
    type: 'object',
    required: ['color', 'label'],
    properties: { color: { enum: LABEL_COLORS }, label: { type: 'string', maxLength: 40 } },
    additionalProperties: false,
  },
  tags: { type: 'array', items: { type: 'string' } },
} as const;

/** One panel object: `id` + `header` and at most 20 fields. */
function panelObjectSchema(fields: Record<string, PanelFieldType> | undefined) {
  const base = {
    type: 'object',
    required: ['id', 'header'],
    maxProperties: 22,
    properties: {
      id: { type: ['integer', 'string'] },
      header: { $ref: '#/definitions/header' },
    } as Record<string, unknown>,
  };
  if (fields === undefined) {
    return {
      ...base,
      additionalProperties: {
        anyOf: PANEL_FIELD_TYPES.map((type) => ({ $ref: `#/definitions/${type}` })),
      },
    };
  }
  for (const [name, type] of Object.entries(fields))
    base.properties[name] = { $ref: `#/definitions/${type}` };
  return { ...base, additionalProperties: false };
}

/** The 2xx body: `{data: [≤10 objects] | object | {}}` plus optional `external_link`, `settings`. */
export function panelResponseSchema(fields?: Record<string, PanelFieldType>) {
  const object = panelObjectSchema(fields);
  return {
    definitions: panelDefinitions,
    type: 'object',
    required: ['data'],
    additionalProperties: false,
    properties: {
      data: {
        anyOf: [
          { type: 'array', maxItems: 10, items: object },
          { type: 'object', maxProperties: 0 },
          object,
        ],
      },
      external_link: {
        type: 'object',
        required: ['url', 'label'],
        properties: { url: { type: 'string' }, label: { type: 'string' } },
        additionalProperties: false,
      },
      settings: {
        type: 'object',
        required: ['url'],
        properties: { url: { type: 'string' } },
        additionalProperties: false,
      },
    },
  };
}

/** The error state: HTTP status > 300 with `{error: {title ≤30, subtitle?, action?}}` (§7.1). */
export const panelErrorSchema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['title'],
      additionalProperties: false,
      properties: {
        title: { type: 'string', maxLength: 30 },
        subtitle: { type: 'string' },
        action: {
          type: 'object',
          required: ['url', 'label'],
          properties: { url: { type: 'string' }, label: { type: 'string' } },
          additionalProperties: false,
        },
      },
    },
  },
} as const;

/** JSON-modal submission answers (§7.3, from Pipedrive's example app; beyond that unconfirmed). */
export const actionSuccessSchema = {
  type: 'object',
  required: ['success'],
  properties: {
    success: {
      type: 'object',
      required: ['message'],
      properties: {
        message: { type: 'string' },
        type: { type: 'string' },
        refreshPanelData: { type: 'boolean' },
      },
    },
  },
} as const;

export const actionErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
  },
} as const;
