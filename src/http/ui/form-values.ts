/**
 * A posted form as flat values: each input's name → its value, or the list of values of a repeated
 * input. The settings form (settings-form.ts) and its matching part (matching-form.ts) read it the
 * same way.
 */
export type FormValues = Record<string, string | string[] | undefined>;

export function list(values: FormValues, name: string): string[] {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function one(values: FormValues, name: string): string {
  return list(values, name)[0] ?? '';
}
