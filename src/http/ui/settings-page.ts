import escapeHtml from 'escape-html';

import type { BulkSyncWhat } from '../../services/bulk-sync.js';
import type { Choice, SettingsChoices } from '../../services/settings-choices.js';
import {
  type CatchUpResult,
  describeCatchUp,
  describeWebhookHealth,
  type WebhookHealth,
} from '../../services/status-report.js';
import { DOCUMENT_KIND, DOCUMENT_KINDS } from '../../sync/document-kinds.js';
import { XERO_CONTACT_FIELDS } from '../../sync/settings.js';
import { badge } from '../html.js';
import {
  confirmDialog,
  fieldErrors,
  hiddenContext,
  invalid,
  options,
  type UiContext,
  uiHref,
  uiPage,
} from './layout.js';
import { renderMatchingSection } from './matching-form.js';
import {
  type FormValues,
  list,
  one,
  ROWS,
  rows,
  type RowTable,
  trackingValue,
} from './settings-form.js';
import { MATCH_KEY_LABELS, xeroContactFieldLabel } from './settings-labels.js';
import { plainProblem } from './settings-problems.js';

/**
 * The settings page (GET /ui/settings): a "what happens now" summary, then the sections a sticky
 * navigation jumps to — Connection, Triggers, Documents, Tax, Customers, Products, Field mappings,
 * Usage. Every choice is a list read from Pipedrive or Xero (services/settings-choices.ts), every
 * field has a one-line help, and a refused save shows each problem in plain words next to its
 * field (settings-problems.ts) and, at the top, which fields to fix.
 */
export interface SettingsView {
  context: UiContext;
  values: FormValues;
  errors: string[];
  notice?: string;
  choices: SettingsChoices;
  pipedrive: { status: string } | null;
  xero: { tenantName: string; status: string } | null;
  /** The webhook's health and the last catch-up (services/catch-up.ts). */
  catchUp: { webhook: WebhookHealth | null; last: CatchUpResult | null };
  connectUrl: string;
  usage: { month: string; used: number; quota: number };
  bulk: { what: BulkSyncWhat; text: string; status: string }[];
}

/** One section of the page: its anchor, its heading, and its HTML. */
export interface SettingsSection {
  id: string;
  title: string;
  body: string;
}

const kinds: Choice[] = DOCUMENT_KINDS.map((kind) => ({
  value: kind,
  label: `Draft ${DOCUMENT_KIND[kind].noun}`,
}));
const none = (label = '— none —'): Choice => ({ value: '', label });
const xeroFields: Choice[] = XERO_CONTACT_FIELDS.map((field) => ({
  value: field,
  label: xeroContactFieldLabel(field),
}));
/** Blank rows offered under each table, so a row can be added without a script. */
const BLANK_ROWS = 2;
const FORM_ID = 'settings-form';

/**
 * The controls every section is built from, so its parts look and read alike: a label, the
 * control, a one-line help, then its problems. A module adding settings (for example matching and
 * mappings) renders its controls with the same kit and adds its section in `formSections`.
 */
export interface FieldKit {
  select(name: string, choices: readonly Choice[], label: string, help: string): string;
  input(name: string, label: string, help: string, type?: string): string;
  textarea(name: string, label: string, help: string): string;
}

export function fieldKit(values: FormValues, errors: readonly string[]): FieldKit {
  const wrap = (name: string, label: string, help: string, control: string) =>
    `<div class="field"><label for="${id(name)}">${escapeHtml(label)}</label>${control}<span class="help" id="${id(name)}-help">${escapeHtml(help)}</span>${fieldErrors(errors, name, id(name))}</div>`;
  const attributes = (name: string) =>
    `id="${id(name)}" name="${name}" data-testid="${id(name)}"${describedBy(errors, name)}`;
  return {
    select: (name, choices, label, help) =>
      wrap(
        name,
        label,
        help,
        `<select ${attributes(name)}>${options(choices, one(values, name))}</select>`,
      ),
    input: (name, label, help, type = 'text') =>
      wrap(
        name,
        label,
        help,
        `<input ${attributes(name)} type="${type}" value="${escapeHtml(one(values, name))}">`,
      ),
    textarea: (name, label, help) =>
      wrap(
        name,
        label,
        help,
        `<textarea ${attributes(name)} rows="3">${escapeHtml(one(values, name))}</textarea>`,
      ),
  };
}

