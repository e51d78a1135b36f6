/**
 * The settings' problems in plain words. Saving reports each problem as "path: message" in the
 * validator's words (sync/settings.ts through zod-problems.ts, and services/settings-check.ts);
 * the page shows next to each field what to do ("Enter 0 or more.") and, at the top, which field
 * it is ("Days: Enter 0 or more."). Pure. A message this module does not know is kept as it came:
 * the checks against Xero already speak plainly ("Xero has no active account "999"").
 */
export interface PlainProblem {
  /** The setting's path ("documents.dueDate.days"), '' for the whole file. */
  path: string;
  /** The field as the page names it. */
  label: string;
  /** What to do, as a sentence. */
  sentence: string;
}

/** Field labels by path, a row's index written `#` (shown 1-based). */
const LABELS: Record<string, string> = {
  'triggers.rules.#': 'Trigger rule #',
  'triggers.rules.#.pipelineId': 'Trigger rule #: stage',
  'triggers.rules.#.stageId': 'Trigger rule #: stage',
  'triggers.rules.#.document': 'Trigger rule #: document',
  'triggers.onWon': 'When a deal is marked won',
  'documents.lineAmountType': 'Line amounts',
  'documents.defaultAccountCode': 'Default account',
  'documents.taxMappings.#': 'Tax mapping #',
  'documents.taxMappings.#.ratePercent': 'Tax mapping #: rate',
  'documents.taxMappings.#.taxType': 'Tax mapping #: Xero tax rate',
  'documents.defaultTaxType': 'Tax rate for taxed lines without a mapping',
  'documents.noTaxType': 'Tax rate for untaxed lines',
  'documents.dueDate': 'Due date',
  'documents.dueDate.type': 'Due date',
  'documents.dueDate.days': 'Due date: days',
  'documents.referenceTemplate': 'Reference',
  'documents.brandingThemeId': 'Branding theme',
  'documents.quote.expiryDays': 'Quote expiry',
  'documents.quote.titleTemplate': 'Quote title',
  'documents.quote.terms': 'Quote terms',
  'documents.quote.summary': 'Quote summary',
  'documents.currency': 'Currency',
  'documents.trackings': 'Tracking',
  'documents.recurringBilling': 'Recurring products',
  'documents.onPaid.dealField': 'Deal field to set when paid',
  'documents.onPaid.value': 'Value to set when paid',
  'items.productNotFound': 'When a product has no Xero item',
  'items.defaultItemCode': 'Default item',
  'contacts.matchOrder': 'Find an existing Xero contact by',
  'contacts.companyFields.#': 'Organization field mapping #',
  'contacts.companyFields.#.pipedriveField': 'Organization field mapping #: Pipedrive field',
  'contacts.companyFields.#.xeroField': 'Organization field mapping #: Xero field',
  'contacts.personFields.#': 'Person field mapping #',
  'contacts.personFields.#.pipedriveField': 'Person field mapping #: Pipedrive field',
  'contacts.personFields.#.xeroField': 'Person field mapping #: Xero field',
};

/** The validator's messages → what to do. Custom messages of the schema come first. */
const SENTENCES: [RegExp, (match: RegExpExecArray) => string][] = [
  [/needs a defaultItemCode/, () => 'Choose the item that products without a Xero item get.'],
  [/day_of_following_month needs days/, () => 'Enter a day of the month from 1 to 31.'],
  [/each match key may appear once/, () => 'Choose each way of finding a contact only once.'],
  [/must be a (deal )?field key/, () => 'Choose a field from the list.'],
  [/expected (int|number), received (NaN|string|null)/, () => 'Enter a number.'],
  [/expected int, received number/, () => 'Enter a whole number.'],
  [/Too small: expected number to be >=?(\S+)/, (m) => `Enter ${m[1]} or more.`],
  [/Too big: expected number to be <=?(\S+)/, (m) => `Enter ${m[1]} or less.`],
  [/Too small: expected string to have >=1 characters/, () => 'Fill this in.'],
  [/Too big: expected string to have <=(\d+) characters/, (m) => `Use at most ${m[1]} characters.`],
  [/Too small: expected array to have >=1 items/, () => 'Choose at least one.'],
  [/Too big: expected array to have <=(\d+) items/, (m) => `Choose at most ${m[1]}.`],
  [/Invalid option|Invalid UUID|Invalid enum/, () => 'Choose one of the options offered.'],
  [/expected \w+, received undefined/, () => 'This is missing.'],
  [
    /Unrecognized keys?: (.+)/,
    (m) => `${m[1]} is not a setting this app knows: remove it from the file.`,
  ],
];

/** One "path: message" problem in plain words. */
export function plainProblem(problem: string): PlainProblem {
  const split = /^([\w.]+): (.*)$/s.exec(problem);
  const path = split?.[1] ?? '';
  const message = split?.[2] ?? problem;
  const sentence = SENTENCES.reduce<string | undefined>((found, [pattern, say]) => {
    if (found !== undefined) return found;
    const match = pattern.exec(message);
    return match === null ? undefined : say(match);
  }, undefined);
  return { path, label: labelOf(path), sentence: sentence ?? capitalised(message) };
}

/** The page's name for a setting's path; an unknown one is spelled out from its last part. */
export function labelOf(path: string): string {
  if (path === '') return 'The settings file';
  const index = /\.(\d+)(\.|$)/.exec(path);
  const key = path.replace(/\.\d+(?=\.|$)/, '.#');
  const label = LABELS[key];
  if (label !== undefined)
    return index === null ? label : label.replace('#', String(Number(index[1]) + 1));
  const last =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? path;
  return capitalised(last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
