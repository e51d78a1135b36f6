import type { NameSource } from './names.js';

/**
 * The campaign's customers and the traps among them, which lead a careless contact match to the
 * wrong customer (each also says whether a valid deal of that customer must end with a document):
 * - shared_name: two organizations of one company with the same name;
 * - cross_company_name: the same, in two companies that share a Xero organisation;
 * - org_person_name: an organization and a B2C person with the same name;
 * - shared_email: a B2C person with the e-mail of an organization's contact person;
 * - foreign_number: a Xero contact with this organization's name that carries another record's
 *   contact number (PD-ORG-<id>); that other record is a `number_owner` and may use it;
 * - archived_number: an archived Xero contact holds this organization's contact number;
 * - archived_twin: an archived Xero contact has this organization's name (a new one may be made);
 * - legit_twin: an active Xero contact without a number has this organization's name and e-mail:
 *   the customer typed in by hand, which this organization's documents may go to.
 * Records caught in the first six may be stopped with an explanation; the others must succeed.
 */
export type TenantKey = 'A' | 'B' | 'C';
export type Trap =
  | 'clean'
  | 'shared_name'
  | 'cross_company_name'
  | 'org_person_name'
  | 'shared_email'
  | 'foreign_number'
  | 'number_owner'
  | 'archived_number'
  | 'archived_twin'
  | 'legit_twin';

const MAY_STOP: ReadonlySet<Trap> = new Set([
  'shared_name',
  'cross_company_name',
  'org_person_name',
  'shared_email',
  'foreign_number',
  'archived_number',
]);

export interface CustomerPlan {
  key: string;
  company: number;
  kind: 'organization' | 'person';
  name: string;
  /** The person's e-mail (B2C), or the e-mail of the organization's contact person. */
  email: string;
  /** An organization's contact person (on its deals, feeding the contact's e-mail). */
  contactPerson?: string;
  trap: Trap;
  /** A valid deal of this customer must end with a document (no trap may stop it). */
  mustSucceed: boolean;
}

export interface XeroContactPlan {
  tenant: TenantKey;
  name: string;
  email?: string;
  /** Carries this customer's contact number (PD-ORG-<id>/PD-PER-<id>, known once seeded). */
  numberOf?: string;
  archived: boolean;
  /** The customer this hand-made contact legitimately is. */
  twinOf?: string;
}

export interface CustomerBook {
  customers: CustomerPlan[];
  xeroContacts: XeroContactPlan[];
  add(
    company: number,
    kind: CustomerPlan['kind'],
    trap: Trap,
    name?: string,
    email?: string,
  ): CustomerPlan;
}

export function createCustomerBook(names: NameSource): CustomerBook {
  const customers: CustomerPlan[] = [];
  return {
    customers,
    xeroContacts: [],
    add(
      company,
      kind,
      trap,
      name = kind === 'organization' ? names.organization() : names.person(),
      email = names.email(name),
    ) {
      const customer: CustomerPlan = {
        key: `c${customers.length + 1}`,
        company,
        kind,
        name,
        email,
        ...(kind === 'organization' && { contactPerson: names.person() }),
        trap,
        mustSucceed: !MAY_STOP.has(trap),
      };
      customers.push(customer);
      return customer;
    },
  };
}

/**
 * `perKind` of each trap, each in the next company in turn; cross_company_name always between
 * companies 1 and 2 (which share organisation B).
 */
export function planTraps(
  book: CustomerBook,
  names: NameSource,
  tenants: readonly TenantKey[],
  perKind: number,
): void {
  let turn = 0;
  const next = () => turn++ % tenants.length;
  const contact = (company: number, plan: Omit<XeroContactPlan, 'tenant'>) =>
    book.xeroContacts.push({ tenant: tenants[company]!, ...plan });
  for (let i = 0; i < perKind; i++) {
    let company = next();
    const first = book.add(company, 'organization', 'shared_name');
    book.add(company, 'organization', 'shared_name', first.name);

    const crossed = book.add(1, 'organization', 'cross_company_name');
    book.add(2, 'organization', 'cross_company_name', crossed.name);

    company = next();
    const sole = book.add(company, 'organization', 'org_person_name', names.person());
    book.add(company, 'person', 'org_person_name', sole.name);

    company = next();
    const mailed = book.add(company, 'organization', 'shared_email');
    book.add(company, 'person', 'shared_email', undefined, mailed.email);

    company = next();
    const named = book.add(company, 'organization', 'foreign_number');
    const owner = book.add(company, 'organization', 'number_owner');
    contact(company, { name: named.name, numberOf: owner.key, archived: false });

    company = next();
    const held = book.add(company, 'organization', 'archived_number');
    contact(company, { name: held.name, numberOf: held.key, archived: true });

    company = next();
    const gone = book.add(company, 'organization', 'archived_twin');
    contact(company, { name: gone.name, archived: true });

    company = next();
    const typed = book.add(company, 'organization', 'legit_twin');
    contact(company, { name: typed.name, email: typed.email, archived: false, twinOf: typed.key });
  }
}