export function renderSettingsPage(view: SettingsView): string {
  const sections = [connectionSection(view), ...formSections(view), usageSection(view)];
  const nav = `<nav class="sections" aria-label="Settings sections" data-testid="settings-nav">${sections
    .map((section) => `<a href="#${section.id}">${escapeHtml(section.title)}</a>`)
    .join('')}</nav>`;
  const [connection, ...rest] = sections;
  const usage = rest.pop()!;
  const card = (section: SettingsSection) =>
    `<section id="${section.id}" class="card" aria-labelledby="${section.id}-title"><h2 id="${section.id}-title">${escapeHtml(section.title)}</h2>${section.body}</section>`;
  const form = `<form id="${FORM_ID}" method="post" action="/ui/settings" data-testid="settings-form" novalidate>
${hiddenContext(view.context)}
${rest.map(card).join('\n')}
<div class="card save-bar"><button type="submit" class="primary" data-testid="settings-save">Save settings</button><span class="muted">Nothing changes until you save; a problem is shown next to its field.</span></div>
</form>`;
  const bulkForms = view.bulk
    .map(
      (state) =>
        `<form id="bulk-${state.what}" method="post" action="/ui/bulk-sync">${hiddenContext(view.context)}<input type="hidden" name="what" value="${state.what}"></form>`,
    )
    .join('');
  return uiPage(
    'Settings',
    view.context,
    `<div class="layout">${nav}<div>
${topNotices(view)}
${summaryCard(view)}
${card(connection!)}
${form}
${card(usage)}
${bulkForms}
${confirmDialog('confirm-disconnect', 'Disconnect Xero?', `Deals stop becoming drafts in ${view.xero?.tenantName ?? 'Xero'} until you connect an organisation again. Nothing in Xero is deleted.`, 'Disconnect')}
</div></div>`,
    'settings',
  );
}

function topNotices(view: SettingsView): string {
  const notice =
    view.notice === undefined
      ? ''
      : `<p class="notice" role="status" data-testid="settings-notice">${escapeHtml(view.notice)}</p>`;
  const count = view.errors.length;
  const refused =
    count === 0
      ? ''
      : `<div class="notice error" role="alert" data-testid="settings-errors"><p><strong>Nothing was saved.</strong> ${count === 1 ? 'One setting needs' : `${count} settings need`} a change:</p><ul>${view.errors
          .map((error) => {
            const plain = plainProblem(error);
            return `<li>${escapeHtml(plain.label)}: ${escapeHtml(plain.sentence)}</li>`;
          })
          .join('')}</ul></div>`;
  const problems = view.choices.problems
    .map(
      (problem) =>
        `<p class="notice warning" data-testid="settings-problem">${escapeHtml(problem)}</p>`,
    )
    .join('');
  return `${notice}${refused}${problems}`;
}

/** "What happens now", in sentences, from the settings the page shows. */
function summaryCard(view: SettingsView): string {
  const { values, choices } = view;
  const stageName = (value: string) =>
    choices.stages.find((stage) => stage.value === value)?.label ?? `stage ${value}`;
  const noun = (kind: string) =>
    DOCUMENT_KINDS.includes(kind as never)
      ? `draft ${DOCUMENT_KIND[kind as (typeof DOCUMENT_KINDS)[number]].noun}s`
      : kind;
  const where = view.xero === null ? '' : ` in ${view.xero.tenantName}`;
  const lines = rows(values, 'rules').map(
    ([stage = '', kind = '']) =>
      `Deals entering <strong>${escapeHtml(stageName(stage))}</strong> become ${escapeHtml(noun(kind))}${escapeHtml(where)}.`,
  );
  const onWon = one(values, 'triggers.onWon');
  if (onWon !== '')
    lines.push(`Deals marked won become ${escapeHtml(noun(onWon))}${escapeHtml(where)}.`);
  if (lines.length === 0)
    lines.push('Nothing happens yet: add a trigger rule under <a href="#triggers">Triggers</a>.');
  if (view.xero === null)
    lines.unshift(
      '<strong>Xero is not connected</strong>: connect an organisation under <a href="#connection">Connection</a>.',
    );
  const order = list(values, 'contacts.matchOrder')
    .filter((key) => key !== '')
    .map((key) => MATCH_KEY_LABELS[key] ?? key);
  if (order.length > 0)
    lines.push(
      `Customers are matched to a Xero contact by ${escapeHtml(order.join(', then '))}; otherwise a new contact is created.`,
    );
  const paidField = one(values, 'documents.onPaid.dealField');
  const paidLabel = choices.dealFields.find((field) => field.value === paidField)?.label;
  lines.push(
    paidField === ''
      ? 'When Xero reports an invoice paid, the deal gets a note.'
      : `When Xero reports an invoice paid, the deal gets a note and its field ${escapeHtml(paidLabel ?? paidField)} is set.`,
  );
  const title = view.errors.length === 0 ? 'What happens now' : 'What would happen (not saved yet)';
  return `<section class="card summary" aria-labelledby="summary-title" data-testid="settings-summary"><h2 id="summary-title">${title}</h2><ul>${lines
    .map((line) => `<li>${line}</li>`)
    .join('')}</ul></section>`;
}

