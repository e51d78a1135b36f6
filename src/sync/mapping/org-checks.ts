import { refuse, type Refused } from './refusal.js';
import type { DocumentInput, OrgAccount, OrgFacts } from './types.js';

/** What the Xero organisation must offer for a document: its currency and active accounts. */

export function documentCurrency(input: DocumentInput): string | Refused {
  const { deal, org } = input;
  const orgName = org.name ?? 'the Xero organisation';
  if (
    input.settings.documents.currency === 'organisation_base' &&
    deal.currency !== org.baseCurrency
  ) {
    // We never convert amounts: a deal in another currency cannot become a base-currency document.
    return refuse(
      'currency_not_base',
      `The deal is in ${deal.currency}, documents are made in ${org.baseCurrency} only`,
      {
        currency: deal.currency,
        baseCurrency: org.baseCurrency,
        orgName,
      },
    );
  }
  if (deal.currency !== org.baseCurrency && !org.enabledCurrencies.includes(deal.currency)) {
    return refuse(
      'currency_not_enabled',
      `Xero has no currency ${deal.currency} enabled in ${orgName}`,
      {
        currency: deal.currency,
        orgName,
      },
    );
  }
  return deal.currency;
}

export function checkAccount(code: string, accounts: readonly OrgAccount[]): Refused | null {
  const account = accounts.find((candidate) => candidate.Code === code);
  if (!account)
    return refuse('account_not_found', `Xero has no account ${code}`, { accountCode: code });
  if (account.Status !== 'ACTIVE') {
    return refuse('account_not_active', `Xero account ${code} is ${account.Status}`, {
      accountCode: code,
      status: account.Status,
    });
  }
  return null;
}

export function roundingAccount(org: OrgFacts): string | undefined {
  if (org.roundingAccountCode !== undefined) return org.roundingAccountCode;
  return org.accounts.find(
    (account) => account.SystemAccount === 'ROUNDING' && account.Status === 'ACTIVE',
  )?.Code;
}
