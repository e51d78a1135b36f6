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
import { fieldErrors, hiddenContext, options, type UiContext, uiHref, uiPage } from './layout.js';
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

/** The settings page (GET /ui/settings): connections, usage, the settings form, import/export, bulk sync. */
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

const kinds: Choice[] = DOCUMENT_KINDS.map((kind) => ({
  value: kind,
  label: `Draft ${DOCUMENT_KIND[kind].noun}`,
}));
const none = (label = '— none —'): Choice => ({ value: '', label });
const xeroFields: Choice[] = XERO_CONTACT_FIELDS.map((field) => ({ value: field, label: field }));
/** Blank rows offered under each table, so a row can be added without a script. */
const BLANK_ROWS = 2;

/** The form is a list of fields built by the same few helpers, so its parts look alike. */
export function renderSettingsPage(view: SettingsView): string {
  const { values, errors, choices } = view;
  const text = (name: string) => escapeHtml(one(values, name));
  const select = (name: string, choices: readonly Choice[], label: string) =>
    `<label for="${id(name)}">${label}</label><select id="${id(name)}" name="${name}" data-testid="${id(name)}">${options(choices, one(values, name))}</select>${fieldErrors(errors, name, id(name))}`;
  const input = (name: string, label: string, type = 'text') =>
    `<label for="${id(name)}">${label}</label><input id="${id(name)}" name="${name}" type="${type}" value="${text(name)}" data-testid="${id(name)}">${fieldErrors(errors, name, id(name))}`;
  const textarea = (name: string, label: string) =>
    `<label for="${id(name)}">${label}</label><textarea id="${id(name)}" name="${name}" rows="3" cols="60" data-testid="${id(name)}">${text(name)}</textarea>${fieldErrors(errors, name, id(name))}`;

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
  const matchOrder = list(values, 'contacts.matchOrder');
  const matchKeys: Choice[] = [
    none(),
    { value: 'contact_number', label: 'Contact number (the Pipedrive id)' },
    { value: 'name', label: 'Name' },
    { value: 'email', label: 'Email' },
  ];

  const form = `<form method="post" action="/ui/settings" data-testid="settings-form" novalidate>
${hiddenContext(view.context)}
<fieldset><legend>Triggers</legend>
<p>When a deal enters a stage, make a draft in Xero.</p>
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
${select('triggers.onWon', [none('Nothing'), ...kinds], 'When a deal is marked won')}
</fieldset>
<fieldset><legend>Documents</legend>
${select(
  'documents.lineAmountType',
  [
    { value: 'deal', label: "Follow the deal's tax setting" },
    { value: 'exclusive', label: 'Tax exclusive' },
    { value: 'inclusive', label: 'Tax inclusive' },
    { value: 'none', label: 'No tax' },
  ],
  'Line amounts',
)}
${select('documents.defaultAccountCode', choices.accounts, 'Default account (lines without an item account, deal discounts)')}
<p>Tax: a line's tax rate → Xero tax rate.</p>
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
        `Tax rate of mapping ${index + 1}`,
        [none(), ...choices.taxTypes],
        value,
      ),
  ],
)}
${select('documents.defaultTaxType', [none('Match by rate'), ...choices.taxTypes], 'Tax rate for taxed lines without a mapping')}
${select('documents.noTaxType', choices.taxTypes, 'Tax rate for untaxed lines')}
${select(
  'documents.dueDate.type',
  [
    { value: 'days_after_invoice', label: 'Days after the invoice date' },
    { value: 'day_of_following_month', label: 'Day of the following month' },
  ],
  'Due date',
)}
${input('documents.dueDate.days', 'Days (or day of month)', 'number')}
${input('documents.referenceTemplate', 'Reference ({deal.id} {deal.title} {document})')}
${select('documents.brandingThemeId', [none("Xero's default"), ...choices.brandingThemes], 'Branding theme')}
${select(
  'documents.currency',
  [
    { value: 'deal', label: "The deal's currency" },
    { value: 'organisation_base', label: "Only the organisation's base currency" },
  ],
  'Currency',
)}
${select(
  'documents.recurringBilling',
  [
    { value: 'first_period', label: 'Bill the first period' },
    { value: 'all_cycles', label: 'Bill all cycles' },
  ],
  'Recurring products',
)}
<p id="tracking-label">Tracking (at most two)</p>
${[0, 1]
  .map(
    (index) =>
      `<select name="tracking" aria-labelledby="tracking-label" data-testid="tracking-${index}">${options(trackingChoices, trackings[index] ?? '')}</select>`,
  )
  .join(' ')}
${fieldErrors(errors, 'documents.trackings', 'tracking')}
${input('documents.onPaid.dealField', 'When paid, set this deal field (key; optional)')}
${input('documents.onPaid.value', 'to this value (default: the day it was paid)')}
</fieldset>
<fieldset><legend>Quotes</legend>
${input('documents.quote.expiryDays', 'Expires after (days)', 'number')}
${input('documents.quote.titleTemplate', 'Title')}
${textarea('documents.quote.terms', 'Terms')}
${textarea('documents.quote.summary', 'Summary')}
</fieldset>
<fieldset><legend>Products</legend>
${select(
  'items.productNotFound',
  [
    { value: 'no_action', label: 'Refuse and name the products' },
    { value: 'default_item', label: 'Use the default item' },
    { value: 'create_item', label: 'Create the item in Xero' },
  ],
  'When a product has no Xero item',
)}
${select('items.defaultItemCode', [none(), ...choices.items], 'Default item')}
</fieldset>
<fieldset><legend>Contacts</legend>
<p id="match-label">Find an existing Xero contact by, in this order:</p>
${[0, 1, 2]
  .map(
    (index) =>
      `<select name="contacts.matchOrder" aria-labelledby="match-label" data-testid="contacts.matchOrder-${index}">${options(matchKeys, matchOrder[index] ?? '')}</select>`,
  )
  .join(' ')}
${fieldErrors(errors, 'contacts.matchOrder', 'contacts.matchOrder')}
<p>Organization fields → Xero contact</p>
${mappingTable('companyFields', 'companyField', 'contacts.companyFields', choices.organizationFields, values, errors)}
<p>Person fields → Xero contact</p>
${mappingTable('personFields', 'personField', 'contacts.personFields', choices.personFields, values, errors)}
</fieldset>
${renderMatchingSection(values, choices, errors)}
<p><button type="submit" data-testid="settings-save">Save settings</button></p>
</form>`;

  const unplaced =
    errors.length === 0
      ? ''
      : `<div class="notice warning" role="alert" data-testid="settings-errors"><p>Nothing was saved: ${errors.length} problem(s).</p><ul>${errors.map((error) => `<li>${escapeHtml(error)}</li>`).join('')}</ul></div>`;
  const notice =
    view.notice === undefined
      ? ''
      : `<p class="notice" role="status" data-testid="settings-notice">${escapeHtml(view.notice)}</p>`;
  const problems = view.choices.problems
    .map(
      (problem) =>
        `<p class="notice warning" data-testid="settings-problem">${escapeHtml(problem)}</p>`,
    )
    .join('');
  return uiPage(
    'Settings',
    view.context,
    `${notice}${unplaced}${problems}
${connectionsSection(view)}
${form}
${transferSection(view)}
${bulkSection(view)}`,
  );
}