function connectionSection(view: SettingsView): SettingsSection {
  const { webhook, last } = view.catchUp;
  const webhookState = webhook?.status ?? 'unknown';
  const xero =
    view.xero === null
      ? badge({ color: 'red', label: 'Not connected' }, 'xero-status')
      : `${statusBadge(view.xero.status, 'xero-status')} organisation <strong data-testid="xero-organisation">${escapeHtml(view.xero.tenantName)}</strong>`;
  const disconnect =
    view.xero === null
      ? ''
      : `<form method="post" action="/ui/xero/disconnect" class="inline">${hiddenContext(view.context)}<button type="submit" class="danger" data-confirm="confirm-disconnect" data-testid="xero-disconnect">Disconnect Xero</button></form>`;
  const webhookColor =
    webhookState === 'ok' ? 'green' : webhookState === 'unknown' ? 'grey' : 'yellow';
  return {
    id: 'connection',
    title: 'Connection',
    body: `<table><tbody>
<tr><th scope="row">Pipedrive</th><td>${statusBadge(view.pipedrive?.status ?? 'not connected', 'pipedrive-status')}</td></tr>
<tr><th scope="row">Pipedrive webhook</th><td>${badge({ color: webhookColor, label: webhookState === 'ok' ? 'Working' : webhookState === 'unknown' ? 'Not checked yet' : 'Needs attention' })} <span class="muted" data-testid="webhook-health" data-state="${webhookState}">${escapeHtml(describeWebhookHealth(webhook))}</span></td></tr>
<tr><th scope="row">Missed changes</th><td>${last?.status === 'failed' ? badge({ color: 'yellow', label: 'Failed' }) : ''} <span data-testid="catch-up">${escapeHtml(describeCatchUp(last))}</span></td></tr>
<tr><th scope="row">Xero</th><td>${xero}</td></tr>
</tbody></table>
<p class="row"><a class="button${view.xero === null ? ' primary' : ''}" href="${escapeHtml(view.connectUrl)}" data-testid="xero-connect">${view.xero === null ? 'Connect Xero' : 'Reconnect or switch organisation'}</a> ${disconnect}</p>`,
  };
}

/** A connection's status as a badge: connected in green, anything else in words. */
function statusBadge(status: string, testid: string): string {
  if (status === 'connected' || status === 'active')
    return badge({ color: 'green', label: 'Connected' }, testid);
  const label = status === 'needs_reauth' ? 'Needs reconnecting' : 'Not connected';
  return badge({ color: 'red', label }, testid);
}

/** The sections inside the settings form, in the order the navigation lists them. */
function formSections(view: SettingsView): SettingsSection[] {
  const { values, errors, choices } = view;
  const kit = fieldKit(values, errors);
  return [
    triggersSection(view, kit),
    documentsSection(view, kit),
    taxSection(view, kit),
    customersSection(view),
    productsSection(view, kit),
    matchingSection(view),
    fieldMappingsSection(kit, choices),
  ];
}

