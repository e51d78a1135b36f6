import { parseMsDate } from './format.js';

/**
 * The subset of Xero's `where` language the sandbox understands (docs/vendors/xero.md §5): comparisons
 * (== != > >= < <=), Contains/StartsWith/EndsWith (optionally after .ToLower()/.ToUpper()),
 * AND/&&, OR/||, NOT/!, parentheses, Guid("…"), DateTime(y,m,d[,h,m,s]), null, true/false,
 * numbers and strings. Records are Xero-shaped views; MS-JSON date strings compare as dates.
 * Pure; a bad expression throws WhereError with a readable message (→ HTTP 400).
 */
export class WhereError extends Error {}

type Value = string | number | boolean | null | undefined;
type Node =
  | { kind: 'or' | 'and'; left: Node; right: Node }
  | { kind: 'not'; inner: Node }
  | { kind: 'cmp'; op: string; left: Operand; right: Operand }
  | { kind: 'truthy'; operand: Operand };
type Operand =
  | { kind: 'lit'; value: Value; isDate?: boolean }
  | { kind: 'field'; path: string[]; transform?: 'lower' | 'upper' }
  | { kind: 'call'; method: 'Contains' | 'StartsWith' | 'EndsWith'; target: Operand; arg: Operand };

export type Predicate = (record: object) => boolean;

const TOKEN =
  /\s*(?:("(?:[^"\\]|\\.)*")|(==|!=|>=|<=|&&|\|\||[=><!(),])|(-?\d+(?:\.\d+)?)|(\.?[A-Za-z_][\w.]*))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match)
      throw new WhereError(`Syntax error in where clause at position ${at}: '${text.slice(at)}'`);
    tokens.push(match[0].trim());
  }
  return tokens;
}

