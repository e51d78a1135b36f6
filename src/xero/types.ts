import type { components } from './generated/accounting.js';

/** Names for the Accounting schemas the app uses (generated from Xero's spec, docs/vendors/xero.md §0). */
type Schemas = components['schemas'];
export type XeroOrganisation = Schemas['Organisation'];
export type XeroAccount = Schemas['Account'];
export type XeroTaxRate = Schemas['TaxRate'];
export type XeroCurrency = Schemas['Currency'];
export type XeroBrandingTheme = Schemas['BrandingTheme'];
export type XeroTrackingCategory = Schemas['TrackingCategory'];
export type XeroContact = Schemas['Contact'];
export type XeroContactGroup = Schemas['ContactGroup'];
export type XeroItem = Schemas['Item'];
export type XeroInvoice = Schemas['Invoice'];
export type XeroQuote = Schemas['Quote'];
export type XeroPagination = Schemas['Pagination'];

/** Which company's tokens to use and which of its organisations to talk to. */
export interface XeroTenantRef {
  companyId: string;
  tenantId: string;
}

/** Writes carry the caller's key so a retried request is not applied twice (docs/vendors/xero.md §3). */
export interface XeroWriteOptions {
  idempotencyKey: string;
}
