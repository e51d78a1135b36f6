import type {
  XeroAccount,
  XeroBrandingTheme,
  XeroCurrency,
  XeroOrganisation,
  XeroTaxRate,
  XeroTenantRef,
  XeroTrackingCategory,
} from '../types.js';
import type { XeroCallContext } from './context.js';

/** The organisation and its settings: what documents refer to by code (accounts, tax, themes). */
export function referenceDataCalls({ call, api }: XeroCallContext) {
  return {
    async getOrganisation(ref: XeroTenantRef): Promise<XeroOrganisation | undefined> {
      const data = await call(ref, 'GET', '/Organisation', (init) =>
        api.GET('/Organisation', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.Organisations?.[0];
    },

    async getAccounts(ref: XeroTenantRef, where?: string): Promise<XeroAccount[]> {
      const data = await call(ref, 'GET', '/Accounts', (init) =>
        api.GET('/Accounts', {
          params: { header: init.tenant, query: where === undefined ? {} : { where } },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.Accounts ?? [];
    },

    async getTaxRates(ref: XeroTenantRef): Promise<XeroTaxRate[]> {
      const data = await call(ref, 'GET', '/TaxRates', (init) =>
        api.GET('/TaxRates', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.TaxRates ?? [];
    },

    async getCurrencies(ref: XeroTenantRef): Promise<XeroCurrency[]> {
      const data = await call(ref, 'GET', '/Currencies', (init) =>
        api.GET('/Currencies', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.Currencies ?? [];
    },

    async getBrandingThemes(ref: XeroTenantRef): Promise<XeroBrandingTheme[]> {
      const data = await call(ref, 'GET', '/BrandingThemes', (init) =>
        api.GET('/BrandingThemes', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.BrandingThemes ?? [];
    },

    async getTrackingCategories(ref: XeroTenantRef): Promise<XeroTrackingCategory[]> {
      const data = await call(ref, 'GET', '/TrackingCategories', (init) =>
        api.GET('/TrackingCategories', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.TrackingCategories ?? [];
    },
  };
}