/** Compiles `where` against the fields a collection has (top-level names, case-insensitive). */
export function compileWhere(text: string, type: string, fields: readonly string[]): Predicate {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (token: string) => {
    if (next() !== token) throw new WhereError(`Expected '${token}' in where clause: ${text}`);
  };
  const known = new Map(fields.map((field) => [field.toLowerCase(), field]));

  const parseOr = (): Node => {
    let left = parseAnd();
    while (peek() === '||' || peek()?.toUpperCase() === 'OR') {
      next();
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Node => {
    let left = parseUnary();
    while (peek() === '&&' || peek()?.toUpperCase() === 'AND') {
      next();
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): Node => {
    if (peek() === '!' || peek()?.toUpperCase() === 'NOT') {
      next();
      return { kind: 'not', inner: parseUnary() };
    }
    if (peek() === '(') {
      next();
      const inner = parseOr();
      expect(')');
      return inner;
    }
    const left = parseOperand();
    const op = peek();
    if (op && ['==', '=', '!=', '>', '>=', '<', '<='].includes(op)) {
      next();
      return { kind: 'cmp', op: op === '=' ? '==' : op, left, right: parseOperand() };
    }
    return { kind: 'truthy', operand: left };
  };
  const parseOperand = (): Operand => {
    const token = next();
    if (token === undefined) throw new WhereError(`Unexpected end of where clause: ${text}`);
    if (token.startsWith('"')) return { kind: 'lit', value: JSON.parse(token) as string };
    if (/^-?\d/.test(token)) return { kind: 'lit', value: Number(token) };
    const lower = token.toLowerCase();
    if (lower === 'null') return { kind: 'lit', value: null };
    if (lower === 'true' || lower === 'false') return { kind: 'lit', value: lower === 'true' };
    if (lower === 'guid') return { kind: 'lit', value: callArgs().join('').toLowerCase() };
    if (lower === 'datetime') {
      const [y = 0, m = 1, d = 1, h = 0, min = 0, s = 0] = callArgs().map(Number);
      return { kind: 'lit', value: Date.UTC(y, m - 1, d, h, min, s), isDate: true };
    }
    return fieldOperand(token);
  };
  const callArgs = (): string[] => {
    expect('(');
    const args: string[] = [];
    while (peek() !== ')') {
      const token = next();
      if (token === undefined) throw new WhereError(`Unclosed '(' in where clause: ${text}`);
      if (token !== ',') args.push(token.startsWith('"') ? (JSON.parse(token) as string) : token);
    }
    next();
    return args;
  };
  const fieldOperand = (token: string): Operand => {
    const parts = token.split('.').filter(Boolean);
    let transform: 'lower' | 'upper' | undefined;
    let method: 'Contains' | 'StartsWith' | 'EndsWith' | undefined;
    const last = parts[parts.length - 1] ?? '';
    if (['tolower', 'toupper'].includes(last.toLowerCase())) {
      parts.pop();
      transform = last.toLowerCase() === 'tolower' ? 'lower' : 'upper';
      expect('(');
      expect(')');
    } else if (['contains', 'startswith', 'endswith'].includes(last.toLowerCase())) {
      parts.pop();
      method = (['Contains', 'StartsWith', 'EndsWith'] as const).find(
        (name) => name.toLowerCase() === last.toLowerCase(),
      );
    }
    const head = parts[0] ?? '';
    const field = known.get(head.toLowerCase());
    if (!field) throw new WhereError(`No property or field '${head}' exists in type '${type}'`);
    let operand: Operand = { kind: 'field', path: [field, ...parts.slice(1)] };
    if (transform) operand = { kind: 'field', path: [field, ...parts.slice(1)], transform };
    // `Name.ToLower().Contains("x")` arrives as two tokens: `Name.ToLower` then `.Contains`.
    if (transform && peek()?.startsWith('.')) {
      const chained = next()!.slice(1).toLowerCase();
      method = (['Contains', 'StartsWith', 'EndsWith'] as const).find(
        (n) => n.toLowerCase() === chained,
      );
      if (!method) throw new WhereError(`Unknown method '${chained}' in where clause: ${text}`);
    }
    if (!method) return operand;
    expect('(');
    const arg = parseOperand();
    expect(')');
    return { kind: 'call', method, target: operand, arg };
  };

  const tree = parseOr();
  if (pos < tokens.length)
    throw new WhereError(`Unexpected '${tokens[pos]}' in where clause: ${text}`);
  return (record) => Boolean(evaluate(tree, record));
}

function evaluate(node: Node, record: object): boolean {
  switch (node.kind) {
    case 'or':
      return evaluate(node.left, record) || evaluate(node.right, record);
    case 'and':
      return evaluate(node.left, record) && evaluate(node.right, record);
    case 'not':
      return !evaluate(node.inner, record);
    case 'truthy':
      return operandValue(node.operand, record) === true;
    case 'cmp':
      return compare(
        node.op,
        operandValue(node.left, record),
        operandValue(node.right, record),
        node,
      );
  }
}

function operandValue(operand: Operand, record: object): Value {
  switch (operand.kind) {
    case 'lit':
      return operand.value;
    case 'field': {
      const value = fieldValue(record, operand.path);
      if (typeof value !== 'string' || !operand.transform) return value;
      return operand.transform === 'lower' ? value.toLowerCase() : value.toUpperCase();
    }
    case 'call': {
      const target = operandValue(operand.target, record);
      const arg = operandValue(operand.arg, record);
      if (typeof target !== 'string' || typeof arg !== 'string') return false;
      if (operand.method === 'Contains') return target.includes(arg);
      return operand.method === 'StartsWith' ? target.startsWith(arg) : target.endsWith(arg);
    }
  }
}

/** Reads a dotted path case-insensitively (`Contact.ContactID`). */
export function fieldValue(record: object, path: readonly string[]): Value {
  let current: unknown = record;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = Object.keys(current).find((k) => k.toLowerCase() === part.toLowerCase());
    current = key === undefined ? undefined : (current as Record<string, unknown>)[key];
  }
  return current as Value;
}

function compare(
  op: string,
  rawLeft: Value,
  rawRight: Value,
  node: Node & { kind: 'cmp' },
): boolean {
  const dates =
    (node.left.kind === 'lit' && node.left.isDate) ||
    (node.right.kind === 'lit' && node.right.isDate);
  const norm = (value: Value): Value => {
    if (value === undefined || value === '') return value === '' && !dates ? '' : null;
    if (dates && typeof value === 'string') return parseMsDate(value) ?? Date.parse(value);
    return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value)
      ? value.toLowerCase()
      : value;
  };
  const left = norm(rawLeft);
  const right = norm(rawRight);
  if (op === '==') return left === right;
  if (op === '!=') return left !== right;
  if (left === null || right === null || left === undefined || right === undefined) return false;
  if (op === '>') return left > right;
  if (op === '>=') return left >= right;
  if (op === '<') return left < right;
  return left <= right;
}

/** `order=Name ASC, Date DESC` → a comparator; unknown fields throw WhereError. */
export function compileOrder(
  text: string,
  type: string,
  fields: readonly string[],
): (a: object, b: object) => number {
  const known = new Map(fields.map((field) => [field.toLowerCase(), field]));
  const keys = text.split(',').map((part) => {
    const [name = '', direction = 'ASC'] = part.trim().split(/\s+/);
    const path = name.split('.');
    const field = known.get((path[0] ?? '').toLowerCase());
    if (!field) throw new WhereError(`No property or field '${path[0]}' exists in type '${type}'`);
    if (!/^(ASC|DESC)$/i.test(direction))
      throw new WhereError(`Invalid sort direction '${direction}'`);
    return { path: [field, ...path.slice(1)], sign: /^desc$/i.test(direction) ? -1 : 1 };
  });
  return (a, b) => {
    for (const key of keys) {
      const left = sortable(fieldValue(a, key.path));
      const right = sortable(fieldValue(b, key.path));
      if (left < right) return -key.sign;
      if (left > right) return key.sign;
    }
    return 0;
  };
}

function sortable(value: Value): string | number {
  if (typeof value === 'string') return parseMsDate(value) ?? value.toLowerCase();
  if (typeof value === 'number') return value;
  return value === true ? 1 : value === false ? 0 : '';
}
