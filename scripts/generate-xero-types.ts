/**
 * Generates the Xero API types the app's client is built on (docs/architecture.md: types come from Xero's
 * own spec, committed so the project builds without ../shared).
 *
 *   node --import tsx scripts/generate-xero-types.ts [specDir]
 *
 * specDir defaults to ../shared/specs/xero (XeroAPI/Xero-OpenAPI @ e952d0b, 16.1.0, docs/vendors/xero.md §0).
 * Writes src/xero/generated/{accounting,identity}.d.ts and LICENSE-Xero-OpenAPI (MIT, with a note
 * saying where it came from).
 *
 * Why a subset: the whole accounting spec generates 1.3 MB of types, which every typecheck would
 * pay for. We keep the paths in ACCOUNTING_PATHS (what src/xero/client.ts calls) and the components
 * they reach, transitively; add a path here and rerun when the client needs another endpoint.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format } from 'prettier';
import { parse } from 'yaml';

const ACCOUNTING_PATHS = [
  '/Organisation',
  '/Accounts',
  '/TaxRates',
  '/Currencies',
  '/BrandingThemes',
  '/TrackingCategories',
  '/Contacts',
  '/Contacts/{ContactID}',
  '/ContactGroups',
  '/ContactGroups/{ContactGroupID}',
  '/ContactGroups/{ContactGroupID}/Contacts',
  '/Items',
  '/Items/{ItemID}',
  '/Invoices',
  '/Invoices/{InvoiceID}',
  '/Invoices/{InvoiceID}/History',
  '/Quotes',
  '/Quotes/{QuoteID}',
  '/Quotes/{QuoteID}/History',
];

const SOURCE =
  'XeroAPI/Xero-OpenAPI @ e952d0bda3628facbf7afc5990ad6a0e7e77bd1e (info.version 16.1.0)';
const COMMAND = 'node --import tsx scripts/generate-xero-types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specDir = resolve(root, process.argv[2] ?? '../shared/specs/xero');
const outDir = join(root, 'src/xero/generated');

/** Keeps only `paths` and the components they reference (following $refs inside components). */
function pruneSpec(spec: OpenAPI3, keep: readonly string[]): OpenAPI3 {
  const paths = Object.fromEntries(
    keep.map((path) => {
      const item = spec.paths?.[path];
      if (!item) throw new Error(`${path} is not in the spec`);
      return [path, item];
    }),
  );
  const components = (spec.components ?? {}) as Record<string, Record<string, unknown>>;
  const kept: Record<string, Record<string, unknown>> = {};
  const pending: unknown[] = [paths];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const [, , kind, name] = value.split('/');
          if (!kind || !name || kept[kind]?.[name] !== undefined) continue;
          const target = components[kind]?.[name];
          if (target === undefined) throw new Error(`dangling ${value}`);
          (kept[kind] ??= {})[name] = target;
          pending.push(target);
        } else pending.push(value);
      }
    }
  }
  // securitySchemes are referenced by name, not $ref.
  if (components['securitySchemes']) kept['securitySchemes'] = components['securitySchemes'];
  return { ...spec, paths, components: kept } as OpenAPI3;
}

async function generate(file: string, keep?: readonly string[]): Promise<string> {
  const spec = parse(await readFile(join(specDir, file), 'utf8')) as OpenAPI3;
  // defaultNonNullable off: a default (e.g. HasErrors=false) must not make a field required in request bodies.
  const ast = await openapiTS(keep ? pruneSpec(spec, keep) : spec, { defaultNonNullable: false });
  const scope = keep ? `paths ${keep.join(', ')} and the components they use` : 'the whole spec';
  const header = [
    '/**',
    ` * Generated from ${file} of ${SOURCE},`,
    ` * ${scope}. Licence: ./LICENSE-Xero-OpenAPI (MIT).`,
    ` * Do not edit: change scripts/generate-xero-types.ts and run \`${COMMAND}\`.`,
    ' */',
    '',
  ].join('\n');
  return format(header + astToString(ast), {
    parser: 'typescript',
    printWidth: 100,
    singleQuote: true,
    trailingComma: 'all',
  });
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const outputs: [string, string][] = [
    ['accounting.d.ts', await generate('xero_accounting.yaml', ACCOUNTING_PATHS)],
    ['identity.d.ts', await generate('xero-identity.yaml')],
  ];
  const licence = await readFile(join(specDir, 'LICENSE-Xero-OpenAPI'), 'utf8');
  outputs.push([
    'LICENSE-Xero-OpenAPI',
    `The types in this folder are generated from the OpenAPI files of ${SOURCE}\n` +
      `(https://github.com/XeroAPI/Xero-OpenAPI), by \`${COMMAND}\`.\n` +
      `Their licence follows, copied unchanged from that repository's LICENSE.\n\n${licence}`,
  ]);
  for (const [name, text] of outputs) {
    await writeFile(join(outDir, name), text);
    console.log(`${name}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
  }
}

await main();