function triggersSection(view: SettingsView, kit: FieldKit): SettingsSection {
  const { values, errors, choices } = view;
  return {
    id: 'triggers',
    title: 'Triggers',
    body: `<p class="help" id="rules-help">When a deal enters a stage, the app makes this draft in Xero once; moving the deal back and forth makes no second one.</p>
${table(
  'rules',
  values,
  errors,
  'triggers.rules',
  ['Pipeline → stage', 'Document'],
  [
    (value, index) =>
      cell(
        'rule.stage',
        index,
        `Stage of rule ${index + 1}`,
        [none('— no rule —'), ...choices.stages],
        value,
      ),
    (value, index) => cell('rule.document', index, `Document of rule ${index + 1}`, kinds, value),
  ],
)}
${kit.select('triggers.onWon', [none('Nothing'), ...kinds], 'When a deal is marked won', 'Also react to a deal marked won, whatever stage it is in.')}`,
  };
}

function documentsSection(view: SettingsView, kit: FieldKit): SettingsSection {
  const { values, errors, choices } = view;
  const trackingChoices: Choice[] = [
    none(),
    ...choices.trackings.flatMap((category) =>
      category.options.map((option) => ({
        value: trackingValue(category.category, option),
        label: `${category.category}: ${option}`,
      })),
    ),
  ];
  const trackings = list(values, 'tracking');
  return {
    id: 'documents',
    title: 'Documents',
    body: `${kit.select('documents.defaultAccountCode', choices.accounts, 'Default account', 'The revenue account for lines whose product has no Xero item account, and for deal discounts.')}
${kit.select(
  'documents.dueDate.type',
  [
    { value: 'days_after_invoice', label: 'Days after the invoice date' },
    { value: 'day_of_following_month', label: 'Day of the following month' },
  ],
  'Due date',
  'When an invoice is due.',
)}
${kit.input('documents.dueDate.days', 'Days (or day of the month)', 'A number of days, or the day of the following month (1 to 31).', 'number')}
${kit.select(
  'documents.currency',
  [
    { value: 'deal', label: "The deal's currency" },
    { value: 'organisation_base', label: "Only the organisation's base currency" },
  ],
  'Currency',
  'With “Only the base currency”, a deal in another currency is refused and named on the deal.',
)}
${kit.select('documents.brandingThemeId', [none("Xero's default"), ...choices.brandingThemes], 'Branding theme', 'The Xero branding theme (logo, layout, payment terms) of every document.')}
${kit.select(
  'documents.recurringBilling',
  [
    { value: 'first_period', label: 'Bill the first period' },
    { value: 'all_cycles', label: 'Bill all cycles' },
  ],
  'Recurring products',
  'For products billed monthly or yearly: the first period only, or every cycle at once.',
)}
<fieldset class="field" aria-describedby="tracking-help"><legend>Tracking</legend><div class="row">
${[0, 1]
  .map(
    (index) =>
      `<select name="tracking" aria-label="Tracking category ${index + 1}" data-testid="tracking-${index}">${options(trackingChoices, trackings[index] ?? '')}</select>`,
  )
  .join(
    ' ',
  )}</div><span class="help" id="tracking-help">Xero tracking options put on every line (at most two categories).</span>
${fieldErrors(errors, 'documents.trackings', 'tracking')}</fieldset>
${kit.input('documents.quote.expiryDays', 'Quotes expire after (days)', 'Days from the quote date until the quote expires.', 'number')}`,
  };
}

function taxSection(view: SettingsView, kit: FieldKit): SettingsSection {
  const { values, errors, choices } = view;
  return {
    id: 'tax',
    title: 'Tax',
    body: `${kit.select(
      'documents.lineAmountType',
      [
        { value: 'deal', label: "Follow the deal's tax setting" },
        { value: 'exclusive', label: 'Tax exclusive' },
        { value: 'inclusive', label: 'Tax inclusive' },
        { value: 'none', label: 'No tax' },
      ],
      'Line amounts',
      "Whether prices include tax; “Follow the deal” reads each deal's own tax setting.",
    )}
<p class="label" id="taxes-label">Tax mappings</p><p class="help">A line's tax rate in Pipedrive → the Xero tax rate to use. A rate without a mapping is matched by its percentage.</p>
${table(
  'taxes',
  values,
  errors,
  'documents.taxMappings',
  ['Rate %', 'Xero tax rate'],
  [
    (value, index) =>
      `<input name="tax.ratePercent" aria-label="Rate of tax mapping ${index + 1}" value="${escapeHtml(value)}" inputmode="decimal" size="6" data-testid="tax.ratePercent-${index}">`,
    (value, index) =>
      cell(
        'tax.taxType',
        index,
        `Xero tax rate of mapping ${index + 1}`,
        [none(), ...choices.taxTypes],
        value,
      ),
  ],
)}
${kit.select('documents.defaultTaxType', [none('Match by rate'), ...choices.taxTypes], 'Tax rate for taxed lines without a mapping', '“Match by rate” uses the Xero tax rate with the same percentage, and refuses when there is none.')}
${kit.select('documents.noTaxType', choices.taxTypes, 'Tax rate for untaxed lines', 'For lines without tax (0 %) and for rounding lines.')}`,
  };
}

