/**
 * Pure mapping of Xero's write answers (docs/vendors/xero.md §4, §6): per-element results of a
 * `summarizeErrors=false` batch, and the messages of a 400 ValidationException.
 */
export type XeroWriteResult<T> =
  | { ok: true; status: 'OK' | 'WARNING'; element: T; warnings: string[] }
  | { ok: false; element: T; messages: string[] };

interface ElementFlags {
  StatusAttributeString?: string;
  ValidationErrors?: { Message?: string }[];
  Warnings?: { Message?: string }[];
}

export function toWriteResult<T extends ElementFlags>(element: T): XeroWriteResult<T> {
  const status = element.StatusAttributeString?.toUpperCase();
  const messages = messagesOf(element);
  if (status === 'ERROR' || (status === undefined && messages.length > 0))
    return { ok: false, element, messages };
  return {
    ok: true,
    status: status === 'WARNING' ? 'WARNING' : 'OK',
    element,
    warnings: texts(element.Warnings),
  };
}

/**
 * Every message of a ValidationException body: each element's own ValidationErrors, then those of
 * its nested objects (Contact, LineItems[]), in order, without repeats; the top-level Message
 * when no element says more.
 */
export function validationMessages(body: unknown): string[] {
  if (!isObject(body)) return [];
  const elements = Array.isArray(body['Elements']) ? body['Elements'] : [];
  const messages = elements.flatMap((element) => (isObject(element) ? messagesOf(element) : []));
  if (messages.length > 0) return [...new Set(messages)];
  return typeof body['Message'] === 'string' ? [body['Message']] : [];
}

function messagesOf(element: object): string[] {
  const own = texts((element as ElementFlags).ValidationErrors);
  const nested = Object.entries(element).flatMap(([key, value]) => {
    if (key === 'ValidationErrors' || key === 'Warnings') return [];
    const children = Array.isArray(value) ? value : [value];
    return children.flatMap((child) =>
      isObject(child) ? texts((child as ElementFlags).ValidationErrors) : [],
    );
  });
  return [...new Set([...own, ...nested])];
}

function texts(list: { Message?: string }[] | undefined): string[] {
  return (Array.isArray(list) ? list : [])
    .map((entry) => entry?.Message)
    .filter((message): message is string => typeof message === 'string' && message !== '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
