import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { composeDealNote, markNoteLink, problemNote } from '../../src/sync/usecases/deal-note.js';

const ID = '0b9f3c5e-7a41-4c1e-9d2b-5f6a7b8c9d0e';

describe('the deal note marker', () => {
  const cases: [string, string, string][] = [
    [
      'a Xero link',
      'https://go.xero.com/app/!kCt7Q/invoicing/view/abc',
      `https://go.xero.com/app/!kCt7Q/invoicing/view/abc?pdx_note=${ID}`,
    ],
    [
      'a Replay link with its token',
      'https://app.example/companies/1/runs/r-1/replay?token=t.k',
      `https://app.example/companies/1/runs/r-1/replay?token=t.k&pdx_note=${ID}`,
    ],
    ['a link with a fragment', 'https://a.example/p#top', `https://a.example/p?pdx_note=${ID}#top`],
    ['Xero home (no ShortCode)', 'https://go.xero.com/', `https://go.xero.com/?pdx_note=${ID}`],
  ];
  for (const [name, url, marked] of cases) {
    it(`goes into the query of ${name}`, () => assert.equal(markNoteLink(url, ID), marked));
  }

  it("is the note's own id, on its link, and survives the href being escaped", () => {
    const note = composeDealNote({ company: { id: 7 } }, { dealId: 3, topic: 't' }, (mark) =>
      problemNote('invoice', 'No customer.', mark('https://app.example/r?token=a')),
    );
    assert.match(
      note.content,
      new RegExp(`href="https://app.example/r\\?token=a&amp;pdx_note=${note.id}"`),
    );
    assert.deepEqual([note.companyId, note.dealId, note.topic], [7, 3, 't']);
  });
});