function customersSection(view: SettingsView): SettingsSection {
  const { values, errors, choices } = view;
  const matchOrder = list(values, 'contacts.matchOrder');
  const matchKeys: Choice[] = [
    none(),
    ...Object.entries(MATCH_KEY_LABELS).map(([value, label]) => ({
      value,
      label: label.charAt(0).toUpperCase() + label.slice(1),
    })),
  ];
  return {
    id: 'customers',
    title: 'Customers',
    body: `<fieldset class="field" aria-describedby="match-help"><legend>Find an existing Xero contact by, in this order</legend><div class="row">
${[0, 1, 2]
  .map(
    (index) =>
      `<select name="contacts.matchOrder" aria-label="Way ${index + 1} of finding a contact" data-testid="contacts.matchOrder-${index}"${describedBy(errors, 'contacts.matchOrder', 'contacts-matchOrder')}>${options(matchKeys, matchOrder[index] ?? '')}</select>`,
  )
  .join(
    ' ',
  )}</div><span class="help" id="match-help">How a deal's organization or person is found in Xero before a new contact is created.</span>
${fieldErrors(errors, 'contacts.matchOrder', 'contacts-matchOrder')}</fieldset>
<h3>Organization fields → Xero contact</h3><p class="help">Which organization field fills which Xero contact field when the contact is created or updated.</p>
${mappingTable('companyFields', 'companyField', 'contacts.companyFields', choices.organizationFields, values, errors)}
<h3>Person fields → Xero contact</h3><p class="help">The same, for deals whose customer is a person.</p>
${mappingTable('personFields', 'personField', 'contacts.personFields', choices.personFields, values, errors)}
${bulkControl(view, 'customers')}`,
  };
}

function productsSection(view: SettingsView, kit: FieldKit): SettingsSection {
  const { choices } = view;
  return {
    id: 'products',
    title: 'Products',
    body: `${kit.select(
      'items.productNotFound',
      [
        { value: 'no_action', label: 'Refuse and name the products' },
        { value: 'default_item', label: 'Use the default item' },
        { value: 'create_item', label: 'Create the item in Xero' },
      ],
      'When a product has no Xero item',
      "What happens when a deal's product has no Xero item with the same code.",
    )}
${kit.select('items.defaultItemCode', [none(), ...choices.items], 'Default item', 'Used for such products when the choice above is “Use the default item”.')}
${bulkControl(view, 'products')}`,
  };
}

/** How customers and products are recognised in Xero (matching-form.ts renders the controls). */
function matchingSection(view: SettingsView): SettingsSection {
  return {
    id: 'matching',
    title: 'Matching',
    body: renderMatchingSection(view.values, view.choices, view.errors),
  };
}

function fieldMappingsSection(kit: FieldKit, choices: SettingsChoices): SettingsSection {
  return {
    id: 'field-mappings',
    title: 'Field mappings',
    body: `${kit.input('documents.referenceTemplate', 'Reference', 'The reference on every document; {deal.id}, {deal.title} and {document} are filled in.')}
${kit.input('documents.quote.titleTemplate', 'Quote title', 'The title of a quote; {deal.title} is filled in.')}
${kit.textarea('documents.quote.summary', 'Quote summary', 'Shown under the title of every quote.')}
${kit.textarea('documents.quote.terms', 'Quote terms', 'The terms printed on every quote.')}
${kit.select('documents.onPaid.dealField', [none("Don't set a field"), ...choices.dealFields], 'When paid, set this deal field', 'When Xero reports an invoice paid in full; the deal gets a note either way.')}
${kit.input('documents.onPaid.value', 'to this value', 'Leave empty for the day it was paid (for date fields).')}`,
  };
}

