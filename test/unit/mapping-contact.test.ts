import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildContact } from '../../src/sync/mapping/contact.js';
import type { OrganizationInput, PersonInput } from '../../src/sync/mapping/types.js';
import { defaultSettings } from '../../src/sync/settings.js';
import { withSettings } from './mapping-fixtures.js';

const VAT_KEY = 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12';
const BILLING_KEY = '0123456789abcdef0123456789abcdef01234567';

const org: OrganizationInput = {
  id: 5,
  name: '  Kauri   Digital Ltd ',
  website: 'https://kauri.example',
  address: {
    value: '12 Queen Street, Auckland',
    street_number: '12',
    route: 'Queen Street',
    subpremise: '3',
    locality: 'Auckland',
    admin_area_level_1: 'Auckland',
    postal_code: '1010',
    country: 'New Zealand',
  },
  custom_fields: {
    [VAT_KEY]: '123-456-789',
    [BILLING_KEY]: {
      value: 'PO Box 99, Whangarei',
      route: 'PO Box 99',
      locality: 'Whangarei',
      postal_code: '0140',
    },
  },
};

const person: PersonInput = {
  id: 9,
  name: 'Aroha  Ngata',
  first_name: 'Aroha',
  last_name: 'Ngata',
  emails: [
    { value: 'aroha@home.example', primary: false, label: 'home' },
    { value: 'aroha@kauri.example', primary: true, label: 'work' },
  ],
  phones: [{ value: '+64 21 555 0101', primary: true, label: 'mobile' }],
};

describe('buildContact (docs/vendors/xero.md §8)', () => {
  it('maps an organization with default mappings; the deal person fills email and names', () => {
    const draft = buildContact({ kind: 'organization', org, person }, defaultSettings());
    assert.deepEqual(draft, {
      Name: 'Kauri Digital Ltd',
      ContactNumber: 'PD-ORG-5',
      FirstName: 'Aroha',
      LastName: 'Ngata',
      EmailAddress: 'aroha@kauri.example',
      Website: 'https://kauri.example',
      Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: '+64 21 555 0101' }],
      Addresses: [
        {
          AddressType: 'POBOX',
          AddressLine1: '3/12 Queen Street',
          City: 'Auckland',
          Region: 'Auckland',
          PostalCode: '1010',
          Country: 'New Zealand',
        },
        {
          AddressType: 'STREET',
          AddressLine1: '3/12 Queen Street',
          City: 'Auckland',
          Region: 'Auckland',
          PostalCode: '1010',
          Country: 'New Zealand',
        },
      ],
    });
  });

  it('maps custom fields by their 40-hex key, including address subfields of a custom address', () => {
    const settings = withSettings((s) => {
      s.contacts.companyFields = [
        { pipedriveField: 'name', xeroField: 'Name' },
        { pipedriveField: VAT_KEY, xeroField: 'TaxNumber' },
        { pipedriveField: `${BILLING_KEY}.street`, xeroField: 'POBOX.AddressLine1' },
        { pipedriveField: `${BILLING_KEY}.locality`, xeroField: 'POBOX.City' },
        { pipedriveField: `${BILLING_KEY}.postal_code`, xeroField: 'POBOX.PostalCode' },
        { pipedriveField: 'address', xeroField: 'STREET.AddressLine1' },
      ];
      s.contacts.personFields = [];
    });
    const draft = buildContact({ kind: 'organization', org }, settings);
    assert.equal(draft.TaxNumber, '123-456-789');
    assert.deepEqual(draft.Addresses, [
      { AddressType: 'POBOX', AddressLine1: 'PO Box 99', City: 'Whangarei', PostalCode: '0140' },
      { AddressType: 'STREET', AddressLine1: '12 Queen Street, Auckland' },
    ]);
  });

  it('turns enum option ids into labels when field definitions are given', () => {
    const settings = withSettings((s) => {
      s.contacts.companyFields = [{ pipedriveField: VAT_KEY, xeroField: 'AccountNumber' }];
    });
    const draft = buildContact(
      {
        kind: 'organization',
        org: { ...org, custom_fields: { [VAT_KEY]: 7 } },
        fieldDefinitions: [
          {
            field_code: VAT_KEY,
            field_name: 'Tier',
            field_type: 'enum',
            options: [{ id: 7, label: 'Gold' }],
          },
        ],
      },
      settings,
    );
    assert.deepEqual([draft.Name, draft.AccountNumber], ['Kauri Digital Ltd', 'Gold']);
  });

  it('maps a person: normalised name, PD-PER number, phone by label', () => {
    const settings = withSettings((s) => {
      s.contacts.personFields.push({ pipedriveField: 'phone.mobile', xeroField: 'Phone.MOBILE' });
    });
    const draft = buildContact({ kind: 'person', person }, settings);
    assert.equal(draft.Name, 'Aroha Ngata');
    assert.equal(draft.ContactNumber, 'PD-PER-9');
    assert.equal(draft.EmailAddress, 'aroha@kauri.example');
    assert.deepEqual(draft.Phones, [
      { PhoneType: 'DEFAULT', PhoneNumber: '+64 21 555 0101' },
      { PhoneType: 'MOBILE', PhoneNumber: '+64 21 555 0101' },
    ]);
  });

  it('falls back to a name from the id when the name is blank, and cuts over-long fields', () => {
    const draft = buildContact(
      { kind: 'organization', org: { id: 77, name: '   ', website: 'x'.repeat(300) } },
      defaultSettings(),
    );
    assert.equal(draft.Name, 'Organization 77');
    const long = buildContact(
      { kind: 'organization', org: { id: 78, name: 'N'.repeat(300) } },
      defaultSettings(),
    );
    assert.equal(long.Name.length, 255);
  });
});
