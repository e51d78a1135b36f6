import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { labelOf, plainProblem } from '../../src/http/ui/settings-problems.js';
import { parseSettings } from '../../src/sync/settings.js';

/** The settings page's problems in plain words: what the validator says → what to do. */
describe('settings problems in plain words', () => {
  const plain = (input: unknown) => {
    const parsed = parseSettings(input);
    assert.equal(parsed.ok, false);
    return parsed.ok ? [] : parsed.errors.map(plainProblem);
  };

  it('says what to do instead of the validator’s words', () => {
    const problems = plain({
      documents: {
        dueDate: { type: 'days_after_invoice', days: Number.NaN },
        taxMappings: [{ ratePercent: -1, taxType: 'OUTPUT2' }],
        referenceTemplate: 'x'.repeat(201),
      },
      items: { productNotFound: 'default_item', defaultItemCode: null },
      extra: 1,
    });
    const byPath = Object.fromEntries(problems.map((p) => [p.path, `${p.label}: ${p.sentence}`]));
    assert.equal(byPath['documents.dueDate.days'], 'Due date: days: Enter a number.');
    assert.equal(
      byPath['documents.taxMappings.0.ratePercent'],
      'Tax mapping 1: rate: Enter 0 or more.',
    );
    assert.equal(byPath['documents.referenceTemplate'], 'Reference: Use at most 200 characters.');
    assert.equal(
      byPath['items.defaultItemCode'],
      'Default item: Choose the item that products without a Xero item get.',
    );
    assert.equal(
      byPath[''],
      'The settings file: "extra" is not a setting this app knows: remove it from the file.',
    );
    for (const problem of problems)
      assert.doesNotMatch(problem.sentence, /Too small|Too big|Invalid|expected|Unrecognized/);
  });

  it('keeps messages that already speak plainly, and names unknown settings from their path', () => {
    assert.deepEqual(plainProblem('documents.defaultAccountCode: Xero has no active account "9"'), {
      path: 'documents.defaultAccountCode',
      label: 'Default account',
      sentence: 'Xero has no active account "9"',
    });
    assert.equal(labelOf('contacts.matching.customerNumberField'), 'Customer number field');
    assert.equal(labelOf('triggers.rules.2.document'), 'Trigger rule 3: document');
  });
});
