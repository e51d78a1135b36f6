import { AppError } from '../errors.js';
import type { Db } from '../store/db.js';
import { type Company, getCompany, listCompanies } from '../store/repos/companies.js';

/** A company that has not installed the app: the one way every caller says so. */
export function companyNotFound(companyId: number): AppError {
  return new AppError('company_not_found', `Company ${companyId} has not installed the app`);
}

/** The installed company, or `company_not_found`. */
export async function requireCompany(db: Db, companyId: number): Promise<Company> {
  const company = await getCompany(db, companyId);
  if (company === undefined) throw companyNotFound(companyId);
  return company;
}

/** The installed companies' ids; `only` narrows them to that one, which must be installed. */
export async function installedCompanyIds(db: Db, only?: number): Promise<number[]> {
  if (only !== undefined) return [(await requireCompany(db, only)).id];
  return (await listCompanies(db)).map((company) => company.id);
}

/**
 * The company a command acts for: `given` (`company_not_found` unless installed), or the only one
 * installed; `company_not_chosen` naming the choices otherwise.
 */
export async function chooseCompany(db: Db, given: number | undefined): Promise<number> {
  if (given !== undefined) return (await requireCompany(db, given)).id;
  const companies = await listCompanies(db);
  const [only, ...others] = companies;
  if (only !== undefined && others.length === 0) return only.id;
  const names = companies.map((company) => `${company.id} (${company.domain})`).join(', ');
  throw new AppError(
    'company_not_chosen',
    companies.length === 0
      ? 'No company has installed the app yet'
      : `Several companies have installed the app: pass --company, one of ${names}`,
  );
}
