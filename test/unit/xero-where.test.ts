import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { compileOrder, compileWhere, WhereError } from '../../sandbox/xero/accounting/where.js';

/** The `where` and `order` subset (docs/vendors/xero.md §5), against Xero-shaped views. */

const FIELDS = [
  'Name',
  'EmailAddress',
  'Status',
  'Type',
  'AmountDue',
  'Date',
  'ContactID',
  'IsSold',
  'Contact',
];
const records = [
  {
    Name: 'Acme Ltd',
    EmailAddress: 'a@acme.example',
    Status: 'DRAFT',
    Type: 'ACCREC',
    AmountDue: 10,
    Date: '/Date(1420070400000+0000)/',
    ContactID: 'AAAAAAAA-0000-4000-8000-000000000001',
    IsSold: true,
    Contact: { Name: 'Acme Ltd' },
  },
  {
    Name: 'Bravo',
    Status: 'AUTHORISED',
    Type: 'ACCREC',
    AmountDue: 0,
    Date: '/Date(1388534400000+0000)/',
    ContactID: 'aaaaaaaa-0000-4000-8000-000000000002',
    IsSold: false,
    Contact: { Name: 'Bravo' },
  },
  {
    Name: 'Charlie Co',
    EmailAddress: 'c@charlie.example',
    Status: 'PAID',
    Type: 'ACCPAY',
    AmountDue: 5.5,
    Date: '/Date(1451606400000+0000)/',
    ContactID: 'aaaaaaaa-0000-4000-8000-000000000003',
    IsSold: true,
    Contact: { Name: 'Charlie Co' },
  },
];
const names = (where: string) =>
  records.filter(compileWhere(where, 'Invoice', FIELDS)).map((r) => r.Name);

describe('where', () => {
  const cases: [string, string[]][] = [
    ['Name=="Acme Ltd"', ['Acme Ltd']],
    ['Name = "Bravo"', ['Bravo']],
    ['Status!="DRAFT"', ['Bravo', 'Charlie Co']],
    ['Name.Contains("o")', ['Bravo', 'Charlie Co']],
    ['Name.StartsWith("Ch")', ['Charlie Co']],
    ['Name.EndsWith("Ltd")', ['Acme Ltd']],
    ['Name.ToLower().Contains("acme")', ['Acme Ltd']],
    ['EmailAddress!=null&&EmailAddress.StartsWith("c")', ['Charlie Co']],
    ['EmailAddress==null', ['Bravo']],
    ['Type=="ACCREC" AND AmountDue > 0', ['Acme Ltd']],
    ['AmountDue >= 5.5', ['Acme Ltd', 'Charlie Co']],
    ['AmountDue < 5.5', ['Bravo']],
    ['AmountDue <= 0', ['Bravo']],
    ['Status=="DRAFT" OR Status=="PAID"', ['Acme Ltd', 'Charlie Co']],
    ['Status=="DRAFT" || (Type=="ACCPAY" && AmountDue>5)', ['Acme Ltd', 'Charlie Co']],
    ['Date >= DateTime(2015, 01, 01)', ['Acme Ltd', 'Charlie Co']],
    ['Date < DateTime(2015,1,1)', ['Bravo']],
    ['ContactID = Guid("aaaaaaaa-0000-4000-8000-000000000001")', ['Acme Ltd']],
    ['ContactID == GUID("AAAAAAAA-0000-4000-8000-000000000002")', ['Bravo']],
    ['IsSold==true', ['Acme Ltd', 'Charlie Co']],
    ['IsSold==false', ['Bravo']],
    ['IsSold', ['Acme Ltd', 'Charlie Co']],
    ['NOT IsSold', ['Bravo']],
    ['Contact.Name=="Bravo"', ['Bravo']],
    ['name=="Bravo"', ['Bravo']],
  ];
  for (const [where, expected] of cases) {
    it(where, () => assert.deepEqual(names(where), expected));
  }

  it('an unknown field is a readable error', () => {
    assert.throws(
      () => compileWhere('Colour=="red"', 'Invoice', FIELDS),
      (error: unknown) => {
        assert.ok(error instanceof WhereError);
        assert.equal(error.message, "No property or field 'Colour' exists in type 'Invoice'");
        return true;
      },
    );
  });

  for (const broken of ['Name==', '(Name=="a"', 'Name=="a" Status', 'Name=="a" && ']) {
    it(`rejects ${broken}`, () =>
      assert.throws(() => compileWhere(broken, 'Invoice', FIELDS), WhereError));
  }
});

describe('order', () => {
  const sorted = (order: string) =>
    [...records].sort(compileOrder(order, 'Invoice', FIELDS)).map((r) => r.Name);
  it('Name ASC', () => assert.deepEqual(sorted('Name ASC'), ['Acme Ltd', 'Bravo', 'Charlie Co']));
  it('Name DESC', () => assert.deepEqual(sorted('Name DESC'), ['Charlie Co', 'Bravo', 'Acme Ltd']));
  it('defaults to ascending and sorts dates as dates', () =>
    assert.deepEqual(sorted('Date'), ['Bravo', 'Acme Ltd', 'Charlie Co']));
  it('several keys', () =>
    assert.deepEqual(sorted('Type DESC, AmountDue ASC'), ['Bravo', 'Acme Ltd', 'Charlie Co']));
  it('unknown field', () =>
    assert.throws(
      () => compileOrder('Colour ASC', 'Invoice', FIELDS),
      /No property or field 'Colour'/,
    ));
  it('bad direction', () =>
    assert.throws(() => compileOrder('Name UP', 'Invoice', FIELDS), WhereError));
});