function connectionsSection(view: SettingsView): string {
  const { usage } = view;
  const xero =
    view.xero === null
      ? '<span data-testid="xero-status">not connected</span>'
      : `<span data-testid="xero-status">${escapeHtml(view.xero.status)}</span> — organisation <strong data-testid="xero-organisation">${escapeHtml(view.xero.tenantName)}</strong>`;
  const disconnect =
    view.xero === null
      ? ''
      : `<form method="post" action="/ui/xero/disconnect" style="display:inline">${hiddenContext(view.context)}<button type="submit" data-testid="xero-disconnect">Disconnect Xero</button></form>`;
  const over = usage.used >= usage.quota ? ' class="warning"' : '';
  const { webhook, last } = view.catchUp;
  const webhookState = webhook?.status ?? 'unknown';
  const webhookWarning =
    webhookState === 'ok' || webhookState === 'unknown' ? '' : ' class="warning"';
  const catchUpWarning = last?.status === 'failed' ? ' class="warning"' : '';
  return `<section aria-labelledby="connections"><h2 id="connections">Connections</h2>
<p>Pipedrive: <span data-testid="pipedrive-status">${escapeHtml(view.pipedrive?.status ?? 'not connected')}</span></p>
<p${webhookWarning}>Pipedrive webhook: <span data-testid="webhook-health" data-state="${webhookState}">${escapeHtml(describeWebhookHealth(webhook))}</span></p>
<p${catchUpWarning}>Last catch-up of missed changes: <span data-testid="catch-up">${escapeHtml(describeCatchUp(last))}</span></p>
<p>Xero: ${xero}</p>
<p><a href="${escapeHtml(view.connectUrl)}" data-testid="xero-connect">${view.xero === null ? 'Connect Xero' : 'Reconnect or switch organisation'}</a> ${disconnect}</p>
<p${over}>Documents this month (${escapeHtml(usage.month)}): <span data-testid="usage">${usage.used} of ${usage.quota}</span></p>
</section>`;
}

function transferSection(view: SettingsView): string {
  return `<section aria-labelledby="transfer"><h2 id="transfer">Export and import</h2>
<p><a href="${escapeHtml(uiHref(view.context, '/ui/settings/export'))}" data-testid="settings-export" download>Download the settings (JSON)</a></p>
<form method="post" action="/ui/settings/import" data-testid="settings-import-form">
${hiddenContext(view.context)}
<label for="import-file">Settings file</label><input id="import-file" type="file" accept="application/json,.json" data-fills="import-json" data-testid="settings-import-file">
<label for="import-json">or paste the JSON</label><textarea id="import-json" name="settingsJson" rows="4" cols="60" data-testid="settings-import-json"></textarea>
<p><button type="submit" data-testid="settings-import">Import settings</button></p>
</form></section>`;
}

function bulkSection(view: SettingsView): string {
  const items = view.bulk
    .map(
      (
        state,
      ) => `<form method="post" action="/ui/bulk-sync" style="margin:.5rem 0">${hiddenContext(view.context)}
<input type="hidden" name="what" value="${state.what}">
<button type="submit" data-testid="bulk-sync-${state.what}">Sync all ${state.what}</button>
<span role="status" data-testid="bulk-status-${state.what}" data-state="${escapeHtml(state.status)}" data-bulk-status="${escapeHtml(uiHref(view.context, '/ui/bulk-sync/status', { what: state.what }))}">${escapeHtml(state.text)}</span></form>`,
    )
    .join('');
  return `<section aria-labelledby="bulk"><h2 id="bulk">Bulk sync to Xero</h2>${items}</section>`;
}

function id(name: string): string {
  return name.replace(/\./g, '-');
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
  return `<table><thead><tr>${headings.map((heading) => `<th scope="col">${heading}</th>`).join('')}<th></th></tr></thead>
<tbody id="rows-${table}" data-testid="rows-${table}">${body}</tbody></table>
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