function usageSection(view: SettingsView): SettingsSection {
  const { usage } = view;
  const over = usage.used >= usage.quota;
  return {
    id: 'usage',
    title: 'Usage',
    body: `<p>Documents this month (${escapeHtml(usage.month)}): <strong data-testid="usage">${usage.used} of ${usage.quota}</strong> ${over ? badge({ color: 'red', label: 'Plan limit reached' }) : ''}</p>
<h3>Export and import</h3>
<p><a class="button" href="${escapeHtml(uiHref(view.context, '/ui/settings/export'))}" data-testid="settings-export" download>Download the settings (JSON)</a></p>
<form method="post" action="/ui/settings/import" data-testid="settings-import-form">
${hiddenContext(view.context)}
<div class="field"><label for="import-file">Settings file</label><input id="import-file" type="file" accept="application/json,.json" data-fills="import-json" data-testid="settings-import-file"></div>
<div class="field"><label for="import-json">or paste the JSON</label><textarea id="import-json" name="settingsJson" rows="4" data-testid="settings-import-json"></textarea><span class="help">Replaces every setting; it is checked like a save, and nothing changes if a setting is refused.</span></div>
<p><button type="submit" data-testid="settings-import">Import settings</button></p>
</form>`,
  };
}

/** "Sync all customers/products" (its form sits outside the settings form; `form=` joins them). */
function bulkControl(view: SettingsView, what: BulkSyncWhat): string {
  const state = view.bulk.find((entry) => entry.what === what);
  if (state === undefined) return '';
  return `<div class="field"><p class="row"><button type="submit" form="bulk-${what}" data-testid="bulk-sync-${what}">Sync all ${what} to Xero now</button>
<span role="status" data-testid="bulk-status-${what}" data-state="${escapeHtml(state.status)}" data-bulk-status="${escapeHtml(uiHref(view.context, '/ui/bulk-sync/status', { what }))}">${escapeHtml(state.text)}</span></p>
<span class="help">Sends every ${what === 'customers' ? 'organization and person' : 'product'} to Xero now, instead of when a deal needs them.</span></div>`;
}

function id(name: string): string {
  return name.replace(/\./g, '-');
}

function describedBy(errors: readonly string[], name: string, errorId = id(name)): string {
  return invalid(errors, name, errorId);
}

function cell(
  name: string,
  index: number,
  label: string,
  choices: readonly Choice[],
  value: string,
): string {
  return `<select name="${name}" aria-label="${escapeHtml(label)}" data-testid="${name}-${index}">${options(choices, value)}</select>`;
}

type Column = (value: string, index: number) => string;

/** A repeating table: its rows, then blank ones; errors of row i shown under row i. */
function table(
  table: RowTable,
  values: FormValues,
  errors: string[],
  path: string,
  headings: string[],
  columns: Column[],
): string {
  const filled = rows(values, table);
  const blank = Array.from({ length: BLANK_ROWS }, () => ROWS[table].map(() => ''));
  const body = [...filled, ...blank]
    .map((row, index) => {
      const cells = columns
        .map((column, at) => `<td>${column(row[at] ?? '', index)}</td>`)
        .join('');
      const rowErrors = fieldErrors(errors, `${path}.${index}`, `${table}-${index}`);
      return `<tr>${cells}<td>${rowErrors}</td></tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table><thead><tr>${headings.map((heading) => `<th scope="col">${heading}</th>`).join('')}<th scope="col"><span class="skip">Problems</span></th></tr></thead>
<tbody id="rows-${table}" data-testid="rows-${table}">${body}</tbody></table></div>
<button type="button" data-add-row="rows-${table}" data-testid="add-${table}" hidden>Add row</button>${fieldErrors(
    errors.filter((error) => error.startsWith(`${path}:`)),
    path,
    table,
  )}`;
}

function mappingTable(
  rowTable: 'companyFields' | 'personFields',
  prefix: string,
  path: string,
  fields: Choice[],
  values: FormValues,
  errors: string[],
): string {
  return table(
    rowTable,
    values,
    errors,
    path,
    ['Pipedrive field', 'Xero contact field'],
    [
      (value, index) =>
        cell(
          `${prefix}.pipedrive`,
          index,
          `Pipedrive field of mapping ${index + 1}`,
          [none('— no mapping —'), ...fields],
          value,
        ),
      (value, index) =>
        cell(`${prefix}.xero`, index, `Xero field of mapping ${index + 1}`, xeroFields, value),
    ],
  );
}
