/**
 * Generated from xero_accounting.yaml of XeroAPI/Xero-OpenAPI @ e952d0bda3628facbf7afc5990ad6a0e7e77bd1e (info.version 16.1.0),
 * paths /Organisation, /Accounts, /TaxRates, /Currencies, /BrandingThemes, /TrackingCategories, /Contacts, /Contacts/{ContactID}, /ContactGroups, /ContactGroups/{ContactGroupID}, /ContactGroups/{ContactGroupID}/Contacts, /Items, /Items/{ItemID}, /Invoices, /Invoices/{InvoiceID}, /Invoices/{InvoiceID}/History, /Quotes, /Quotes/{QuoteID}, /Quotes/{QuoteID}/History and the components they use. Licence: ./LICENSE-Xero-OpenAPI (MIT).
 * Do not edit: change scripts/generate-xero-types.ts and run `node --import tsx scripts/generate-xero-types.ts`.
 */
export interface paths {
  '/Organisation': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves Xero organisation details */
    get: operations['getOrganisations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Accounts': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves the full chart of accounts */
    get: operations['getAccounts'];
    /** Creates a new chart of accounts */
    put: operations['createAccount'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/TaxRates': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves tax rates */
    get: operations['getTaxRates'];
    /** Creates one or more tax rates */
    put: operations['createTaxRates'];
    /** Updates tax rates */
    post: operations['updateTaxRate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Currencies': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves currencies for your Xero organisation */
    get: operations['getCurrencies'];
    /** Create a new currency for a Xero organisation */
    put: operations['createCurrency'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/BrandingThemes': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves all the branding themes */
    get: operations['getBrandingThemes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/TrackingCategories': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves tracking categories and options */
    get: operations['getTrackingCategories'];
    /** Create tracking categories */
    put: operations['createTrackingCategory'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Contacts': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves all contacts in a Xero organisation */
    get: operations['getContacts'];
    /** Creates multiple contacts (bulk) in a Xero organisation */
    put: operations['createContacts'];
    /** Updates or creates one or more contacts in a Xero organisation */
    post: operations['updateOrCreateContacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Contacts/{ContactID}': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves a specific contacts in a Xero organisation using a unique contact Id */
    get: operations['getContact'];
    put?: never;
    /** Updates a specific contact in a Xero organisation */
    post: operations['updateContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ContactGroups': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves the contact Id and name of each contact group */
    get: operations['getContactGroups'];
    /** Creates a contact group */
    put: operations['createContactGroup'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ContactGroups/{ContactGroupID}': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves a specific contact group by using a unique contact group Id */
    get: operations['getContactGroup'];
    put?: never;
    /** Updates a specific contact group */
    post: operations['updateContactGroup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ContactGroups/{ContactGroupID}/Contacts': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Creates contacts to a specific contact group */
    put: operations['createContactGroupContacts'];
    post?: never;
    /** Deletes all contacts from a specific contact group */
    delete: operations['deleteContactGroupContacts'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Items': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves items */
    get: operations['getItems'];
    /** Creates one or more items */
    put: operations['createItems'];
    /** Updates or creates one or more items */
    post: operations['updateOrCreateItems'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Items/{ItemID}': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves a specific item using a unique item Id */
    get: operations['getItem'];
    put?: never;
    /** Updates a specific item */
    post: operations['updateItem'];
    /** Deletes a specific item */
    delete: operations['deleteItem'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Invoices': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves sales invoices or purchase bills */
    get: operations['getInvoices'];
    /** Creates one or more sales invoices or purchase bills */
    put: operations['createInvoices'];
    /** Updates or creates one or more sales invoices or purchase bills */
    post: operations['updateOrCreateInvoices'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Invoices/{InvoiceID}': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves a specific sales invoice or purchase bill using a unique invoice Id */
    get: operations['getInvoice'];
    put?: never;
    /** Updates a specific sales invoices or purchase bills */
    post: operations['updateInvoice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Invoices/{InvoiceID}/History': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves history records for a specific invoice */
    get: operations['getInvoiceHistory'];
    /** Creates a history record for a specific invoice */
    put: operations['createInvoiceHistory'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Quotes': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves sales quotes */
    get: operations['getQuotes'];
    /** Create one or more quotes */
    put: operations['createQuotes'];
    /** Updates or creates one or more quotes */
    post: operations['updateOrCreateQuotes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Quotes/{QuoteID}': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves a specific quote using a unique quote Id */
    get: operations['getQuote'];
    put?: never;
    /** Updates a specific quote */
    post: operations['updateQuote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Quotes/{QuoteID}/History': {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    /** Retrieves history records of a specific quote */
    get: operations['getQuoteHistory'];
    /** Creates a history record for a specific quote */
    put: operations['createQuoteHistory'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    HistoryRecords: {
      HistoryRecords?: components['schemas']['HistoryRecord'][];
    };
    HistoryRecord: {
      /** @description details */
      Details?: string;
      /** @description Name of branding theme */
      Changes?: string;
      /** @description has a value of 0 */
      User?: string;
      /**
       * @description UTC timestamp of creation date of branding theme
       * @example /Date(1573755038314)/
       */
      readonly DateUTC?: string;
    };
    Error: {
      /** @description Exception number */
      ErrorNumber?: number;
      /** @description Exception type */
      Type?: string;
      /** @description Exception message */
      Message?: string;
      /** @description Array of Elements of validation Errors */
      Elements?: components['schemas']['Element'][];
    };
    Element: {
      /** @description Array of Validation Error message */
      ValidationErrors?: components['schemas']['ValidationError'][];
      /**
       * Format: uuid
       * @description Unique ID for batch payment object with validation error
       */
      BatchPaymentID?: string;
      /** Format: uuid */
      BankTransactionID?: string;
      /** Format: uuid */
      CreditNoteID?: string;
      /** Format: uuid */
      ContactID?: string;
      /** Format: uuid */
      InvoiceID?: string;
      /** Format: uuid */
      ItemID?: string;
      /** Format: uuid */
      PurchaseOrderID?: string;
    };
    ValidationError: {
      /** @description Validation error message */
      Message?: string;
    };
    Quotes: {
      Quotes?: components['schemas']['Quote'][];
    };
    Quote: {
      /**
       * Format: uuid
       * @description QuoteID GUID is automatically generated and is returned after create or GET.
       */
      QuoteID?: string;
      /** @description Unique alpha numeric code identifying a quote (Max Length = 255) */
      QuoteNumber?: string;
      /** @description Additional reference number */
      Reference?: string;
      /** @description Terms of the quote */
      Terms?: string;
      Contact?: components['schemas']['Contact'];
      /** @description See LineItems */
      LineItems?: components['schemas']['LineItem'][];
      /** @description Date quote was issued – YYYY-MM-DD. If the Date element is not specified it will default to the current date based on the timezone setting of the organisation */
      Date?: string;
      /** @description Date the quote was issued (YYYY-MM-DD) */
      DateString?: string;
      /** @description Date the quote expires – YYYY-MM-DD. */
      ExpiryDate?: string;
      /** @description Date the quote expires – YYYY-MM-DD. */
      ExpiryDateString?: string;
      Status?: components['schemas']['QuoteStatusCodes'];
      CurrencyCode?: components['schemas']['CurrencyCode'];
      /**
       * Format: double
       * @description The currency rate for a multicurrency quote
       */
      CurrencyRate?: number;
      /**
       * Format: double
       * @description Total of quote excluding taxes.
       */
      readonly SubTotal?: number;
      /**
       * Format: double
       * @description Total tax on quote
       */
      readonly TotalTax?: number;
      /**
       * Format: double
       * @description Total of Quote tax inclusive (i.e. SubTotal + TotalTax). This will be ignored if it doesn’t equal the sum of the LineAmounts
       */
      readonly Total?: number;
      /**
       * Format: double
       * @description Total of discounts applied on the quote line items
       */
      readonly TotalDiscount?: number;
      /** @description Title text for the quote */
      Title?: string;
      /** @description Summary text for the quote */
      Summary?: string;
      /**
       * Format: uuid
       * @description See BrandingThemes
       */
      BrandingThemeID?: string;
      /**
       * @description Last modified date UTC format
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /** @description See Quote Line Amount Types */
      LineAmountTypes?: components['schemas']['QuoteLineAmountTypes'];
      /** @description A string to indicate if a invoice status */
      StatusAttributeString?: string;
      /** @description Displays array of validation error messages from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
    };
    /**
     * @description Line amounts are exclusive of tax by default if you don’t specify this element. See Line Amount Types
     * @enum {string}
     */
    QuoteLineAmountTypes: 'EXCLUSIVE' | 'INCLUSIVE' | 'NOTAX';
    /**
     * @description 3 letter alpha code for the currency – see list of currency codes
     * @enum {string}
     */
    CurrencyCode:
      | 'AED'
      | 'AFN'
      | 'ALL'
      | 'AMD'
      | 'ANG'
      | 'AOA'
      | 'ARS'
      | 'AUD'
      | 'AWG'
      | 'AZN'
      | 'BAM'
      | 'BBD'
      | 'BDT'
      | 'BGN'
      | 'BHD'
      | 'BIF'
      | 'BMD'
      | 'BND'
      | 'BOB'
      | 'BRL'
      | 'BSD'
      | 'BTN'
      | 'BWP'
      | 'BYN'
      | 'BYR'
      | 'BZD'
      | 'CAD'
      | 'CDF'
      | 'CHF'
      | 'CLF'
      | 'CLP'
      | 'CNY'
      | 'COP'
      | 'CRC'
      | 'CUC'
      | 'CUP'
      | 'CVE'
      | 'CZK'
      | 'DJF'
      | 'DKK'
      | 'DOP'
      | 'DZD'
      | 'EEK'
      | 'EGP'
      | 'ERN'
      | 'ETB'
      | 'EUR'
      | 'FJD'
      | 'FKP'
      | 'GBP'
      | 'GEL'
      | 'GHS'
      | 'GIP'
      | 'GMD'
      | 'GNF'
      | 'GTQ'
      | 'GYD'
      | 'HKD'
      | 'HNL'
      | 'HRK'
      | 'HTG'
      | 'HUF'
      | 'IDR'
      | 'ILS'
      | 'INR'
      | 'IQD'
      | 'IRR'
      | 'ISK'
      | 'JMD'
      | 'JOD'
      | 'JPY'
      | 'KES'
      | 'KGS'
      | 'KHR'
      | 'KMF'
      | 'KPW'
      | 'KRW'
      | 'KWD'
      | 'KYD'
      | 'KZT'
      | 'LAK'
      | 'LBP'
      | 'LKR'
      | 'LRD'
      | 'LSL'
      | 'LTL'
      | 'LVL'
      | 'LYD'
      | 'MAD'
      | 'MDL'
      | 'MGA'
      | 'MKD'
      | 'MMK'
      | 'MNT'
      | 'MOP'
      | 'MRO'
      | 'MRU'
      | 'MUR'
      | 'MVR'
      | 'MWK'
      | 'MXN'
      | 'MXV'
      | 'MYR'
      | 'MZN'
      | 'NAD'
      | 'NGN'
      | 'NIO'
      | 'NOK'
      | 'NPR'
      | 'NZD'
      | 'OMR'
      | 'PAB'
      | 'PEN'
      | 'PGK'
      | 'PHP'
      | 'PKR'
      | 'PLN'
      | 'PYG'
      | 'QAR'
      | 'RON'
      | 'RSD'
      | 'RUB'
      | 'RWF'
      | 'SAR'
      | 'SBD'
      | 'SCR'
      | 'SDG'
      | 'SEK'
      | 'SGD'
      | 'SHP'
      | 'SKK'
      | 'SLE'
      | 'SLL'
      | 'SOS'
      | 'SRD'
      | 'STD'
      | 'STN'
      | 'SVC'
      | 'SYP'
      | 'SZL'
      | 'THB'
      | 'TJS'
      | 'TMT'
      | 'TND'
      | 'TOP'
      | 'TRY'
      | 'TTD'
      | 'TWD'
      | 'TZS'
      | 'UAH'
      | 'UGX'
      | 'USD'
      | 'UYU'
      | 'UZS'
      | 'VEF'
      | 'VES'
      | 'VND'
      | 'VUV'
      | 'WST'
      | 'XAF'
      | 'XCD'
      | 'XOF'
      | 'XPF'
      | 'YER'
      | 'ZAR'
      | 'ZMW'
      | 'ZMK'
      | 'ZWD';
    /**
     * @description The status of the quote.
     * @enum {string}
     */
    QuoteStatusCodes: 'DRAFT' | 'SENT' | 'DECLINED' | 'ACCEPTED' | 'INVOICED' | 'DELETED';
    LineItem: {
      /**
       * Format: uuid
       * @description LineItem unique ID
       * @example 00000000-0000-0000-0000-000000000000
       */
      LineItemID?: string;
      /** @description Description needs to be at least 1 char long. A line item with just a description (i.e no unit amount or quantity) can be created by specifying just a <Description> element that contains at least 1 character */
      Description?: string;
      /**
       * Format: double
       * @description LineItem Quantity
       */
      Quantity?: number;
      /**
       * Format: double
       * @description LineItem Unit Amount
       */
      UnitAmount?: number;
      /** @description See Items */
      ItemCode?: string;
      /** @description See Accounts */
      AccountCode?: string;
      /**
       * Format: uuid
       * @description The associated account ID related to this line item
       * @example 00000000-0000-0000-0000-000000000000
       */
      AccountID?: string;
      /** @description The tax type from TaxRates */
      TaxType?: string;
      /**
       * Format: double
       * @description The tax amount is auto calculated as a percentage of the line amount (see below) based on the tax rate. This value can be overriden if the calculated <TaxAmount> is not correct.
       */
      TaxAmount?: number;
      Item?: components['schemas']['LineItemItem'];
      /**
       * Format: double
       * @description If you wish to omit either the Quantity or UnitAmount you can provide a LineAmount and Xero will calculate the missing amount for you. The line amount reflects the discounted price if either a DiscountRate or DiscountAmount has been used i.e. LineAmount = Quantity * Unit Amount * ((100 - DiscountRate)/100) or LineAmount = (Quantity * UnitAmount) - DiscountAmount
       */
      LineAmount?: number;
      /** @description Optional Tracking Category – see Tracking.  Any LineItem can have a  maximum of 2 <TrackingCategory> elements. */
      Tracking?: components['schemas']['LineItemTracking'][];
      /**
       * Format: double
       * @description Percentage discount being applied to a line item (only supported on  ACCREC invoices – ACC PAY invoices and credit notes in Xero do not support discounts
       */
      DiscountRate?: number;
      /**
       * Format: double
       * @description Discount amount being applied to a line item. Only supported on ACCREC invoices and quotes. ACCPAY invoices and credit notes in Xero do not support discounts.
       */
      DiscountAmount?: number;
      /**
       * Format: uuid
       * @description The Xero identifier for a Repeating Invoice
       * @example 00000000-0000-0000-0000-000000000000
       */
      RepeatingInvoiceID?: string;
      /**
       * @description The type of taxability
       * @enum {string}
       */
      Taxability?: 'TAXABLE' | 'NON_TAXABLE' | 'EXEMPT' | 'PART_TAXABLE' | 'NOT_APPLICABLE';
      /** @description The ID of the sales tax code */
      SalesTaxCodeId?: number;
      /** @description An array of tax components defined for this line item */
      TaxBreakdown?: components['schemas']['TaxBreakdownComponent'][];
    };
    TaxBreakdownComponent: {
      /**
       * Format: uuid
       * @description The unique ID number of this component
       */
      TaxComponentId?: string;
      /**
       * @description The type of the jurisdiction
       * @enum {string}
       */
      Type?:
        | 'SYSGST/USCOUNTRY'
        | 'SYSGST/USSTATE'
        | 'SYSGST/USCOUNTY'
        | 'SYSGST/USCITY'
        | 'SYSGST/USSPECIAL';
      /** @description The name of the jurisdiction */
      Name?: string;
      /** @description The percentage of the tax */
      TaxPercentage?: number;
      /** @description The amount of the tax */
      TaxAmount?: number;
      /** @description The amount that is taxable */
      TaxableAmount?: number;
      /** @description The amount that is not taxable */
      NonTaxableAmount?: number;
      /** @description The amount that is exempt */
      ExemptAmount?: number;
      /** @description The state assigned number of the jurisdiction */
      StateAssignedNo?: string;
      /** @description Name identifying the region within the country */
      JurisdictionRegion?: string;
    };
    LineItemTracking: {
      /**
       * Format: uuid
       * @description The Xero identifier for a tracking category
       * @example 00000000-0000-0000-0000-000000000000
       */
      TrackingCategoryID?: string;
      /**
       * Format: uuid
       * @description The Xero identifier for a tracking category option
       * @example 00000000-0000-0000-0000-000000000000
       */
      TrackingOptionID?: string;
      /**
       * @description The name of the tracking category
       * @example Region
       */
      Name?: string;
      /**
       * @description See Tracking Options
       * @example North
       */
      Option?: string;
    };
    LineItemItem: {
      /** @description User defined item code (max length = 30) */
      Code?: string;
      /** @description The name of the item (max length = 50) */
      Name?: string;
      /**
       * Format: uuid
       * @description The Xero identifier for an Item
       */
      ItemID?: string;
    };
    Contact: {
      /**
       * Format: uuid
       * @description Xero identifier
       */
      ContactID?: string;
      /**
       * Format: uuid
       * @description ID for the destination of a merged contact. Only returned when using paging or when fetching a contact by ContactId or ContactNumber.
       */
      MergedToContactID?: string;
      /** @description This can be updated via the API only i.e. This field is read only on the Xero contact screen, used to identify contacts in external systems (max length = 50). If the Contact Number is used, this is displayed as Contact Code in the Contacts UI in Xero. */
      ContactNumber?: string;
      /** @description A user defined account number. This can be updated via the API and the Xero UI (max length = 50) */
      AccountNumber?: string;
      /**
       * @description Current status of a contact – see contact status types
       * @enum {string}
       */
      ContactStatus?: 'ACTIVE' | 'ARCHIVED' | 'GDPRREQUEST';
      /** @description Full name of contact/organisation (max length = 255) */
      Name?: string;
      /** @description First name of contact person (max length = 255) */
      FirstName?: string;
      /** @description Last name of contact person (max length = 255) */
      LastName?: string;
      /** @description Company registration number (max length = 50) */
      CompanyNumber?: string;
      /** @description Email address of contact person (umlauts not supported) (max length  = 255) */
      EmailAddress?: string;
      /** @description See contact persons */
      ContactPersons?: components['schemas']['ContactPerson'][];
      /** @description Bank account number of contact */
      BankAccountDetails?: string;
      /** @description Tax number of contact – this is also known as the ABN (Australia), GST Number (New Zealand), VAT Number (UK) or Tax ID Number (US and global) in the Xero UI depending on which regionalized version of Xero you are using (max length = 50) */
      TaxNumber?: string;
      /**
       * @description Identifier of the regional type of tax number, such as US, UK, or other regional tax identifiers
       * @enum {string}
       */
      TaxNumberType?: 'SSN' | 'EIN' | 'ITIN' | 'ATIN';
      /** @description The tax type from TaxRates */
      AccountsReceivableTaxType?: string;
      /** @description The tax type from TaxRates */
      AccountsPayableTaxType?: string;
      /** @description Store certain address types for a contact – see address types */
      Addresses?: components['schemas']['Address'][];
      /** @description Store certain phone types for a contact – see phone types */
      Phones?: components['schemas']['Phone'][];
      /** @description true or false – Boolean that describes if a contact that has any AP  invoices entered against them. Cannot be set via PUT or POST – it is automatically set when an accounts payable invoice is generated against this contact. */
      IsSupplier?: boolean;
      /** @description true or false – Boolean that describes if a contact has any AR invoices entered against them. Cannot be set via PUT or POST – it is automatically set when an accounts receivable invoice is generated against this contact. */
      IsCustomer?: boolean;
      /**
       * @description The default sales line amount type for a contact. Only available when summaryOnly parameter or paging is used, or when fetch by ContactId or ContactNumber.
       * @enum {string}
       */
      SalesDefaultLineAmountType?: 'INCLUSIVE' | 'EXCLUSIVE' | 'NONE';
      /**
       * @description The default purchases line amount type for a contact Only available when summaryOnly parameter or paging is used, or when fetch by ContactId or ContactNumber.
       * @enum {string}
       */
      PurchasesDefaultLineAmountType?: 'INCLUSIVE' | 'EXCLUSIVE' | 'NONE';
      DefaultCurrency?: components['schemas']['CurrencyCode'];
      /** @description Store XeroNetworkKey for contacts. */
      XeroNetworkKey?: string;
      /** @description The default sales account code for contacts */
      SalesDefaultAccountCode?: string;
      /** @description The default purchases account code for contacts */
      PurchasesDefaultAccountCode?: string;
      /** @description The default sales tracking categories for contacts */
      SalesTrackingCategories?: components['schemas']['SalesTrackingCategory'][];
      /** @description The default purchases tracking categories for contacts */
      PurchasesTrackingCategories?: components['schemas']['SalesTrackingCategory'][];
      /** @description The name of the Tracking Category assigned to the contact under SalesTrackingCategories and PurchasesTrackingCategories */
      TrackingCategoryName?: string;
      /** @description The name of the Tracking Option assigned to the contact under SalesTrackingCategories and PurchasesTrackingCategories */
      TrackingCategoryOption?: string;
      PaymentTerms?: components['schemas']['PaymentTerm'];
      /**
       * @description UTC timestamp of last update to contact
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /** @description Displays which contact groups a contact is included in */
      ContactGroups?: components['schemas']['ContactGroup'][];
      /** @description Website address for contact (read only) */
      readonly Website?: string;
      BrandingTheme?: components['schemas']['BrandingTheme'];
      BatchPayments?: components['schemas']['BatchPaymentDetails'];
      /**
       * Format: double
       * @description The default discount rate for the contact (read only)
       */
      readonly Discount?: number;
      Balances?: components['schemas']['Balances'];
      /** @description Displays array of attachments from the API */
      Attachments?: components['schemas']['Attachment'][];
      /**
       * @description A boolean to indicate if a contact has an attachment
       * @default false
       * @example false
       */
      HasAttachments?: boolean;
      /** @description Displays validation errors returned from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
      /**
       * @description A boolean to indicate if a contact has an validation errors
       * @default false
       * @example false
       */
      HasValidationErrors?: boolean;
      /** @description Status of object */
      StatusAttributeString?: string;
    };
    Attachment: {
      /**
       * Format: uuid
       * @description Unique ID for the file
       * @example 00000000-0000-0000-0000-000000000000
       */
      AttachmentID?: string;
      /**
       * @description Name of the file
       * @example xero-dev.jpg
       */
      FileName?: string;
      /**
       * @description URL to the file on xero.com
       * @example https://api.xero.com/api.xro/2.0/Accounts/da962997-a8bd-4dff-9616-01cdc199283f/Attachments/sample5.jpg
       */
      Url?: string;
      /**
       * @description Type of file
       * @example image/jpg
       */
      MimeType?: string;
      /** @description Length of the file content */
      ContentLength?: number;
      /** @description Include the file with the online invoice */
      IncludeOnline?: boolean;
    };
    /** @description The raw AccountsReceivable(sales invoices) and AccountsPayable(bills) outstanding and overdue amounts, not converted to base currency (read only) */
    Balances: {
      AccountsReceivable?: components['schemas']['AccountsReceivable'];
      AccountsPayable?: components['schemas']['AccountsPayable'];
    };
    AccountsPayable: {
      /** Format: double */
      Outstanding?: number;
      /** Format: double */
      Overdue?: number;
    };
    AccountsReceivable: {
      /** Format: double */
      Outstanding?: number;
      /** Format: double */
      Overdue?: number;
    };
    /** @description Bank details for use on a batch payment stored with each contact */
    BatchPaymentDetails: {
      /**
       * @description Bank account number for use with Batch Payments
       * @example 123-456-1111111
       */
      BankAccountNumber?: string;
      /**
       * @description Name of bank for use with Batch Payments
       * @example ACME Bank
       */
      BankAccountName?: string;
      /**
       * @description (Non-NZ Only) These details are sent to the org’s bank as a reference for the batch payment transaction. They will also show with the batch payment transaction in the bank reconciliation Find & Match screen. Depending on your individual bank, the detail may also show on the bank statement imported into Xero. Maximum field length = 18
       * @example Hello World
       */
      Details?: string;
      /**
       * @description (NZ Only) Optional references for the batch payment transaction. It will also show with the batch payment transaction in the bank reconciliation Find & Match screen. Depending on your individual bank, the detail may also show on the bank statement you import into Xero.
       * @example ABC
       */
      Code?: string;
      /**
       * @description (NZ Only) Optional references for the batch payment transaction. It will also show with the batch payment transaction in the bank reconciliation Find & Match screen. Depending on your individual bank, the detail may also show on the bank statement you import into Xero.
       * @example Foobar
       */
      Reference?: string;
    };
    BrandingTheme: {
      /**
       * Format: uuid
       * @description Xero identifier
       */
      BrandingThemeID?: string;
      /** @description Name of branding theme */
      Name?: string;
      /** @description The location of the image file used as the logo on this branding theme */
      LogoUrl?: string;
      /**
       * @description Always INVOICE
       * @enum {string}
       */
      Type?: 'INVOICE';
      /** @description Integer – ranked order of branding theme. The default branding theme has a value of 0 */
      SortOrder?: number;
      /**
       * @description UTC timestamp of creation date of branding theme
       * @example /Date(1573755038314)/
       */
      readonly CreatedDateUTC?: string;
    };
    ContactGroup: {
      /** @description The Name of the contact group. Required when creating a new contact  group */
      Name?: string;
      /**
       * @description The Status of a contact group. To delete a contact group update the status to DELETED. Only contact groups with a status of ACTIVE are returned on GETs.
       * @enum {string}
       */
      Status?: 'ACTIVE' | 'DELETED';
      /**
       * Format: uuid
       * @description The Xero identifier for an contact group – specified as a string following the endpoint name. e.g. /297c2dc5-cc47-4afd-8ec8-74990b8761e9
       */
      ContactGroupID?: string;
      /** @description The ContactID and Name of Contacts in a contact group. Returned on GETs when the ContactGroupID is supplied in the URL. */
      Contacts?: components['schemas']['Contact'][];
    };
    PaymentTerm: {
      Bills?: components['schemas']['Bill'];
      Sales?: components['schemas']['Bill'];
    };
    Bill: {
      /** @description Day of Month (0-31) */
      Day?: number;
      Type?: components['schemas']['PaymentTermType'];
    };
    /** @enum {string} */
    PaymentTermType:
      'DAYSAFTERBILLDATE' | 'DAYSAFTERBILLMONTH' | 'OFCURRENTMONTH' | 'OFFOLLOWINGMONTH';
    SalesTrackingCategory: {
      /** @description The default sales tracking category name for contacts */
      TrackingCategoryName?: string;
      /** @description The default purchase tracking category name for contacts */
      TrackingOptionName?: string;
    };
    Phone: {
      /** @enum {string} */
      PhoneType?: 'DEFAULT' | 'DDI' | 'MOBILE' | 'FAX' | 'OFFICE';
      /** @description max length = 50 */
      PhoneNumber?: string;
      /** @description max length = 10 */
      PhoneAreaCode?: string;
      /** @description max length = 20 */
      PhoneCountryCode?: string;
    };
    Address: {
      /**
       * @description define the type of address
       * @enum {string}
       */
      AddressType?: 'POBOX' | 'STREET';
      /** @description max length = 500 */
      AddressLine1?: string;
      /** @description max length = 500 */
      AddressLine2?: string;
      /** @description max length = 500 */
      AddressLine3?: string;
      /** @description max length = 500 */
      AddressLine4?: string;
      /** @description max length = 255 */
      City?: string;
      /** @description max length = 255 */
      Region?: string;
      /** @description max length = 50 */
      PostalCode?: string;
      /** @description max length = 50, [A-Z], [a-z] only */
      Country?: string;
      /** @description max length = 255 */
      AttentionTo?: string;
    };
    ContactPerson: {
      /** @description First name of person */
      FirstName?: string;
      /** @description Last name of person */
      LastName?: string;
      /** @description Email address of person */
      EmailAddress?: string;
      /** @description boolean to indicate whether contact should be included on emails with invoices etc. */
      IncludeInEmails?: boolean;
    };
    Invoices: {
      pagination?: components['schemas']['Pagination'];
      /** @description Displays array of warning messages from the API */
      Warnings?: components['schemas']['ValidationError'][];
      Invoices?: components['schemas']['Invoice'][];
    };
    Invoice: {
      /**
       * @description See Invoice Types
       * @enum {string}
       */
      Type?:
        | 'ACCPAY'
        | 'ACCPAYCREDIT'
        | 'APOVERPAYMENT'
        | 'APPREPAYMENT'
        | 'ACCREC'
        | 'ACCRECCREDIT'
        | 'AROVERPAYMENT'
        | 'ARPREPAYMENT';
      Contact?: components['schemas']['Contact'];
      /** @description See LineItems */
      LineItems?: components['schemas']['LineItem'][];
      /** @description Date invoice was issued – YYYY-MM-DD. If the Date element is not specified it will default to the current date based on the timezone setting of the organisation */
      Date?: string;
      /** @description Date invoice is due – YYYY-MM-DD */
      DueDate?: string;
      LineAmountTypes?: components['schemas']['LineAmountTypes'];
      /** @description ACCREC – Unique alpha numeric code identifying invoice (when missing will auto-generate from your Organisation Invoice Settings) (max length = 255) */
      InvoiceNumber?: string;
      /** @description ACCREC only – additional reference number */
      Reference?: string;
      /**
       * Format: uuid
       * @description See BrandingThemes
       */
      BrandingThemeID?: string;
      /** @description URL link to a source document – shown as “Go to [appName]” in the Xero app */
      Url?: string;
      CurrencyCode?: components['schemas']['CurrencyCode'];
      /**
       * Format: double
       * @description The currency rate for a multicurrency invoice. If no rate is specified, the XE.com day rate is used. (max length = [18].[6])
       */
      CurrencyRate?: number;
      /**
       * @description See Invoice Status Codes
       * @enum {string}
       */
      Status?: 'DRAFT' | 'SUBMITTED' | 'DELETED' | 'AUTHORISED' | 'PAID' | 'VOIDED';
      /** @description Boolean to set whether the invoice in the Xero app should be marked as “sent”. This can be set only on invoices that have been approved */
      SentToContact?: boolean;
      /** @description Shown on sales invoices (Accounts Receivable) when this has been set */
      ExpectedPaymentDate?: string;
      /** @description Shown on bills (Accounts Payable) when this has been set */
      PlannedPaymentDate?: string;
      /**
       * Format: double
       * @description CIS deduction for UK contractors
       */
      readonly CISDeduction?: number;
      /**
       * Format: double
       * @description CIS Deduction rate for the organisation
       */
      readonly CISRate?: number;
      /**
       * Format: double
       * @description Total of invoice excluding taxes
       */
      readonly SubTotal?: number;
      /**
       * Format: double
       * @description Total tax on invoice
       */
      readonly TotalTax?: number;
      /**
       * Format: double
       * @description Total of Invoice tax inclusive (i.e. SubTotal + TotalTax). This will be ignored if it doesn’t equal the sum of the LineAmounts
       */
      readonly Total?: number;
      /**
       * Format: double
       * @description Total of discounts applied on the invoice line items
       */
      readonly TotalDiscount?: number;
      /**
       * Format: uuid
       * @description Xero generated unique identifier for invoice
       */
      InvoiceID?: string;
      /**
       * Format: uuid
       * @description Xero generated unique identifier for repeating invoices
       */
      RepeatingInvoiceID?: string;
      /**
       * @description boolean to indicate if an invoice has an attachment
       * @default false
       * @example false
       */
      readonly HasAttachments?: boolean;
      /** @description boolean to indicate if an invoice has a discount */
      readonly IsDiscounted?: boolean;
      /** @description See Payments */
      readonly Payments?: components['schemas']['Payment'][];
      /** @description See Prepayments */
      readonly Prepayments?: components['schemas']['Prepayment'][];
      /** @description See Overpayments */
      readonly Overpayments?: components['schemas']['Overpayment'][];
      /**
       * Format: double
       * @description Amount remaining to be paid on invoice
       */
      readonly AmountDue?: number;
      /**
       * Format: double
       * @description Sum of payments received for invoice
       */
      readonly AmountPaid?: number;
      /** @description The date the invoice was fully paid. Only returned on fully paid invoices */
      readonly FullyPaidOnDate?: string;
      /**
       * Format: double
       * @description Sum of all credit notes, over-payments and pre-payments applied to invoice
       */
      readonly AmountCredited?: number;
      /**
       * @description UTC timestamp of last update to the invoice
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /**
       * @description UTC ISO-8601 formatted timestamp of last update to the invoice
       * @example 2019-11-14T18:10:38Z
       */
      readonly UpdatedDateUTCString?: string;
      /** @description Details of credit notes that have been applied to an invoice */
      readonly CreditNotes?: components['schemas']['CreditNote'][];
      /** @description Displays array of attachments from the API */
      Attachments?: components['schemas']['Attachment'][];
      /**
       * @description A boolean to indicate if a invoice has an validation errors
       * @default false
       * @example false
       */
      HasErrors?: boolean;
      /** @description A string to indicate if a invoice status */
      StatusAttributeString?: string;
      /** @description Displays array of validation error messages from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
      /** @description Displays array of warning messages from the API */
      Warnings?: components['schemas']['ValidationError'][];
      /** @description An array of addresses used to auto calculate sales tax */
      InvoiceAddresses?: components['schemas']['InvoiceAddress'][];
    };
    InvoiceAddress: {
      /**
       * @description Indicates whether the address is defined as origin (FROM) or destination (TO)
       * @enum {string}
       */
      InvoiceAddressType?: 'FROM' | 'TO';
      /** @description First line of a physical address */
      AddressLine1?: string;
      /** @description Second line of a physical address */
      AddressLine2?: string;
      /** @description Third line of a physical address */
      AddressLine3?: string;
      /** @description Fourth line of a physical address */
      AddressLine4?: string;
      /** @description City of a physical address */
      City?: string;
      /** @description Region or state of a physical address */
      Region?: string;
      /** @description Postal code of a physical address */
      PostalCode?: string;
      /** @description Country of a physical address */
      Country?: string;
    };
    CreditNote: {
      /**
       * @description See Credit Note Types
       * @enum {string}
       */
      Type?: 'ACCPAYCREDIT' | 'ACCRECCREDIT';
      Contact?: components['schemas']['Contact'];
      /** @description The date the credit note is issued YYYY-MM-DD. If the Date element is not specified then it will default to the current date based on the timezone setting of the organisation */
      Date?: string;
      /** @description Date invoice is due – YYYY-MM-DD */
      DueDate?: string;
      /**
       * @description See Credit Note Status Codes
       * @enum {string}
       */
      Status?: 'DRAFT' | 'SUBMITTED' | 'DELETED' | 'AUTHORISED' | 'PAID' | 'VOIDED';
      LineAmountTypes?: components['schemas']['LineAmountTypes'];
      /** @description See Invoice Line Items */
      LineItems?: components['schemas']['LineItem'][];
      /**
       * Format: double
       * @description The subtotal of the credit note excluding taxes
       */
      SubTotal?: number;
      /**
       * Format: double
       * @description The total tax on the credit note
       */
      TotalTax?: number;
      /**
       * Format: double
       * @description The total of the Credit Note(subtotal + total tax)
       */
      Total?: number;
      /**
       * Format: double
       * @description CIS deduction for UK contractors
       */
      readonly CISDeduction?: number;
      /**
       * Format: double
       * @description CIS Deduction rate for the organisation
       */
      readonly CISRate?: number;
      /**
       * @description UTC timestamp of last update to the credit note
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /**
       * @description UTC ISO-8601 formatted timestamp of last update to the credit note
       * @example 2019-11-14T18:10:38Z
       */
      readonly UpdatedDateUTCString?: string;
      /** @description The specified currency code */
      CurrencyCode?: components['schemas']['CurrencyCode'];
      /** @description Date when credit note was fully paid(UTC format) */
      FullyPaidOnDate?: string;
      /**
       * Format: uuid
       * @description Xero generated unique identifier
       */
      CreditNoteID?: string;
      /** @description ACCRECCREDIT – Unique alpha numeric code identifying credit note (when missing will auto-generate from your Organisation Invoice Settings) */
      CreditNoteNumber?: string;
      /** @description ACCRECCREDIT only – additional reference number */
      Reference?: string;
      /** @description Boolean to set whether the credit note in the Xero app should be marked as “sent”. This can be set only on credit notes that have been approved */
      readonly SentToContact?: boolean;
      /**
       * Format: double
       * @description The currency rate for a multicurrency invoice. If no rate is specified, the XE.com day rate is used
       */
      CurrencyRate?: number;
      /**
       * Format: double
       * @description The remaining credit balance on the Credit Note
       */
      RemainingCredit?: number;
      /** @description See Allocations */
      Allocations?: components['schemas']['Allocation'][];
      /**
       * Format: double
       * @description The amount of applied to an invoice
       * @example 2
       */
      AppliedAmount?: number;
      /** @description See Payments */
      Payments?: components['schemas']['Payment'][];
      /**
       * Format: uuid
       * @description See BrandingThemes
       */
      BrandingThemeID?: string;
      /** @description A string to indicate if a invoice status */
      StatusAttributeString?: string;
      /**
       * @description boolean to indicate if a credit note has an attachment
       * @default false
       * @example false
       */
      HasAttachments?: boolean;
      /**
       * @description A boolean to indicate if a credit note has an validation errors
       * @default false
       * @example false
       */
      HasErrors?: boolean;
      /** @description Displays array of validation error messages from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
      /** @description Displays array of warning messages from the API */
      Warnings?: components['schemas']['ValidationError'][];
      /** @description An array of addresses used to auto calculate sales tax */
      InvoiceAddresses?: components['schemas']['InvoiceAddress'][];
    };
    Payment: {
      Invoice?: components['schemas']['Invoice'];
      CreditNote?: components['schemas']['CreditNote'];
      Prepayment?: components['schemas']['Prepayment'];
      Overpayment?: components['schemas']['Overpayment'];
      /** @description Number of invoice or credit note you are applying payment to e.g.INV-4003 */
      InvoiceNumber?: string;
      /** @description Number of invoice or credit note you are applying payment to e.g. INV-4003 */
      CreditNoteNumber?: string;
      BatchPayment?: components['schemas']['BatchPayment'];
      Account?: components['schemas']['Account'];
      /** @description Code of account you are using to make the payment e.g. 001 (note- not all accounts have a code value) */
      Code?: string;
      /** @description Date the payment is being made (YYYY-MM-DD) e.g. 2009-09-06 */
      Date?: string;
      /**
       * Format: double
       * @description Exchange rate when payment is received. Only used for non base currency invoices and credit notes e.g. 0.7500
       */
      CurrencyRate?: number;
      /**
       * Format: double
       * @description The amount of the payment. Must be less than or equal to the outstanding amount owing on the invoice e.g. 200.00
       */
      Amount?: number;
      /**
       * Format: double
       * @description The amount of the payment in the currency of the bank account.
       */
      BankAmount?: number;
      /** @description An optional description for the payment e.g. Direct Debit */
      Reference?: string;
      /** @description An optional parameter for the payment. A boolean indicating whether you would like the payment to be created as reconciled when using PUT, or whether a payment has been reconciled when using GET */
      IsReconciled?: boolean;
      /**
       * @description The status of the payment.
       * @enum {string}
       */
      Status?: 'AUTHORISED' | 'DELETED';
      /**
       * @description See Payment Types.
       * @enum {string}
       */
      readonly PaymentType?:
        | 'ACCRECPAYMENT'
        | 'ACCPAYPAYMENT'
        | 'ARCREDITPAYMENT'
        | 'APCREDITPAYMENT'
        | 'AROVERPAYMENTPAYMENT'
        | 'ARPREPAYMENTPAYMENT'
        | 'APPREPAYMENTPAYMENT'
        | 'APOVERPAYMENTPAYMENT';
      /**
       * @description UTC timestamp of last update to the payment
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /**
       * @description UTC ISO-8601 formatted timestamp of last update to the payment
       * @example 2019-11-14T18:10:38Z
       */
      readonly UpdatedDateUTCString?: string;
      /**
       * Format: uuid
       * @description The Xero identifier for an Payment e.g. 297c2dc5-cc47-4afd-8ec8-74990b8761e9
       * @example 00000000-0000-0000-0000-000000000000
       */
      PaymentID?: string;
      /**
       * Format: uuid
       * @description Present if the payment was created as part of a batch.
       * @example 00000000-0000-0000-0000-000000000000
       */
      BatchPaymentID?: string;
      /** @description The suppliers bank account number the payment is being made to */
      BankAccountNumber?: string;
      /** @description The suppliers bank account number the payment is being made to */
      Particulars?: string;
      /** @description The information to appear on the supplier's bank account */
      Details?: string;
      /**
       * @description A boolean to indicate if a contact has an validation errors
       * @default false
       * @example false
       */
      HasAccount?: boolean;
      /**
       * @description A boolean to indicate if a contact has an validation errors
       * @default false
       * @example false
       */
      HasValidationErrors?: boolean;
      /** @description A string to indicate if a invoice status */
      StatusAttributeString?: string;
      /** @description Displays array of validation error messages from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
      /** @description Displays array of warning messages from the API */
      Warnings?: components['schemas']['ValidationError'][];
    };
    Account: {
      /**
       * @description Customer defined alpha numeric account code e.g 200 or SALES (max length = 10)
       * @example 4400
       */
      Code?: string;
      /**
       * @description Name of account (max length = 150)
       * @example Food Sales
       */
      Name?: string;
      /**
       * Format: uuid
       * @description The Xero identifier for an account – specified as a string following  the endpoint name   e.g. /297c2dc5-cc47-4afd-8ec8-74990b8761e9
       * @example 00000000-0000-0000-0000-000000000000
       */
      AccountID?: string;
      Type?: components['schemas']['AccountType'];
      /** @description For bank accounts only (Account Type BANK) */
      BankAccountNumber?: string;
      /**
       * @description Accounts with a status of ACTIVE can be updated to ARCHIVED. See Account Status Codes
       * @enum {string}
       */
      Status?: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
      /** @description Description of the Account. Valid for all types of accounts except bank accounts (max length = 4000) */
      Description?: string;
      /**
       * @description For bank accounts only. See Bank Account types
       * @enum {string}
       */
      BankAccountType?: 'BANK' | 'CREDITCARD' | 'PAYPAL' | 'NONE' | '';
      CurrencyCode?: components['schemas']['CurrencyCode'];
      /** @description The tax type from taxRates */
      TaxType?: string;
      /** @description Boolean – describes whether account can have payments applied to it */
      EnablePaymentsToAccount?: boolean;
      /** @description Boolean – describes whether account code is available for use with expense claims */
      ShowInExpenseClaims?: boolean;
      /**
       * @description See Account Class Types
       * @enum {string}
       */
      readonly Class?: 'ASSET' | 'EQUITY' | 'EXPENSE' | 'LIABILITY' | 'REVENUE';
      /**
       * @description If this is a system account then this element is returned. See System Account types. Note that non-system accounts may have this element set as either “” or null.
       * @enum {string}
       */
      readonly SystemAccount?:
        | 'DEBTORS'
        | 'CREDITORS'
        | 'BANKCURRENCYGAIN'
        | 'GST'
        | 'GSTONIMPORTS'
        | 'HISTORICAL'
        | 'REALISEDCURRENCYGAIN'
        | 'RETAINEDEARNINGS'
        | 'ROUNDING'
        | 'TRACKINGTRANSFERS'
        | 'UNPAIDEXPCLM'
        | 'UNREALISEDCURRENCYGAIN'
        | 'WAGEPAYABLES'
        | 'CISASSETS'
        | 'CISASSET'
        | 'CISLABOUR'
        | 'CISLABOUREXPENSE'
        | 'CISLABOURINCOME'
        | 'CISLIABILITY'
        | 'CISMATERIALS'
        | '';
      /** @description Shown if set */
      ReportingCode?: string;
      /** @description Shown if set */
      readonly ReportingCodeName?: string;
      /**
       * @description boolean to indicate if an account has an attachment (read only)
       * @default false
       * @example false
       */
      readonly HasAttachments?: boolean;
      /**
       * @description Last modified date UTC format
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /** @description Boolean – describes whether the account is shown in the watchlist widget on the dashboard */
      AddToWatchlist?: boolean;
      /** @description Displays array of validation error messages from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
    };
    /**
     * @description See Account Types
     * @enum {string}
     */
    AccountType:
      | 'BANK'
      | 'CURRENT'
      | 'CURRLIAB'
      | 'DEPRECIATN'
      | 'DIRECTCOSTS'
      | 'EQUITY'
      | 'EXPENSE'
      | 'FIXED'
      | 'INVENTORY'
      | 'LIABILITY'
      | 'NONCURRENT'
      | 'OTHERINCOME'
      | 'OVERHEADS'
      | 'PREPAYMENT'
      | 'REVENUE'
      | 'SALES'
      | 'TERMLIAB'
      | 'PAYG';
    BatchPayment: {
      Account?: components['schemas']['Account'];
      /** @description (NZ Only) Optional references for the batch payment transaction. It will also show with the batch payment transaction in the bank reconciliation Find & Match screen. Depending on your individual bank, the detail may also show on the bank statement you import into Xero. */
      Reference?: string;
      /** @description (NZ Only) Optional references for the batch payment transaction. It will also show with the batch payment transaction in the bank reconciliation Find & Match screen. Depending on your individual bank, the detail may also show on the bank statement you import into Xero. */
      Particulars?: string;
      /** @description (NZ Only) Optional references for the batch payment transaction. It will also show with the batch payment transaction in the bank reconciliation Find & Match screen. Depending on your individual bank, the detail may also show on the bank statement you import into Xero. */
      Code?: string;
      /** @description (Non-NZ Only) These details are sent to the org’s bank as a reference for the batch payment transaction. They will also show with the batch payment transaction in the bank reconciliation Find & Match screen. Depending on your individual bank, the detail may also show on the bank statement imported into Xero. Maximum field length = 18 */
      Details?: string;
      /** @description (UK Only) Only shows on the statement line in Xero. Max length =18 */
      Narrative?: string;
      /**
       * Format: uuid
       * @description The Xero generated unique identifier for the bank transaction (read-only)
       */
      readonly BatchPaymentID?: string;
      /** @description Date the payment is being made (YYYY-MM-DD) e.g. 2009-09-06 */
      DateString?: string;
      /** @description Date the payment is being made (YYYY-MM-DD) e.g. 2009-09-06 */
      Date?: string;
      /**
       * Format: double
       * @description The amount of the payment. Must be less than or equal to the outstanding amount owing on the invoice e.g. 200.00
       */
      Amount?: number;
      /** @description An array of payments */
      Payments?: components['schemas']['Payment'][];
      /**
       * @description PAYBATCH for bill payments or RECBATCH for sales invoice payments (read-only)
       * @enum {string}
       */
      readonly Type?: 'PAYBATCH' | 'RECBATCH';
      /**
       * @description AUTHORISED or DELETED (read-only). New batch payments will have a status of AUTHORISED. It is not possible to delete batch payments via the API.
       * @enum {string}
       */
      readonly Status?: 'AUTHORISED' | 'DELETED';
      /**
       * Format: double
       * @description The total of the payments that make up the batch (read-only)
       */
      readonly TotalAmount?: number;
      /**
       * @description UTC timestamp of last update to the payment
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /** @description Booelan that tells you if the batch payment has been reconciled (read-only) */
      readonly IsReconciled?: boolean;
      /** @description Displays array of validation error messages from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
    };
    Overpayment: {
      /**
       * @description See Overpayment Types
       * @enum {string}
       */
      Type?: 'RECEIVE-OVERPAYMENT' | 'SPEND-OVERPAYMENT' | 'AROVERPAYMENT';
      Contact?: components['schemas']['Contact'];
      /** @description The date the overpayment is created YYYY-MM-DD */
      Date?: string;
      /**
       * @description See Overpayment Status Codes
       * @enum {string}
       */
      Status?: 'AUTHORISED' | 'PAID' | 'VOIDED';
      LineAmountTypes?: components['schemas']['LineAmountTypes'];
      /** @description See Overpayment Line Items */
      LineItems?: components['schemas']['LineItem'][];
      /**
       * Format: double
       * @description The subtotal of the overpayment excluding taxes
       */
      SubTotal?: number;
      /**
       * Format: double
       * @description The total tax on the overpayment
       */
      TotalTax?: number;
      /**
       * Format: double
       * @description The total of the overpayment (subtotal + total tax)
       */
      Total?: number;
      /**
       * @description UTC timestamp of last update to the overpayment
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /**
       * @description UTC ISO-8601 formatted timestamp of last update to the overpayment
       * @example 2019-11-14T18:10:38Z
       */
      readonly UpdatedDateUTCString?: string;
      CurrencyCode?: components['schemas']['CurrencyCode'];
      /**
       * Format: uuid
       * @description Xero generated unique identifier
       */
      OverpaymentID?: string;
      /**
       * Format: double
       * @description The currency rate for a multicurrency overpayment. If no rate is specified, the XE.com day rate is used
       */
      CurrencyRate?: number;
      /**
       * Format: double
       * @description The remaining credit balance on the overpayment
       */
      RemainingCredit?: number;
      /** @description See Allocations */
      Allocations?: components['schemas']['Allocation'][];
      /**
       * Format: double
       * @description The amount of applied to an invoice
       * @example 2
       */
      AppliedAmount?: number;
      /** @description See Payments */
      Payments?: components['schemas']['Payment'][];
      /**
       * @description boolean to indicate if a overpayment has an attachment
       * @default false
       * @example false
       */
      readonly HasAttachments?: boolean;
      /**
       * @description An optional description for Overpayment
       * @example Ref for payment
       */
      Reference?: string;
      /** @description See Attachments */
      Attachments?: components['schemas']['Attachment'][];
    };
    Allocation: {
      /**
       * Format: uuid
       * @description Xero generated unique identifier
       */
      AllocationID?: string;
      Invoice: components['schemas']['Invoice'];
      Overpayment?: components['schemas']['Overpayment'];
      Prepayment?: components['schemas']['Prepayment'];
      CreditNote?: components['schemas']['CreditNote'];
      /**
       * Format: double
       * @description the amount being applied to the invoice
       */
      Amount: number;
      /** @description the date the allocation is applied YYYY-MM-DD. */
      Date: string;
      /** @description A flag that returns true when the allocation is succesfully deleted */
      readonly IsDeleted?: boolean;
      /** @description A string to indicate if a invoice status */
      StatusAttributeString?: string;
      /** @description Displays array of validation error messages from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
    };
    Prepayment: {
      /**
       * @description See Prepayment Types
       * @enum {string}
       */
      Type?: 'RECEIVE-PREPAYMENT' | 'SPEND-PREPAYMENT' | 'ARPREPAYMENT' | 'APPREPAYMENT';
      Contact?: components['schemas']['Contact'];
      /** @description The date the prepayment is created YYYY-MM-DD */
      Date?: string;
      /**
       * @description See Prepayment Status Codes
       * @enum {string}
       */
      Status?: 'AUTHORISED' | 'PAID' | 'VOIDED';
      LineAmountTypes?: components['schemas']['LineAmountTypes'];
      /** @description See Prepayment Line Items */
      LineItems?: components['schemas']['LineItem'][];
      /**
       * Format: double
       * @description The subtotal of the prepayment excluding taxes
       */
      SubTotal?: number;
      /**
       * Format: double
       * @description The total tax on the prepayment
       */
      TotalTax?: number;
      /**
       * Format: double
       * @description The total of the prepayment(subtotal + total tax)
       */
      Total?: number;
      /** @description Returns Invoice number field. Reference field isn't available. */
      readonly Reference?: string;
      /** @description Returns Invoice number for prepayment receive document only. */
      readonly InvoiceNumber?: string;
      /**
       * @description UTC timestamp of last update to the prepayment
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /**
       * @description UTC ISO-8601 formatted timestamp of last update to the prepayment
       * @example 2019-11-14T18:10:38Z
       */
      readonly UpdatedDateUTCString?: string;
      CurrencyCode?: components['schemas']['CurrencyCode'];
      /**
       * Format: uuid
       * @description Xero generated unique identifier
       */
      PrepaymentID?: string;
      /**
       * Format: uuid
       * @description The unique identifier of the branding template applied to a receive prepayment
       */
      readonly BrandingThemeID?: string;
      /**
       * Format: double
       * @description The currency rate for a multicurrency prepayment. If no rate is specified, the XE.com day rate is used
       */
      CurrencyRate?: number;
      /**
       * Format: double
       * @description The remaining credit balance on the prepayment
       */
      RemainingCredit?: number;
      /** @description See Allocations */
      Allocations?: components['schemas']['Allocation'][];
      /** @description See Payments */
      Payments?: components['schemas']['Payment'][];
      /**
       * Format: double
       * @description The amount of applied to an invoice
       * @example 2
       */
      AppliedAmount?: number;
      /**
       * @description boolean to indicate if a prepayment has an attachment
       * @default false
       * @example false
       */
      readonly HasAttachments?: boolean;
      /** @description See Attachments */
      Attachments?: components['schemas']['Attachment'][];
    };
    /**
     * @description Line amounts are exclusive of tax by default if you don’t specify this element. See Line Amount Types
     * @enum {string}
     */
    LineAmountTypes: 'Exclusive' | 'Inclusive' | 'NoTax';
    Pagination: {
      page?: number;
      pageSize?: number;
      pageCount?: number;
      itemCount?: number;
    };
    Items: {
      Items?: components['schemas']['Item'][];
    };
    Item: {
      /** @description User defined item code (max length = 30) */
      Code: string;
      /** @description The inventory asset account for the item. The account must be of type INVENTORY. The  COGSAccountCode in PurchaseDetails is also required to create a tracked item */
      InventoryAssetAccountCode?: string;
      /** @description The name of the item (max length = 50) */
      Name?: string;
      /** @description Boolean value, defaults to true. When IsSold is true the item will be available on sales transactions in the Xero UI. If IsSold is updated to false then Description and SalesDetails values will be nulled. */
      IsSold?: boolean;
      /** @description Boolean value, defaults to true. When IsPurchased is true the item is available for purchase transactions in the Xero UI. If IsPurchased is updated to false then PurchaseDescription and PurchaseDetails values will be nulled. */
      IsPurchased?: boolean;
      /** @description The sales description of the item (max length = 4000) */
      Description?: string;
      /** @description The purchase description of the item (max length = 4000) */
      PurchaseDescription?: string;
      PurchaseDetails?: components['schemas']['Purchase'];
      SalesDetails?: components['schemas']['Purchase'];
      /** @description True for items that are tracked as inventory. An item will be tracked as inventory if the InventoryAssetAccountCode and COGSAccountCode are set. */
      IsTrackedAsInventory?: boolean;
      /**
       * Format: double
       * @description The value of the item on hand. Calculated using average cost accounting.
       */
      TotalCostPool?: number;
      /**
       * Format: double
       * @description The quantity of the item on hand
       */
      QuantityOnHand?: number;
      /**
       * @description Last modified date in UTC format
       * @example /Date(1573755038314)/
       */
      readonly UpdatedDateUTC?: string;
      /**
       * Format: uuid
       * @description The Xero identifier for an Item
       */
      ItemID?: string;
      /** @description Status of object */
      StatusAttributeString?: string;
      /** @description Displays array of validation error messages from the API */
      ValidationErrors?: components['schemas']['ValidationError'][];
    };
    Purchase: {
      /**
       * Format: double
       * @description Unit Price of the item. By default UnitPrice is rounded to two decimal places. You can use 4 decimal places by adding the unitdp=4 querystring parameter to your request.
       */
      UnitPrice?: number;
      /** @description Default account code to be used for purchased/sale. Not applicable to the purchase details of tracked items */
      AccountCode?: string;
      /** @description Cost of goods sold account. Only applicable to the purchase details of tracked items. */
      COGSAccountCode?: string;
      /** @description The tax type from TaxRates */
      TaxType?: string;
    };
    Contacts: {
      pagination?: components['schemas']['Pagination'];
      /** @description Displays array of warning messages from the API */
      Warnings?: components['schemas']['ValidationError'][];
      Contacts?: components['schemas']['Contact'][];
    };
    ContactGroups: {
      ContactGroups?: components['schemas']['ContactGroup'][];
    };
    TrackingCategory: {
      /**
       * Format: uuid
       * @description The Xero identifier for a tracking category e.g. 297c2dc5-cc47-4afd-8ec8-74990b8761e9
       */
      TrackingCategoryID?: string;
      /**
       * Format: uuid
       * @description The Xero identifier for a tracking option e.g. dc54c220-0140-495a-b925-3246adc0075f
       */
      TrackingOptionID?: string;
      /** @description The name of the tracking category e.g. Department, Region (max length = 100) */
      Name?: string;
      /** @description The option name of the tracking option e.g. East, West (max length = 100) */
      Option?: string;
      /**
       * @description The status of a tracking category
       * @enum {string}
       */
      Status?: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
      /** @description See Tracking Options */
      Options?: components['schemas']['TrackingOption'][];
    };
    TrackingOption: {
      /**
       * Format: uuid
       * @description The Xero identifier for a tracking option e.g. ae777a87-5ef3-4fa0-a4f0-d10e1f13073a
       */
      TrackingOptionID?: string;
      /** @description The name of the tracking option e.g. Marketing, East (max length = 100) */
      Name?: string;
      /**
       * @description The status of a tracking option
       * @enum {string}
       */
      Status?: 'ACTIVE' | 'ARCHIVED' | 'DELETED';
      /**
       * Format: uuid
       * @description Filter by a tracking category e.g. 297c2dc5-cc47-4afd-8ec8-74990b8761e9
       */
      TrackingCategoryID?: string;
    };
    TrackingCategories: {
      TrackingCategories?: components['schemas']['TrackingCategory'][];
    };
    BrandingThemes: {
      BrandingThemes?: components['schemas']['BrandingTheme'][];
    };
    Currency: {
      Code?: components['schemas']['CurrencyCode'];
      /** @description Name of Currency */
      Description?: string;
    };
    Currencies: {
      Currencies?: components['schemas']['Currency'][];
    };
    TaxRates: {
      TaxRates?: components['schemas']['TaxRate'][];
    };
    TaxRate: {
      /** @description Name of tax rate */
      Name?: string;
      /** @description The tax type */
      TaxType?: string;
      /** @description See TaxComponents */
      TaxComponents?: components['schemas']['TaxComponent'][];
      /**
       * @description See Status Codes
       * @enum {string}
       */
      Status?: 'ACTIVE' | 'DELETED' | 'ARCHIVED' | 'PENDING';
      /**
       * @description See ReportTaxTypes
       * @enum {string}
       */
      ReportTaxType?:
        | 'AVALARA'
        | 'BASEXCLUDED'
        | 'CAPITALSALESOUTPUT'
        | 'CAPITALEXPENSESINPUT'
        | 'ECOUTPUT'
        | 'ECOUTPUTSERVICES'
        | 'ECINPUT'
        | 'ECACQUISITIONS'
        | 'EXEMPTEXPENSES'
        | 'EXEMPTINPUT'
        | 'EXEMPTOUTPUT'
        | 'GSTONIMPORTS'
        | 'INPUT'
        | 'INPUTTAXED'
        | 'MOSSSALES'
        | 'NONE'
        | 'NONEOUTPUT'
        | 'OUTPUT'
        | 'PURCHASESINPUT'
        | 'SALESOUTPUT'
        | 'EXEMPTCAPITAL'
        | 'EXEMPTEXPORT'
        | 'CAPITALEXINPUT'
        | 'GSTONCAPIMPORTS'
        | 'GSTONCAPITALIMPORTS'
        | 'REVERSECHARGES'
        | 'PAYMENTS'
        | 'INVOICE'
        | 'CASH'
        | 'ACCRUAL'
        | 'FLATRATECASH'
        | 'FLATRATEACCRUAL'
        | 'ACCRUALS'
        | 'TXCA'
        | 'SRCAS'
        | 'DSOUTPUT'
        | 'BLINPUT2'
        | 'EPINPUT'
        | 'IMINPUT2'
        | 'MEINPUT'
        | 'IGDSINPUT2'
        | 'ESN33OUTPUT'
        | 'OPINPUT'
        | 'OSOUTPUT'
        | 'TXN33INPUT'
        | 'TXESSINPUT'
        | 'TXREINPUT'
        | 'TXPETINPUT'
        | 'NRINPUT'
        | 'ES33OUTPUT'
        | 'ZERORATEDINPUT'
        | 'ZERORATEDOUTPUT'
        | 'DRCHARGESUPPLY'
        | 'DRCHARGE'
        | 'CAPINPUT'
        | 'CAPIMPORTS'
        | 'IMINPUT'
        | 'INPUT2'
        | 'CIUINPUT'
        | 'SRINPUT'
        | 'OUTPUT2'
        | 'SROUTPUT'
        | 'CAPOUTPUT'
        | 'SROUTPUT2'
        | 'CIUOUTPUT'
        | 'ZROUTPUT'
        | 'ZREXPORT'
        | 'ACC28PLUS'
        | 'ACCUPTO28'
        | 'OTHEROUTPUT'
        | 'SHOUTPUT'
        | 'ZRINPUT'
        | 'BADDEBT'
        | 'OTHERINPUT'
        | 'BADDEBTRELIEF'
        | 'IGDSINPUT3'
        | 'SROVR'
        | 'TOURISTREFUND'
        | 'TXRCN33'
        | 'TXRCRE'
        | 'TXRCESS'
        | 'TXRCTS'
        | 'CAPEXINPUT'
        | 'UNDEFINED'
        | 'CAPEXOUTPUT'
        | 'ZEROEXPOUTPUT'
        | 'GOODSIMPORT'
        | 'NONEINPUT'
        | 'NOTREPORTED'
        | 'SROVRRS'
        | 'SROVRLVG'
        | 'SRLVG'
        | 'IM'
        | 'IMESS'
        | 'IMN33'
        | 'IMRE'
        | 'BADDEBTRECOVERY'
        | 'USSALESTAX'
        | 'BLINPUT3';
      /** @description Boolean to describe if tax rate can be used for asset accounts i.e.  true,false */
      readonly CanApplyToAssets?: boolean;
      /** @description Boolean to describe if tax rate can be used for equity accounts i.e true,false */
      readonly CanApplyToEquity?: boolean;
      /** @description Boolean to describe if tax rate can be used for expense accounts  i.e. true,false */
      readonly CanApplyToExpenses?: boolean;
      /** @description Boolean to describe if tax rate can be used for liability accounts  i.e. true,false */
      readonly CanApplyToLiabilities?: boolean;
      /** @description Boolean to describe if tax rate can be used for revenue accounts i.e. true,false */
      readonly CanApplyToRevenue?: boolean;
      /**
       * Format: double
       * @description Tax Rate (decimal to 4dp) e.g 12.5000
       */
      readonly DisplayTaxRate?: number;
      /**
       * Format: double
       * @description Effective Tax Rate (decimal to 4dp) e.g 12.5000
       */
      readonly EffectiveRate?: number;
    };
    TaxComponent: {
      /** @description Name of Tax Component */
      Name?: string;
      /**
       * Format: double
       * @description Tax Rate (up to 4dp)
       */
      Rate?: number;
      /** @description Boolean to describe if Tax rate is compounded. */
      IsCompound?: boolean;
      /** @description Boolean to describe if tax rate is non-recoverable. Non-recoverable rates are only applicable to Canadian organisations */
      IsNonRecoverable?: boolean;
    };
    Accounts: {
      Accounts?: components['schemas']['Account'][];
    };
    Organisations: {
      Organisations?: components['schemas']['Organisation'][];
    };
    Organisation: {
      /**
       * Format: uuid
       * @description Unique Xero identifier
       * @example 8be9db36-3598-4755-ba5c-c2dbc8c4a7a2
       */
      OrganisationID?: string;
      /** @description Display a unique key used for Xero-to-Xero transactions */
      APIKey?: string;
      /** @description Display name of organisation shown in Xero */
      Name?: string;
      /** @description Organisation name shown on Reports */
      LegalName?: string;
      /** @description Boolean to describe if organisation is registered with a local tax authority i.e. true, false */
      PaysTax?: boolean;
      /**
       * @description See Version Types
       * @enum {string}
       */
      Version?:
        | 'AU'
        | 'NZ'
        | 'GLOBAL'
        | 'UK'
        | 'US'
        | 'AUONRAMP'
        | 'NZONRAMP'
        | 'GLOBALONRAMP'
        | 'UKONRAMP'
        | 'USONRAMP';
      /**
       * @description Organisation Type
       * @enum {string}
       */
      OrganisationType?:
        | 'ACCOUNTING_PRACTICE'
        | 'COMPANY'
        | 'CHARITY'
        | 'CLUB_OR_SOCIETY'
        | 'INDIVIDUAL'
        | 'LOOK_THROUGH_COMPANY'
        | 'NOT_FOR_PROFIT'
        | 'PARTNERSHIP'
        | 'S_CORPORATION'
        | 'SELF_MANAGED_SUPERANNUATION_FUND'
        | 'SOLE_TRADER'
        | 'SUPERANNUATION_FUND'
        | 'TRUST'
        | 'PERSONAL'
        | 'SINGLEMEMBERLLC'
        | 'CCORPORATIONLLC'
        | 'PARTNERSHIPLLC'
        | 'SCORPORATIONLLC'
        | 'LLC'
        | 'NOTLLC'
        | 'UNSPECIFIED';
      BaseCurrency?: components['schemas']['CurrencyCode'];
      CountryCode?: components['schemas']['CountryCode'];
      /** @description Boolean to describe if organisation is a demo company. */
      IsDemoCompany?: boolean;
      /** @description Will be set to ACTIVE if you can connect to organisation via the Xero API */
      OrganisationStatus?: string;
      /** @description Shows for New Zealand, Australian and UK organisations */
      RegistrationNumber?: string;
      /** @description Shown if set. US Only. */
      EmployerIdentificationNumber?: string;
      /** @description Shown if set. Displays in the Xero UI as Tax File Number (AU), GST Number (NZ), VAT Number (UK) and Tax ID Number (US & Global). */
      TaxNumber?: string;
      /** @description Calendar day e.g. 0-31 */
      FinancialYearEndDay?: number;
      /** @description Calendar Month e.g. 1-12 */
      FinancialYearEndMonth?: number;
      /**
       * @description The accounting basis used for tax returns. See Sales Tax Basis
       * @enum {string}
       */
      SalesTaxBasis?:
        | 'PAYMENTS'
        | 'INVOICE'
        | 'NONE'
        | 'CASH'
        | 'ACCRUAL'
        | 'FLATRATECASH'
        | 'FLATRATEACCRUAL'
        | 'ACCRUALS';
      /**
       * @description The frequency with which tax returns are processed. See Sales Tax Period
       * @enum {string}
       */
      SalesTaxPeriod?:
        | 'MONTHLY'
        | 'QUARTERLY1'
        | 'QUARTERLY2'
        | 'QUARTERLY3'
        | 'ANNUALLY'
        | 'ONEMONTHS'
        | 'TWOMONTHS'
        | 'SIXMONTHS'
        | '1MONTHLY'
        | '2MONTHLY'
        | '3MONTHLY'
        | '6MONTHLY'
        | 'QUARTERLY'
        | 'YEARLY'
        | 'NONE';
      /** @description The default for LineAmountTypes on sales transactions */
      DefaultSalesTax?: string;
      /** @description The default for LineAmountTypes on purchase transactions */
      DefaultPurchasesTax?: string;
      /** @description Shown if set. See lock dates */
      PeriodLockDate?: string;
      /** @description Shown if set. See lock dates */
      EndOfYearLockDate?: string;
      /**
       * @description Timestamp when the organisation was created in Xero
       * @example /Date(1573755038314)/
       */
      readonly CreatedDateUTC?: string;
      Timezone?: components['schemas']['TimeZone'];
      /**
       * @description Organisation Entity Type
       * @enum {string}
       */
      OrganisationEntityType?:
        | 'ACCOUNTING_PRACTICE'
        | 'COMPANY'
        | 'CHARITY'
        | 'CLUB_OR_SOCIETY'
        | 'INDIVIDUAL'
        | 'LOOK_THROUGH_COMPANY'
        | 'NOT_FOR_PROFIT'
        | 'PARTNERSHIP'
        | 'S_CORPORATION'
        | 'SELF_MANAGED_SUPERANNUATION_FUND'
        | 'SOLE_TRADER'
        | 'SUPERANNUATION_FUND'
        | 'TRUST'
        | 'PERSONAL'
        | 'SINGLEMEMBERLLC'
        | 'CCORPORATIONLLC'
        | 'PARTNERSHIPLLC'
        | 'SCORPORATIONLLC'
        | 'LLC'
        | 'NOTLLC'
        | 'UNSPECIFIED';
      /** @description A unique identifier for the organisation. Potential uses. */
      ShortCode?: string;
      /**
       * @description Organisation Classes describe which plan the Xero organisation is on (e.g. DEMO, TRIAL, PREMIUM)
       * @enum {string}
       */
      Class?:
        | 'DEMO'
        | 'TRIAL'
        | 'STARTER'
        | 'STANDARD'
        | 'PREMIUM'
        | 'PREMIUM_20'
        | 'PREMIUM_50'
        | 'PREMIUM_100'
        | 'LEDGER'
        | 'GST_CASHBOOK'
        | 'NON_GST_CASHBOOK'
        | 'ULTIMATE'
        | 'LITE'
        | 'ULTIMATE_10'
        | 'ULTIMATE_20'
        | 'ULTIMATE_50'
        | 'ULTIMATE_100'
        | 'IGNITE'
        | 'GROW'
        | 'COMPREHENSIVE'
        | 'SIMPLE'
        | 'BASICLITE'
        | 'ULTRA';
      /**
       * @description BUSINESS or PARTNER. Partner edition organisations are sold exclusively through accounting partners and have restricted functionality (e.g. no access to invoicing)
       * @enum {string}
       */
      Edition?: 'BUSINESS' | 'PARTNER';
      /** @description Description of business type as defined in Organisation settings */
      LineOfBusiness?: string;
      /** @description Address details for organisation – see Addresses */
      Addresses?: components['schemas']['AddressForOrganisation'][];
      /** @description Phones details for organisation – see Phones */
      Phones?: components['schemas']['Phone'][];
      /** @description Organisation profile links for popular services such as Facebook,Twitter, GooglePlus and LinkedIn. You can also add link to your website here. Shown if Organisation settings  is updated in Xero. See ExternalLinks below */
      ExternalLinks?: components['schemas']['ExternalLink'][];
      PaymentTerms?: components['schemas']['PaymentTerm'];
    };
    ExternalLink: {
      /**
       * @description See External link types
       * @enum {string}
       */
      LinkType?: 'Facebook' | 'GooglePlus' | 'LinkedIn' | 'Twitter' | 'Website';
      /** @description URL for service e.g. http://twitter.com/xeroapi */
      Url?: string;
      Description?: string;
    };
    AddressForOrganisation: {
      /**
       * @description define the type of address
       * @enum {string}
       */
      AddressType?: 'POBOX' | 'STREET' | 'DELIVERY';
      /** @description max length = 500 */
      AddressLine1?: string;
      /** @description max length = 500 */
      AddressLine2?: string;
      /** @description max length = 500 */
      AddressLine3?: string;
      /** @description max length = 500 */
      AddressLine4?: string;
      /** @description max length = 255 */
      City?: string;
      /** @description max length = 255 */
      Region?: string;
      /** @description max length = 50 */
      PostalCode?: string;
      /** @description max length = 50, [A-Z], [a-z] only */
      Country?: string;
      /** @description max length = 255 */
      AttentionTo?: string;
    };
    /**
     * @description Timezone specifications
     * @enum {string}
     */
    TimeZone:
      | 'AFGHANISTANSTANDARDTIME'
      | 'ALASKANSTANDARDTIME'
      | 'ALEUTIANSTANDARDTIME'
      | 'ALTAISTANDARDTIME'
      | 'ARABIANSTANDARDTIME'
      | 'ARABICSTANDARDTIME'
      | 'ARABSTANDARDTIME'
      | 'ARGENTINASTANDARDTIME'
      | 'ASTRAKHANSTANDARDTIME'
      | 'ATLANTICSTANDARDTIME'
      | 'AUSCENTRALSTANDARDTIME'
      | 'AUSCENTRALWSTANDARDTIME'
      | 'AUSEASTERNSTANDARDTIME'
      | 'AZERBAIJANSTANDARDTIME'
      | 'AZORESSTANDARDTIME'
      | 'BAHIASTANDARDTIME'
      | 'BANGLADESHSTANDARDTIME'
      | 'BELARUSSTANDARDTIME'
      | 'BOUGAINVILLESTANDARDTIME'
      | 'CANADACENTRALSTANDARDTIME'
      | 'CAPEVERDESTANDARDTIME'
      | 'CAUCASUSSTANDARDTIME'
      | 'CENAUSTRALIASTANDARDTIME'
      | 'CENTRALAMERICASTANDARDTIME'
      | 'CENTRALASIASTANDARDTIME'
      | 'CENTRALBRAZILIANSTANDARDTIME'
      | 'CENTRALEUROPEANSTANDARDTIME'
      | 'CENTRALEUROPESTANDARDTIME'
      | 'CENTRALPACIFICSTANDARDTIME'
      | 'CENTRALSTANDARDTIME'
      | 'CENTRALSTANDARDTIME(MEXICO)'
      | 'CHATHAMISLANDSSTANDARDTIME'
      | 'CHINASTANDARDTIME'
      | 'CUBASTANDARDTIME'
      | 'DATELINESTANDARDTIME'
      | 'EAFRICASTANDARDTIME'
      | 'EASTERISLANDSTANDARDTIME'
      | 'EASTERNSTANDARDTIME'
      | 'EASTERNSTANDARDTIME(MEXICO)'
      | 'EAUSTRALIASTANDARDTIME'
      | 'EEUROPESTANDARDTIME'
      | 'EGYPTSTANDARDTIME'
      | 'EKATERINBURGSTANDARDTIME'
      | 'ESOUTHAMERICASTANDARDTIME'
      | 'FIJISTANDARDTIME'
      | 'FLESTANDARDTIME'
      | 'GEORGIANSTANDARDTIME'
      | 'GMTSTANDARDTIME'
      | 'GREENLANDSTANDARDTIME'
      | 'GREENWICHSTANDARDTIME'
      | 'GTBSTANDARDTIME'
      | 'HAITISTANDARDTIME'
      | 'HAWAIIANSTANDARDTIME'
      | 'INDIASTANDARDTIME'
      | 'IRANSTANDARDTIME'
      | 'ISRAELSTANDARDTIME'
      | 'JORDANSTANDARDTIME'
      | 'KALININGRADSTANDARDTIME'
      | 'KAMCHATKASTANDARDTIME'
      | 'KOREASTANDARDTIME'
      | 'LIBYASTANDARDTIME'
      | 'LINEISLANDSSTANDARDTIME'
      | 'LORDHOWESTANDARDTIME'
      | 'MAGADANSTANDARDTIME'
      | 'MAGALLANESSTANDARDTIME'
      | 'MARQUESASSTANDARDTIME'
      | 'MAURITIUSSTANDARDTIME'
      | 'MIDATLANTICSTANDARDTIME'
      | 'MIDDLEEASTSTANDARDTIME'
      | 'MONTEVIDEOSTANDARDTIME'
      | 'MOROCCOSTANDARDTIME'
      | 'MOUNTAINSTANDARDTIME'
      | 'MOUNTAINSTANDARDTIME(MEXICO)'
      | 'MYANMARSTANDARDTIME'
      | 'NAMIBIASTANDARDTIME'
      | 'NCENTRALASIASTANDARDTIME'
      | 'NEPALSTANDARDTIME'
      | 'NEWFOUNDLANDSTANDARDTIME'
      | 'NEWZEALANDSTANDARDTIME'
      | 'NORFOLKSTANDARDTIME'
      | 'NORTHASIAEASTSTANDARDTIME'
      | 'NORTHASIASTANDARDTIME'
      | 'NORTHKOREASTANDARDTIME'
      | 'OMSKSTANDARDTIME'
      | 'PACIFICSASTANDARDTIME'
      | 'PACIFICSTANDARDTIME'
      | 'PACIFICSTANDARDTIME(MEXICO)'
      | 'PAKISTANSTANDARDTIME'
      | 'PARAGUAYSTANDARDTIME'
      | 'QYZYLORDASTANDARDTIME'
      | 'ROMANCESTANDARDTIME'
      | 'RUSSIANSTANDARDTIME'
      | 'RUSSIATIMEZONE10'
      | 'RUSSIATIMEZONE11'
      | 'RUSSIATIMEZONE3'
      | 'SAEASTERNSTANDARDTIME'
      | 'SAINTPIERRESTANDARDTIME'
      | 'SAKHALINSTANDARDTIME'
      | 'SAMOASTANDARDTIME'
      | 'SAOTOMESTANDARDTIME'
      | 'SAPACIFICSTANDARDTIME'
      | 'SARATOVSTANDARDTIME'
      | 'SAWESTERNSTANDARDTIME'
      | 'SEASIASTANDARDTIME'
      | 'SINGAPORESTANDARDTIME'
      | 'SOUTHAFRICASTANDARDTIME'
      | 'SOUTHSUDANSTANDARDTIME'
      | 'SRILANKASTANDARDTIME'
      | 'SUDANSTANDARDTIME'
      | 'SYRIASTANDARDTIME'
      | 'TAIPEISTANDARDTIME'
      | 'TASMANIASTANDARDTIME'
      | 'TOCANTINSSTANDARDTIME'
      | 'TOKYOSTANDARDTIME'
      | 'TOMSKSTANDARDTIME'
      | 'TONGASTANDARDTIME'
      | 'TRANSBAIKALSTANDARDTIME'
      | 'TURKEYSTANDARDTIME'
      | 'TURKSANDCAICOSSTANDARDTIME'
      | 'ULAANBAATARSTANDARDTIME'
      | 'USEASTERNSTANDARDTIME'
      | 'USMOUNTAINSTANDARDTIME'
      | 'UTC'
      | 'UTC+12'
      | 'UTC+13'
      | 'UTC02'
      | 'UTC08'
      | 'UTC09'
      | 'UTC11'
      | 'VENEZUELASTANDARDTIME'
      | 'VLADIVOSTOKSTANDARDTIME'
      | 'VOLGOGRADSTANDARDTIME'
      | 'WAUSTRALIASTANDARDTIME'
      | 'WCENTRALAFRICASTANDARDTIME'
      | 'WESTASIASTANDARDTIME'
      | 'WESTBANKSTANDARDTIME'
      | 'WESTPACIFICSTANDARDTIME'
      | 'WEUROPESTANDARDTIME'
      | 'WMONGOLIASTANDARDTIME'
      | 'YAKUTSKSTANDARDTIME'
      | 'YUKONSTANDARDTIME';
    /** @enum {string} */
    CountryCode:
      | 'AD'
      | 'AE'
      | 'AF'
      | 'AG'
      | 'AI'
      | 'AL'
      | 'AM'
      | 'AN'
      | 'AO'
      | 'AQ'
      | 'AR'
      | 'AS'
      | 'AT'
      | 'AU'
      | 'AW'
      | 'AZ'
      | 'BA'
      | 'BB'
      | 'BD'
      | 'BE'
      | 'BF'
      | 'BG'
      | 'BH'
      | 'BI'
      | 'BJ'
      | 'BL'
      | 'BM'
      | 'BN'
      | 'BO'
      | 'BR'
      | 'BS'
      | 'BT'
      | 'BW'
      | 'BY'
      | 'BZ'
      | 'CA'
      | 'CC'
      | 'CD'
      | 'CF'
      | 'CG'
      | 'CH'
      | 'CI'
      | 'CK'
      | 'CL'
      | 'CM'
      | 'CN'
      | 'CO'
      | 'CR'
      | 'CU'
      | 'CV'
      | 'CW'
      | 'CX'
      | 'CY'
      | 'CZ'
      | 'DE'
      | 'DJ'
      | 'DK'
      | 'DM'
      | 'DO'
      | 'DZ'
      | 'EC'
      | 'EE'
      | 'EG'
      | 'EH'
      | 'ER'
      | 'ES'
      | 'ET'
      | 'FI'
      | 'FJ'
      | 'FK'
      | 'FM'
      | 'FO'
      | 'FR'
      | 'GA'
      | 'GB'
      | 'GD'
      | 'GE'
      | 'GG'
      | 'GH'
      | 'GI'
      | 'GL'
      | 'GM'
      | 'GN'
      | 'GQ'
      | 'GR'
      | 'GT'
      | 'GU'
      | 'GW'
      | 'GY'
      | 'HK'
      | 'HN'
      | 'HR'
      | 'HT'
      | 'HU'
      | 'ID'
      | 'IE'
      | 'IL'
      | 'IM'
      | 'IN'
      | 'IO'
      | 'IQ'
      | 'IR'
      | 'IS'
      | 'IT'
      | 'JE'
      | 'JM'
      | 'JO'
      | 'JP'
      | 'KE'
      | 'KG'
      | 'KH'
      | 'KI'
      | 'KM'
      | 'KN'
      | 'KP'
      | 'KR'
      | 'KW'
      | 'KY'
      | 'KZ'
      | 'LA'
      | 'LB'
      | 'LC'
      | 'LI'
      | 'LK'
      | 'LR'
      | 'LS'
      | 'LT'
      | 'LU'
      | 'LV'
      | 'LY'
      | 'MA'
      | 'MC'
      | 'MD'
      | 'ME'
      | 'MF'
      | 'MG'
      | 'MH'
      | 'MK'
      | 'ML'
      | 'MM'
      | 'MN'
      | 'MO'
      | 'MP'
      | 'MR'
      | 'MS'
      | 'MT'
      | 'MU'
      | 'MV'
      | 'MW'
      | 'MX'
      | 'MY'
      | 'MZ'
      | 'NA'
      | 'NC'
      | 'NE'
      | 'NG'
      | 'NI'
      | 'NL'
      | 'NO'
      | 'NP'
      | 'NR'
      | 'NU'
      | 'NZ'
      | 'OM'
      | 'PA'
      | 'PE'
      | 'PF'
      | 'PG'
      | 'PH'
      | 'PK'
      | 'PL'
      | 'PM'
      | 'PN'
      | 'PR'
      | 'PS'
      | 'PT'
      | 'PW'
      | 'PY'
      | 'QA'
      | 'RE'
      | 'RO'
      | 'RS'
      | 'RU'
      | 'RW'
      | 'SA'
      | 'SB'
      | 'SC'
      | 'SD'
      | 'SE'
      | 'SG'
      | 'SH'
      | 'SI'
      | 'SJ'
      | 'SK'
      | 'SL'
      | 'SM'
      | 'SN'
      | 'SO'
      | 'SR'
      | 'SS'
      | 'ST'
      | 'SV'
      | 'SX'
      | 'SY'
      | 'SZ'
      | 'TC'
      | 'TD'
      | 'TG'
      | 'TH'
      | 'TJ'
      | 'TK'
      | 'TL'
      | 'TM'
      | 'TN'
      | 'TO'
      | 'TR'
      | 'TT'
      | 'TV'
      | 'TW'
      | 'TZ'
      | 'UA'
      | 'UG'
      | 'US'
      | 'UY'
      | 'UZ'
      | 'VA'
      | 'VC'
      | 'VE'
      | 'VG'
      | 'VI'
      | 'VN'
      | 'VU'
      | 'WF'
      | 'WS'
      | 'XK'
      | 'YE'
      | 'YT'
      | 'ZA'
      | 'ZM'
      | 'ZW';
  };
  responses: {
    /** @description A failed request due to validation error */
    '400Error': {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description Success - return response of type HistoryRecords array of HistoryRecord objects */
    HistoryRecordCreated: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "Id": "d7525479-3392-44c0-bb37-ff4a0b5df5bd",
         *       "Status": "OK",
         *       "ProviderName": "Xero API Partner",
         *       "DateTimeUTC": "/Date(1550899400362)/",
         *       "HistoryRecords": [
         *         {
         *           "DateUTCString": "2019-02-23T05:23:20",
         *           "DateUTC": "/Date(1550899400362)/",
         *           "Details": "Hello World",
         *           "ValidationErrors": []
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['HistoryRecords'];
      };
    };
    /** @description Success - return response of HistoryRecords array of 0 to N HistoryRecord */
    HistoryRetrieved: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        /**
         * @example {
         *       "Id": "cd54cc7b-b721-4207-b11d-7d13c7902f91",
         *       "Status": "OK",
         *       "ProviderName": "Xero API Partner",
         *       "DateTimeUTC": "/Date(1551311321819)/",
         *       "HistoryRecords": [
         *         {
         *           "Changes": "Attached a file",
         *           "DateUTCString": "2018-11-08T15:01:21",
         *           "DateUTC": "/Date(1541689281470+0000)/",
         *           "User": "System Generated",
         *           "Details": "Attached the file sample2.jpg through the Xero API using Xero API Partner"
         *         },
         *         {
         *           "Changes": "Credit Applied",
         *           "DateUTCString": "2016-10-17T20:46:01",
         *           "DateUTC": "/Date(1476737161173+0000)/",
         *           "User": "System Generated",
         *           "Details": "Bank transfer from Business Wells Fargo to My Savings on November 12, 2016 for 20.00."
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['HistoryRecords'];
      };
    };
  };
  parameters: {
    /**
     * @description Unique identifier for an Quote
     * @example 00000000-0000-0000-0000-000000000000
     */
    QuoteID: string;
    /**
     * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
     * @example KEY_VALUE
     */
    idempotencyKey: string;
    /**
     * @description Xero identifier for Tenant
     * @example YOUR_XERO_TENANT_ID
     */
    requiredHeader: string;
    /**
     * @description If false return 200 OK and mix of successfully created objects and any with validation errors
     * @example true
     */
    summarizeErrors: boolean;
    /**
     * @description Only records created or modified since this timestamp will be returned
     * @example 2020-02-06T12:17:43.202-08:00
     */
    ifModifiedSince: string;
    /**
     * @description Unique identifier for an Invoice
     * @example 00000000-0000-0000-0000-000000000000
     */
    InvoiceID: string;
    /**
     * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
     * @example 4
     */
    unitdp: number;
    /**
     * @description Search parameter that performs a case-insensitive text search across the fields e.g. InvoiceNumber, Reference.
     * @example SearchTerm=REF12
     */
    searchTerm: string;
    /**
     * @description Number of records to retrieve per page
     * @example 100
     */
    pageSize: number;
    /**
     * @description Use summaryOnly=true in GET Contacts and Invoices endpoint to retrieve a smaller version of the response object. This returns only lightweight fields, excluding computation-heavy fields from the response, making the API calls quick and efficient.
     * @example true
     */
    summaryOnly: boolean;
    /**
     * @description Unique identifier for an Item
     * @example 00000000-0000-0000-0000-000000000000
     */
    ItemID: string;
    /**
     * @description Unique identifier for a Contact Group
     * @example 00000000-0000-0000-0000-000000000000
     */
    ContactGroupID: string;
    /**
     * @description Unique identifier for a Contact
     * @example 00000000-0000-0000-0000-000000000000
     */
    ContactID: string;
  };
  requestBodies: {
    /** @description HistoryRecords containing an array of HistoryRecord objects in body of request */
    historyRecords: {
      content: {
        /**
         * @example {
         *       "HistoryRecords": [
         *         {
         *           "Details": "Hello World"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['HistoryRecords'];
      };
    };
  };
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getOrganisations: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Organisation array with all Organisation */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "27b7a645-a3ee-43c8-b2c6-a2fa7b84c8c5",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552404447003)/",
           *       "Organisations": [
           *         {
           *           "APIKey": "CTJ60UH519MXQIXEJSDPDALS3EOZ5Y",
           *           "Name": "Dev Evangelist - Sid Test 3 (NZ-2016-02)",
           *           "LegalName": "Dev Evangelist - Sid Test 3 (NZ-2016-02)",
           *           "PaysTax": true,
           *           "Version": "NZ",
           *           "OrganisationType": "COMPANY",
           *           "BaseCurrency": "NZD",
           *           "CountryCode": "NZ",
           *           "IsDemoCompany": false,
           *           "OrganisationStatus": "ACTIVE",
           *           "TaxNumber": "071-138-054",
           *           "FinancialYearEndDay": 31,
           *           "FinancialYearEndMonth": 3,
           *           "SalesTaxBasis": "PAYMENTS",
           *           "SalesTaxPeriod": "TWOMONTHS",
           *           "DefaultSalesTax": "Tax Exclusive",
           *           "DefaultPurchasesTax": "Tax Exclusive",
           *           "PeriodLockDate": "/Date(1546214400000+0000)/",
           *           "EndOfYearLockDate": "/Date(1546214400000+0000)/",
           *           "CreatedDateUTC": "/Date(1455827393000)/",
           *           "OrganisationEntityType": "COMPANY",
           *           "Timezone": "NEWZEALANDSTANDARDTIME",
           *           "ShortCode": "!mBdtL",
           *           "OrganisationID": "b2c885a9-4bb9-4a00-9b6e-6c2bf60b1a2b",
           *           "Edition": "BUSINESS",
           *           "Class": "PREMIUM",
           *           "Addresses": [],
           *           "Phones": [],
           *           "ExternalLinks": [],
           *           "PaymentTerms": {}
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Organisations'];
        };
      };
    };
  };
  getAccounts: {
    parameters: {
      query?: {
        /**
         * @description Filter by an any element
         * @example Status==&quot;ACTIVE&quot; AND Type==&quot;BANK&quot;
         */
        where?: string;
        /**
         * @description Order by an any element
         * @example Name ASC
         */
        order?: string;
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description Only records created or modified since this timestamp will be returned
         * @example 2020-02-06T12:17:43.202-08:00
         */
        'If-Modified-Since'?: components['parameters']['ifModifiedSince'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Accounts array with 0 to n Account */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Accounts": [
           *         {
           *           "AccountID": "ebd06280-af70-4bed-97c6-7451a454ad85",
           *           "Code": "091",
           *           "Name": "Business Savings Account",
           *           "Type": "BANK",
           *           "TaxType": "NONE",
           *           "EnablePaymentsToAccount": false,
           *           "BankAccountNumber": "0209087654321050",
           *           "BankAccountType": "BANK",
           *           "CurrencyCode": "NZD"
           *         },
           *         {
           *           "AccountID": "7d05a53d-613d-4eb2-a2fc-dcb6adb80b80",
           *           "Code": "200",
           *           "Name": "Sales",
           *           "Type": "REVENUE",
           *           "TaxType": "OUTPUT2",
           *           "Description": "Income from any normal business activity",
           *           "EnablePaymentsToAccount": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Accounts'];
        };
      };
    };
  };
  createAccount: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description Account object in body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "Code": "123456",
         *       "Name": "Foobar",
         *       "Type": "EXPENSE",
         *       "Description": "Hello World"
         *     }
         */
        'application/json': components['schemas']['Account'];
      };
    };
    responses: {
      /** @description Success - created new Account and return response of type Accounts array with new Account */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "11814c9d-3b5e-492e-93b0-fad16bf3244f",
           *       "Status": "OK",
           *       "ProviderName": "Xero API Partner",
           *       "DateTimeUTC": "/Date(1550793549392)/",
           *       "Accounts": [
           *         {
           *           "AccountID": "66b262e2-561e-423e-8937-47d558f13442",
           *           "Code": "123456",
           *           "Name": "Foobar",
           *           "Status": "ACTIVE",
           *           "Type": "EXPENSE",
           *           "TaxType": "INPUT",
           *           "Description": "Hello World",
           *           "Class": "EXPENSE",
           *           "EnablePaymentsToAccount": false,
           *           "ShowInExpenseClaims": false,
           *           "ReportingCode": "EXP",
           *           "ReportingCodeName": "Expense",
           *           "UpdatedDateUTC": "/Date(1550793549320+0000)/"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Accounts'];
        };
      };
      /** @description Validation Error - some data was incorrect returns response of type Error */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "ErrorNumber": 10,
           *       "Type": "ValidationException",
           *       "Message": "A validation exception occurred",
           *       "Elements": [
           *         {
           *           "AccountID": "00000000-0000-0000-0000-000000000000",
           *           "Code": "123456",
           *           "Name": "Foobar",
           *           "Type": "EXPENSE",
           *           "Description": "Hello World",
           *           "ValidationErrors": [
           *             {
           *               "Message": "Please enter a unique Name."
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTaxRates: {
    parameters: {
      query?: {
        /**
         * @description Filter by an any element
         * @example Status=="ACTIVE"
         */
        where?: string;
        /**
         * @description Order by an any element
         * @example Name ASC
         */
        order?: string;
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type TaxRates array with TaxRates */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "455d494d-9706-465b-b584-7086ca406b27",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1555086839841)/",
           *       "TaxRates": [
           *         {
           *           "Name": "15% GST on Expenses",
           *           "TaxType": "INPUT2",
           *           "ReportTaxType": "INPUT",
           *           "CanApplyToAssets": true,
           *           "CanApplyToEquity": true,
           *           "CanApplyToExpenses": true,
           *           "CanApplyToLiabilities": true,
           *           "CanApplyToRevenue": false,
           *           "DisplayTaxRate": 15,
           *           "EffectiveRate": 15,
           *           "Status": "ACTIVE",
           *           "TaxComponents": [
           *             {
           *               "Name": "GST",
           *               "Rate": 15,
           *               "IsCompound": false,
           *               "IsNonRecoverable": false
           *             }
           *           ]
           *         },
           *         {
           *           "Name": "15% GST on Income",
           *           "TaxType": "OUTPUT2",
           *           "ReportTaxType": "OUTPUT",
           *           "CanApplyToAssets": true,
           *           "CanApplyToEquity": true,
           *           "CanApplyToExpenses": false,
           *           "CanApplyToLiabilities": true,
           *           "CanApplyToRevenue": true,
           *           "DisplayTaxRate": 15,
           *           "EffectiveRate": 15,
           *           "Status": "ACTIVE",
           *           "TaxComponents": [
           *             {
           *               "Name": "GST",
           *               "Rate": 15,
           *               "IsCompound": false,
           *               "IsNonRecoverable": false
           *             }
           *           ]
           *         },
           *         {
           *           "Name": "GST on Imports",
           *           "TaxType": "GSTONIMPORTS",
           *           "ReportTaxType": "GSTONIMPORTS",
           *           "CanApplyToAssets": false,
           *           "CanApplyToEquity": false,
           *           "CanApplyToExpenses": false,
           *           "CanApplyToLiabilities": true,
           *           "CanApplyToRevenue": false,
           *           "DisplayTaxRate": 0,
           *           "EffectiveRate": 0,
           *           "Status": "ACTIVE",
           *           "TaxComponents": [
           *             {
           *               "Name": "GST",
           *               "Rate": 0,
           *               "IsCompound": false,
           *               "IsNonRecoverable": false
           *             }
           *           ]
           *         },
           *         {
           *           "Name": "No GST",
           *           "TaxType": "NONE",
           *           "ReportTaxType": "NONE",
           *           "CanApplyToAssets": true,
           *           "CanApplyToEquity": true,
           *           "CanApplyToExpenses": true,
           *           "CanApplyToLiabilities": true,
           *           "CanApplyToRevenue": true,
           *           "DisplayTaxRate": 0,
           *           "EffectiveRate": 0,
           *           "Status": "ACTIVE",
           *           "TaxComponents": [
           *             {
           *               "Name": "GST",
           *               "Rate": 0,
           *               "IsCompound": false,
           *               "IsNonRecoverable": false
           *             }
           *           ]
           *         },
           *         {
           *           "Name": "Zero Rated",
           *           "TaxType": "ZERORATED",
           *           "ReportTaxType": "OUTPUT",
           *           "CanApplyToAssets": false,
           *           "CanApplyToEquity": false,
           *           "CanApplyToExpenses": false,
           *           "CanApplyToLiabilities": true,
           *           "CanApplyToRevenue": true,
           *           "DisplayTaxRate": 0,
           *           "EffectiveRate": 0,
           *           "Status": "ACTIVE",
           *           "TaxComponents": [
           *             {
           *               "Name": "GST",
           *               "Rate": 0,
           *               "IsCompound": false,
           *               "IsNonRecoverable": false
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['TaxRates'];
        };
      };
    };
  };
  createTaxRates: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description TaxRates array with TaxRate object in body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "TaxRates": [
         *         {
         *           "Name": "CA State Tax",
         *           "TaxComponents": [
         *             {
         *               "Name": "State Tax",
         *               "Rate": 2.25
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['TaxRates'];
      };
    };
    responses: {
      /** @description Success - return response of type TaxRates array newly created TaxRate */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "9d2c5e56-fab4-450b-a5ff-d47409508eab",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1555086839080)/",
           *       "TaxRates": [
           *         {
           *           "Name": "SDKTax29067",
           *           "TaxType": "TAX002",
           *           "ReportTaxType": "INPUT",
           *           "CanApplyToAssets": true,
           *           "CanApplyToEquity": true,
           *           "CanApplyToExpenses": true,
           *           "CanApplyToLiabilities": true,
           *           "CanApplyToRevenue": false,
           *           "DisplayTaxRate": 2.25,
           *           "EffectiveRate": 2.25,
           *           "Status": "ACTIVE",
           *           "TaxComponents": [
           *             {
           *               "Name": "State Tax",
           *               "Rate": 2.25,
           *               "IsCompound": false,
           *               "IsNonRecoverable": false
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['TaxRates'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  updateTaxRate: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "TaxRates": [
         *         {
         *           "Name": "State Tax NY",
         *           "TaxComponents": [
         *             {
         *               "Name": "State Tax",
         *               "Rate": 2.25
         *             }
         *           ],
         *           "Status": "DELETED",
         *           "ReportTaxType": "INPUT"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['TaxRates'];
      };
    };
    responses: {
      /** @description Success - return response of type TaxRates array updated TaxRate */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "12f4c453-2e25-41aa-a52f-6faaf6c05832",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1555086839658)/",
           *       "TaxRates": [
           *         {
           *           "Name": "SDKTax29067",
           *           "TaxType": "TAX002",
           *           "ReportTaxType": "INPUT",
           *           "CanApplyToAssets": true,
           *           "CanApplyToEquity": true,
           *           "CanApplyToExpenses": true,
           *           "CanApplyToLiabilities": true,
           *           "CanApplyToRevenue": false,
           *           "DisplayTaxRate": 2.25,
           *           "EffectiveRate": 2.25,
           *           "Status": "DELETED",
           *           "TaxComponents": [
           *             {
           *               "Name": "State Tax",
           *               "Rate": 2.25,
           *               "IsCompound": false,
           *               "IsNonRecoverable": false
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['TaxRates'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  getCurrencies: {
    parameters: {
      query?: {
        /**
         * @description Filter by an any element
         * @example Code=="USD"
         */
        where?: string;
        /**
         * @description Order by an any element
         * @example Code ASC
         */
        order?: string;
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Currencies array with all Currencies */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "e6803fc8-8035-4251-b3e4-39d6b2de0f4a",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552322853043)/",
           *       "Currencies": [
           *         {
           *           "Code": "NZD",
           *           "Description": "New Zealand Dollar"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Currencies'];
        };
      };
    };
  };
  createCurrency: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description Currency object in the body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "Code": "USD",
         *       "Description": "United States Dollar"
         *     }
         */
        'application/json': components['schemas']['Currency'];
      };
    };
    responses: {
      /** @description Unsupported - return response incorrect exception, API is not able to create new Currency */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Currencies": [
           *         {
           *           "Code": "USD",
           *           "Description": "United States Dollar"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Currencies'];
        };
      };
    };
  };
  getBrandingThemes: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type BrandingThemes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "d1a1beea-bdfe-4ee4-9dbc-27226a26cd68",
           *       "Status": "OK",
           *       "ProviderName": "Xero API Partner",
           *       "DateTimeUTC": "/Date(1550881711906)/",
           *       "BrandingThemes": [
           *         {
           *           "BrandingThemeID": "dabc7637-62c1-4941-8a6e-ee44fa5090e7",
           *           "Name": "Standard",
           *           "SortOrder": 0,
           *           "CreatedDateUTC": "/Date(1464967643813+0000)/"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['BrandingThemes'];
        };
      };
    };
  };
  getTrackingCategories: {
    parameters: {
      query?: {
        /**
         * @description Filter by an any element
         * @example Status=="ACTIVE"
         */
        where?: string;
        /**
         * @description Order by an any element
         * @example Name ASC
         */
        order?: string;
        /**
         * @description e.g. includeArchived=true - Categories and options with a status of ARCHIVED will be included in the response
         * @example true
         */
        includeArchived?: boolean;
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type TrackingCategories array of TrackingCategory */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "cec55068-8061-48e5-ac83-c77e7c54cf3d",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1555085855047)/",
           *       "TrackingCategories": [
           *         {
           *           "Name": "BarFoo",
           *           "Status": "ACTIVE",
           *           "TrackingCategoryID": "22f10184-0deb-44ae-a312-b1f6ea70e51f",
           *           "Options": []
           *         },
           *         {
           *           "Name": "HelloWorld",
           *           "Status": "ACTIVE",
           *           "TrackingCategoryID": "0c9fce3e-a111-4d99-803a-62cf3f40e633",
           *           "Options": []
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['TrackingCategories'];
        };
      };
    };
  };
  createTrackingCategory: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description TrackingCategory object in body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "FooBar"
         *     }
         */
        'application/json': components['schemas']['TrackingCategory'];
      };
    };
    responses: {
      /** @description Success - return response of type TrackingCategories array of newly created TrackingCategory */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "1a9f8e03-9916-4a42-93a9-e8fa4902d49c",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1555085855988)/",
           *       "TrackingCategories": [
           *         {
           *           "Name": "FooBar",
           *           "Status": "ACTIVE",
           *           "TrackingCategoryID": "b1df776b-b093-4730-b6ea-590cca40e723",
           *           "Options": []
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['TrackingCategories'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  getContacts: {
    parameters: {
      query?: {
        /**
         * @description Filter by an any element
         * @example ContactStatus==&quot;ACTIVE&quot;
         */
        where?: string;
        /**
         * @description Order by an any element
         * @example Name ASC
         */
        order?: string;
        /**
         * @description Filter by a comma separated list of ContactIDs. Allows you to retrieve a specific set of contacts in a single call.
         * @example &quot;00000000-0000-0000-0000-000000000000&quot;
         */
        IDs?: string[];
        /**
         * @description e.g. page=1 - Up to 100 contacts will be returned in a single API call.
         * @example 1
         */
        page?: number;
        /**
         * @description e.g. includeArchived=true - Contacts with a status of ARCHIVED will be included in the response
         * @example true
         */
        includeArchived?: boolean;
        /**
         * @description Use summaryOnly=true in GET Contacts and Invoices endpoint to retrieve a smaller version of the response object. This returns only lightweight fields, excluding computation-heavy fields from the response, making the API calls quick and efficient.
         * @example true
         */
        summaryOnly?: components['parameters']['summaryOnly'];
        /**
         * @description Search parameter that performs a case-insensitive text search across the Name, FirstName, LastName, ContactNumber and EmailAddress fields.
         * @example Joe Bloggs
         */
        searchTerm?: string;
        /**
         * @description Number of records to retrieve per page
         * @example 100
         */
        pageSize?: components['parameters']['pageSize'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description Only records created or modified since this timestamp will be returned
         * @example 2020-02-06T12:17:43.202-08:00
         */
        'If-Modified-Since'?: components['parameters']['ifModifiedSince'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Contacts array with 0 to N Contact */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "04e93d48-e72f-4775-b7dd-15a041fab972",
           *       "Status": "OK",
           *       "ProviderName": "Xero API Partner",
           *       "DateTimeUTC": "/Date(1551399323399)/",
           *       "pagination": {
           *         "page": 1,
           *         "pageSize": 100,
           *         "pageCount": 1,
           *         "itemCount": 2
           *       },
           *       "Contacts": [
           *         {
           *           "ContactID": "5cc8cf28-567e-4d43-b287-687cfcaec47c",
           *           "ContactStatus": "ACTIVE",
           *           "Name": "Katherine Warren",
           *           "FirstName": "Katherine",
           *           "LastName": "Warren",
           *           "CompanyNumber": "NumberBusiness1234",
           *           "EmailAddress": "kat.warren@clampett.com",
           *           "BankAccountDetails": "",
           *           "TaxNumber": "",
           *           "TaxNumbeType": "",
           *           "Addresses": [
           *             {
           *               "AddressType": "STREET",
           *               "City": "",
           *               "Region": "",
           *               "PostalCode": "",
           *               "Country": ""
           *             },
           *             {
           *               "AddressType": "POBOX",
           *               "AddressLine1": "",
           *               "AddressLine2": "",
           *               "AddressLine3": "",
           *               "AddressLine4": "",
           *               "City": "Palo Alto",
           *               "Region": "CA",
           *               "PostalCode": "94020",
           *               "Country": "United States"
           *             }
           *           ],
           *           "Phones": [
           *             {
           *               "PhoneType": "DDI",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "DEFAULT",
           *               "PhoneNumber": "847-1294",
           *               "PhoneAreaCode": "(626)",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "FAX",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "MOBILE",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             }
           *           ],
           *           "UpdatedDateUTC": "/Date(1503348544227+0000)/",
           *           "ContactGroups": [],
           *           "IsSupplier": true,
           *           "IsCustomer": true,
           *           "SalesDefaultLineAmountType": "INCLUSIVE",
           *           "PurchasesDefaultLineAmountType": "INCLUSIVE",
           *           "Balances": {
           *             "AccountsReceivable": {
           *               "Outstanding": 760,
           *               "Overdue": 920
           *             },
           *             "AccountsPayable": {
           *               "Outstanding": 231.6,
           *               "Overdue": 360
           *             }
           *           },
           *           "ContactPersons": [],
           *           "HasAttachments": false,
           *           "HasValidationErrors": false
           *         },
           *         {
           *           "ContactID": "3ec601ad-eddc-4ccb-a8ac-736e88293b1b",
           *           "ContactStatus": "ACTIVE",
           *           "Name": "Lisa Parker",
           *           "FirstName": "Lisa",
           *           "LastName": "Parker",
           *           "EmailAddress": "lparker@parkerandco.com",
           *           "BankAccountDetails": "",
           *           "TaxNumber": "",
           *           "TaxNumbeType": "",
           *           "Addresses": [
           *             {
           *               "AddressType": "STREET",
           *               "City": "",
           *               "Region": "",
           *               "PostalCode": "",
           *               "Country": ""
           *             },
           *             {
           *               "AddressType": "POBOX",
           *               "AddressLine1": "",
           *               "AddressLine2": "",
           *               "AddressLine3": "",
           *               "AddressLine4": "",
           *               "City": "Anchorage",
           *               "Region": "AK",
           *               "PostalCode": "99501",
           *               "Country": "United States"
           *             }
           *           ],
           *           "Phones": [
           *             {
           *               "PhoneType": "DDI",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "DEFAULT",
           *               "PhoneNumber": "266-3583",
           *               "PhoneAreaCode": "(510)",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "FAX",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "MOBILE",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             }
           *           ],
           *           "UpdatedDateUTC": "/Date(1503348546760+0000)/",
           *           "ContactGroups": [],
           *           "IsSupplier": false,
           *           "IsCustomer": false,
           *           "ContactPersons": [],
           *           "HasAttachments": false,
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Contacts'];
        };
      };
    };
  };
  createContacts: {
    parameters: {
      query?: {
        /**
         * @description If false return 200 OK and mix of successfully created objects and any with validation errors
         * @example true
         */
        summarizeErrors?: components['parameters']['summarizeErrors'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description Contacts with an array of Contact objects to create in body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "Contacts": [
         *         {
         *           "ContactID": "3ff6d40c-af9a-40a3-89ce-3c1556a25591",
         *           "ContactStatus": "ACTIVE",
         *           "Name": "Foo9987",
         *           "EmailAddress": "sid32476@blah.com",
         *           "BankAccountDetails": "",
         *           "Addresses": [
         *             {
         *               "AddressType": "STREET",
         *               "City": "",
         *               "Region": "",
         *               "PostalCode": "",
         *               "Country": ""
         *             },
         *             {
         *               "AddressType": "POBOX",
         *               "City": "",
         *               "Region": "",
         *               "PostalCode": "",
         *               "Country": ""
         *             }
         *           ],
         *           "Phones": [
         *             {
         *               "PhoneType": "DEFAULT",
         *               "PhoneNumber": "",
         *               "PhoneAreaCode": "",
         *               "PhoneCountryCode": ""
         *             },
         *             {
         *               "PhoneType": "DDI",
         *               "PhoneNumber": "",
         *               "PhoneAreaCode": "",
         *               "PhoneCountryCode": ""
         *             },
         *             {
         *               "PhoneType": "FAX",
         *               "PhoneNumber": "",
         *               "PhoneAreaCode": "",
         *               "PhoneCountryCode": ""
         *             },
         *             {
         *               "PhoneType": "MOBILE",
         *               "PhoneNumber": "555-1212",
         *               "PhoneAreaCode": "415",
         *               "PhoneCountryCode": ""
         *             }
         *           ],
         *           "UpdatedDateUTC": "/Date(1551399321043+0000)/",
         *           "ContactGroups": [],
         *           "IsSupplier": false,
         *           "IsCustomer": false,
         *           "SalesTrackingCategories": [],
         *           "PurchasesTrackingCategories": [],
         *           "PaymentTerms": {
         *             "Bills": {
         *               "Day": 15,
         *               "Type": "OFCURRENTMONTH"
         *             },
         *             "Sales": {
         *               "Day": 10,
         *               "Type": "DAYSAFTERBILLMONTH"
         *             }
         *           },
         *           "ContactPersons": []
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Contacts'];
      };
    };
    responses: {
      /** @description Success - return response of type Contacts array with newly created Contact */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "e997d6d7-6dad-4458-beb8-d9c1bf7f2edf",
           *       "Status": "OK",
           *       "ProviderName": "Xero API Partner",
           *       "DateTimeUTC": "/Date(1551399321121)/",
           *       "Contacts": [
           *         {
           *           "ContactID": "3ff6d40c-af9a-40a3-89ce-3c1556a25591",
           *           "ContactStatus": "ACTIVE",
           *           "CompanyNumber": "NumberBusiness1234",
           *           "Name": "Foo9987",
           *           "EmailAddress": "sid32476@blah.com",
           *           "BankAccountDetails": "",
           *           "Addresses": [
           *             {
           *               "AddressType": "STREET",
           *               "City": "",
           *               "Region": "",
           *               "PostalCode": "",
           *               "Country": ""
           *             },
           *             {
           *               "AddressType": "POBOX",
           *               "City": "",
           *               "Region": "",
           *               "PostalCode": "",
           *               "Country": ""
           *             }
           *           ],
           *           "Phones": [
           *             {
           *               "PhoneType": "DEFAULT",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "DDI",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "FAX",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "MOBILE",
           *               "PhoneNumber": "555-1212",
           *               "PhoneAreaCode": "415",
           *               "PhoneCountryCode": ""
           *             }
           *           ],
           *           "UpdatedDateUTC": "/Date(1551399321043+0000)/",
           *           "ContactGroups": [],
           *           "IsSupplier": false,
           *           "IsCustomer": false,
           *           "SalesDefaultLineAmountType": "INCLUSIVE",
           *           "PurchasesDefaultLineAmountType": "INCLUSIVE",
           *           "SalesTrackingCategories": [],
           *           "PurchasesTrackingCategories": [],
           *           "PaymentTerms": {
           *             "Bills": {
           *               "Day": 15,
           *               "Type": "OFCURRENTMONTH"
           *             },
           *             "Sales": {
           *               "Day": 10,
           *               "Type": "DAYSAFTERBILLMONTH"
           *             }
           *           },
           *           "ContactPersons": [],
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Contacts'];
        };
      };
      /** @description Validation Error - some data was incorrect returns response of type Error */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "ErrorNumber": 10,
           *       "Type": "ValidationException",
           *       "Message": "A validation exception occurred",
           *       "Elements": [
           *         {
           *           "ContactID": "00000000-0000-0000-0000-000000000000",
           *           "AccountNumber": "12345-ABCD",
           *           "Name": "Buzz Lightyear",
           *           "EmailAddress": "buzzlightyear@email.com",
           *           "AccountsReceivableTaxType": "NONE",
           *           "AccountsPayableTaxType": "INPUT",
           *           "Addresses": [
           *             {
           *               "AddressType": "STREET",
           *               "AddressLine1": "101 Green St",
           *               "AddressLine2": "5th floor",
           *               "City": "San Francisco",
           *               "Region": "CA",
           *               "PostalCode": "94041",
           *               "Country": "US",
           *               "AttentionTo": "Rod Drury",
           *               "ValidationErrors": []
           *             }
           *           ],
           *           "Phones": [
           *             {
           *               "PhoneType": "MOBILE",
           *               "PhoneNumber": "555-1212",
           *               "PhoneAreaCode": "415",
           *               "ValidationErrors": []
           *             }
           *           ],
           *           "ContactGroups": [],
           *           "PaymentTerms": {
           *             "Bills": {
           *               "Day": 15,
           *               "Type": "OFCURRENTMONTH",
           *               "ValidationErrors": []
           *             },
           *             "Sales": {
           *               "Day": 10,
           *               "Type": "DAYSAFTERBILLMONTH",
           *               "ValidationErrors": []
           *             }
           *           },
           *           "ContactPersons": [],
           *           "HasValidationErrors": true,
           *           "ValidationErrors": [
           *             {
           *               "Message": "The contact name Buzz Lightyear is already assigned to another contact. The contact name must be unique across all active contacts."
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  updateOrCreateContacts: {
    parameters: {
      query?: {
        /**
         * @description If false return 200 OK and mix of successfully created objects and any with validation errors
         * @example true
         */
        summarizeErrors?: components['parameters']['summarizeErrors'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "Contacts": [
         *         {
         *           "Name": "Bruce Banner",
         *           "EmailAddress": "hulk@avengers.com",
         *           "Phones": [
         *             {
         *               "PhoneType": "MOBILE",
         *               "PhoneNumber": "555-1212",
         *               "PhoneAreaCode": "415"
         *             }
         *           ],
         *           "PaymentTerms": {
         *             "Bills": {
         *               "Day": 15,
         *               "Type": "OFCURRENTMONTH"
         *             },
         *             "Sales": {
         *               "Day": 10,
         *               "Type": "DAYSAFTERBILLMONTH"
         *             }
         *           }
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Contacts'];
      };
    };
    responses: {
      /** @description Success - return response of type Contacts array with newly created Contact */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "e997d6d7-6dad-4458-beb8-d9c1bf7f2edf",
           *       "Status": "OK",
           *       "ProviderName": "Xero API Partner",
           *       "DateTimeUTC": "/Date(1551399321121)/",
           *       "Contacts": [
           *         {
           *           "ContactID": "00000000-0000-0000-0000-000000000000",
           *           "ContactStatus": "ACTIVE",
           *           "Name": "Bruce Banner",
           *           "CompanyNumber": "NumberBusiness1234",
           *           "EmailAddress": "bruce@banner.com",
           *           "BankAccountDetails": "",
           *           "Addresses": [
           *             {
           *               "AddressType": "STREET",
           *               "City": "",
           *               "Region": "",
           *               "PostalCode": "",
           *               "Country": ""
           *             },
           *             {
           *               "AddressType": "POBOX",
           *               "City": "",
           *               "Region": "",
           *               "PostalCode": "",
           *               "Country": ""
           *             }
           *           ],
           *           "Phones": [
           *             {
           *               "PhoneType": "DEFAULT",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "DDI",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "FAX",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "MOBILE",
           *               "PhoneNumber": "555-1212",
           *               "PhoneAreaCode": "415",
           *               "PhoneCountryCode": ""
           *             }
           *           ],
           *           "UpdatedDateUTC": "/Date(1551399321043+0000)/",
           *           "ContactGroups": [],
           *           "IsSupplier": false,
           *           "IsCustomer": false,
           *           "SalesDefaultLineAmountType": "INCLUSIVE",
           *           "PurchasesDefaultLineAmountType": "INCLUSIVE",
           *           "SalesTrackingCategories": [],
           *           "PurchasesTrackingCategories": [],
           *           "PaymentTerms": {
           *             "Bills": {
           *               "Day": 15,
           *               "Type": "OFCURRENTMONTH"
           *             },
           *             "Sales": {
           *               "Day": 10,
           *               "Type": "DAYSAFTERBILLMONTH"
           *             }
           *           },
           *           "ContactPersons": [],
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Contacts'];
        };
      };
      /** @description Validation Error - some data was incorrect returns response of type Error */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "ErrorNumber": 10,
           *       "Type": "ValidationException",
           *       "Message": "A validation exception occurred",
           *       "Elements": [
           *         {
           *           "ContactID": "00000000-0000-0000-0000-000000000000",
           *           "AccountNumber": "12345-ABCD",
           *           "Name": "Buzz Lightyear",
           *           "EmailAddress": "buzzlightyear@email.com",
           *           "AccountsReceivableTaxType": "NONE",
           *           "AccountsPayableTaxType": "INPUT",
           *           "Addresses": [
           *             {
           *               "AddressType": "STREET",
           *               "AddressLine1": "101 Green St",
           *               "AddressLine2": "5th floor",
           *               "City": "San Francisco",
           *               "Region": "CA",
           *               "PostalCode": "94041",
           *               "Country": "US",
           *               "AttentionTo": "Rod Drury",
           *               "ValidationErrors": []
           *             }
           *           ],
           *           "Phones": [
           *             {
           *               "PhoneType": "MOBILE",
           *               "PhoneNumber": "555-1212",
           *               "PhoneAreaCode": "415",
           *               "ValidationErrors": []
           *             }
           *           ],
           *           "ContactGroups": [],
           *           "PaymentTerms": {
           *             "Bills": {
           *               "Day": 15,
           *               "Type": "OFCURRENTMONTH",
           *               "ValidationErrors": []
           *             },
           *             "Sales": {
           *               "Day": 10,
           *               "Type": "DAYSAFTERBILLMONTH",
           *               "ValidationErrors": []
           *             }
           *           },
           *           "ContactPersons": [],
           *           "HasValidationErrors": true,
           *           "ValidationErrors": [
           *             {
           *               "Message": "The contact name Buzz Lightyear is already assigned to another contact. The contact name must be unique across all active contacts."
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getContact: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for a Contact
         * @example 00000000-0000-0000-0000-000000000000
         */
        ContactID: components['parameters']['ContactID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Contacts array with a unique Contact */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "5c83b115-a6e8-4f2a-877f-ba63d009235b",
           *       "Status": "OK",
           *       "ProviderName": "Xero API Partner",
           *       "DateTimeUTC": "/Date(1551462703288)/",
           *       "Contacts": [
           *         {
           *           "ContactID": "8138a266-fb42-49b2-a104-014b7045753d",
           *           "ContactNumber": "SB2",
           *           "AccountNumber": "1234567",
           *           "ContactStatus": "ACTIVE",
           *           "Name": "Acme Parts Co.",
           *           "FirstName": "Blake",
           *           "LastName": "Kohler",
           *           "CompanyNumber": "NumberBusiness1234",
           *           "EmailAddress": "bk@krave.co",
           *           "BankAccountDetails": "12334567",
           *           "TaxNumber": "123-22-3456",
           *           "AccountsReceivableTaxType": "TAX003",
           *           "AccountsPayableTaxType": "TAX022",
           *           "Addresses": [
           *             {
           *               "AddressType": "STREET",
           *               "AddressLine1": "123 Fake Street",
           *               "City": "Vancouver",
           *               "Region": "British Columbia",
           *               "PostalCode": "V6B 2T4",
           *               "Country": "",
           *               "AttentionTo": ""
           *             },
           *             {
           *               "AddressType": "POBOX",
           *               "AddressLine1": "1234 Fake Street",
           *               "City": "Vancouver",
           *               "Region": "British Columbia",
           *               "PostalCode": "V6B 2T4",
           *               "Country": "",
           *               "AttentionTo": "Blake"
           *             }
           *           ],
           *           "Phones": [
           *             {
           *               "PhoneType": "DDI",
           *               "PhoneNumber": "489-44493",
           *               "PhoneAreaCode": "345",
           *               "PhoneCountryCode": "4"
           *             },
           *             {
           *               "PhoneType": "DEFAULT",
           *               "PhoneNumber": "408-0914",
           *               "PhoneAreaCode": "604",
           *               "PhoneCountryCode": "1"
           *             },
           *             {
           *               "PhoneType": "FAX",
           *               "PhoneNumber": "123-9933",
           *               "PhoneAreaCode": "123",
           *               "PhoneCountryCode": "2"
           *             },
           *             {
           *               "PhoneType": "MOBILE",
           *               "PhoneNumber": "999-44",
           *               "PhoneAreaCode": "234",
           *               "PhoneCountryCode": "3"
           *             }
           *           ],
           *           "UpdatedDateUTC": "/Date(1551459777193+0000)/",
           *           "ContactGroups": [],
           *           "IsSupplier": true,
           *           "IsCustomer": true,
           *           "SalesDefaultLineAmountType": "INCLUSIVE",
           *           "PurchasesDefaultLineAmountType": "INCLUSIVE",
           *           "DefaultCurrency": "USD",
           *           "Discount": 13,
           *           "Website": "http://www.google.com",
           *           "BrandingTheme": {
           *             "BrandingThemeID": "dabc7637-62c1-4941-8a6e-ee44fa5090e7",
           *             "Name": "Standard"
           *           },
           *           "PurchasesDefaultAccountCode": "660",
           *           "SalesDefaultAccountCode": "002",
           *           "BatchPayments": {
           *             "BankAccountNumber": "12334567",
           *             "BankAccountName": "Citi Bank",
           *             "Details": "biz checking",
           *             "Code": "",
           *             "Reference": ""
           *           },
           *           "Balances": {
           *             "AccountsReceivable": {
           *               "Outstanding": 118.9,
           *               "Overdue": 136.9
           *             },
           *             "AccountsPayable": {
           *               "Outstanding": -43.6,
           *               "Overdue": 40
           *             }
           *           },
           *           "PaymentTerms": {
           *             "Bills": {
           *               "Day": 12,
           *               "Type": "OFFOLLOWINGMONTH"
           *             },
           *             "Sales": {
           *               "Day": 14,
           *               "Type": "OFCURRENTMONTH"
           *             }
           *           },
           *           "ContactPersons": [
           *             {
           *               "FirstName": "Sue",
           *               "LastName": "Johnson",
           *               "EmailAddress": "sue.johnson@krave.com",
           *               "IncludeInEmails": true
           *             }
           *           ],
           *           "HasAttachments": true,
           *           "Attachments": [
           *             {
           *               "AttachmentID": "04e0a3e3-b116-456a-9f32-9706f0d33afa",
           *               "FileName": "sample5.jpg",
           *               "Url": "https://api.xero.com/api.xro/2.0/contact/8138a266-fb42-49b2-a104-014b7045753d/Attachments/sample5.jpg",
           *               "MimeType": "image/jpg",
           *               "ContentLength": 2878711
           *             }
           *           ],
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Contacts'];
        };
      };
    };
  };
  updateContact: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path: {
        /**
         * @description Unique identifier for a Contact
         * @example 00000000-0000-0000-0000-000000000000
         */
        ContactID: components['parameters']['ContactID'];
      };
      cookie?: never;
    };
    /** @description an array of Contacts containing single Contact object with properties to update */
    requestBody: {
      content: {
        /**
         * @example {
         *       "Contacts": [
         *         {
         *           "ContactID": "00000000-0000-0000-0000-000000000000",
         *           "Name": "Thanos"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Contacts'];
      };
    };
    responses: {
      /** @description Success - return response of type Contacts array with an updated Contact */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "4166b727-c3f0-4881-acd0-d4f7c0e8fcda",
           *       "Status": "OK",
           *       "ProviderName": "Xero API Partner",
           *       "DateTimeUTC": "/Date(1551400031795)/",
           *       "Contacts": [
           *         {
           *           "ContactID": "d5be01fb-b09f-4c3a-9c67-e10c2a03412c",
           *           "ContactStatus": "ACTIVE",
           *           "Name": "FooBar",
           *           "EmailAddress": "sid30680@blah.com",
           *           "BankAccountDetails": "",
           *           "Addresses": [
           *             {
           *               "AddressType": "STREET",
           *               "City": "",
           *               "Region": "",
           *               "PostalCode": "",
           *               "Country": ""
           *             },
           *             {
           *               "AddressType": "POBOX",
           *               "City": "",
           *               "Region": "",
           *               "PostalCode": "",
           *               "Country": ""
           *             }
           *           ],
           *           "Phones": [
           *             {
           *               "PhoneType": "DEFAULT",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "DDI",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "FAX",
           *               "PhoneNumber": "",
           *               "PhoneAreaCode": "",
           *               "PhoneCountryCode": ""
           *             },
           *             {
           *               "PhoneType": "MOBILE",
           *               "PhoneNumber": "555-1212",
           *               "PhoneAreaCode": "415",
           *               "PhoneCountryCode": ""
           *             }
           *           ],
           *           "UpdatedDateUTC": "/Date(1551400031763+0000)/",
           *           "ContactGroups": [],
           *           "IsSupplier": false,
           *           "IsCustomer": false,
           *           "SalesDefaultLineAmountType": "INCLUSIVE",
           *           "PurchasesDefaultLineAmountType": "INCLUSIVE",
           *           "SalesTrackingCategories": [],
           *           "PurchasesTrackingCategories": [],
           *           "PaymentTerms": {
           *             "Bills": {
           *               "Day": 15,
           *               "Type": "OFCURRENTMONTH"
           *             },
           *             "Sales": {
           *               "Day": 10,
           *               "Type": "DAYSAFTERBILLMONTH"
           *             }
           *           },
           *           "ContactPersons": [],
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Contacts'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  getContactGroups: {
    parameters: {
      query?: {
        /**
         * @description Filter by an any element
         * @example Status=="ACTIVE"
         */
        where?: string;
        /**
         * @description Order by an any element
         * @example Name ASC
         */
        order?: string;
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Contact Groups array of Contact Group */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "b825df86-1a72-49c9-97dd-36afc7d04bd5",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1551746015603)/",
           *       "ContactGroups": [
           *         {
           *           "ContactGroupID": "d7a86b80-8dac-4d89-a334-9dcf5753676c",
           *           "Name": "Suppliers",
           *           "Status": "ACTIVE",
           *           "Contacts": [],
           *           "HasValidationErrors": false
           *         },
           *         {
           *           "ContactGroupID": "ab089fd4-012f-4043-a6e4-e7be01e87e50",
           *           "Name": "Old Group84262",
           *           "Status": "ACTIVE",
           *           "Contacts": [],
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ContactGroups'];
        };
      };
    };
  };
  createContactGroup: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description ContactGroups with an array of names in request body */
    requestBody: {
      content: {
        /**
         * @example {
         *       "ContactGroups": [
         *         {
         *           "Name": "VIPs"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['ContactGroups'];
      };
    };
    responses: {
      /** @description Success - return response of type Contact Groups array of newly created Contact Group */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "5afe53f9-2271-45b8-9767-88d023b71d34",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1551745740920)/",
           *       "ContactGroups": [
           *         {
           *           "ContactGroupID": "d7a86b80-8dac-4d89-a334-9dcf5753676c",
           *           "Name": "Suppliers",
           *           "Status": "ACTIVE",
           *           "Contacts": [],
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ContactGroups'];
        };
      };
      /** @description Validation Error - some data was incorrect returns response of type Error */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "ErrorNumber": 10,
           *       "Type": "ValidationException",
           *       "Message": "A validation exception occurred",
           *       "Elements": [
           *         {
           *           "ContactGroupID": "00000000-0000-0000-0000-000000000000",
           *           "Name": "Suppliers",
           *           "Contacts": [],
           *           "HasValidationErrors": true,
           *           "ValidationErrors": [
           *             {
           *               "Message": "You’ve reached the limit of 100 contact groups."
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getContactGroup: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for a Contact Group
         * @example 00000000-0000-0000-0000-000000000000
         */
        ContactGroupID: components['parameters']['ContactGroupID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Contact Groups array with a specific Contact Group */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "079c14f6-2c2d-464e-a2c7-0edf7e465723",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1551746772976)/",
           *       "ContactGroups": [
           *         {
           *           "ContactGroupID": "17b44ed7-4389-4162-91cb-3dd5766e4e22",
           *           "Name": "Oasis",
           *           "Status": "ACTIVE",
           *           "Contacts": [
           *             {
           *               "ContactID": "4e1753b9-018a-4775-b6aa-1bc7871cfee3",
           *               "Name": "Noel Gallagher",
           *               "Addresses": [],
           *               "Phones": [],
           *               "ContactGroups": [],
           *               "ContactPersons": [],
           *               "HasValidationErrors": false
           *             },
           *             {
           *               "ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8",
           *               "Name": "Liam Gallagher",
           *               "Addresses": [],
           *               "Phones": [],
           *               "ContactGroups": [],
           *               "ContactPersons": [],
           *               "HasValidationErrors": false
           *             }
           *           ],
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ContactGroups'];
        };
      };
    };
  };
  updateContactGroup: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path: {
        /**
         * @description Unique identifier for a Contact Group
         * @example 00000000-0000-0000-0000-000000000000
         */
        ContactGroupID: components['parameters']['ContactGroupID'];
      };
      cookie?: never;
    };
    /** @description an array of Contact groups with Name of specific group to update */
    requestBody: {
      content: {
        /**
         * @example {
         *       "ContactGroups": [
         *         {
         *           "Name": "Suppliers"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['ContactGroups'];
      };
    };
    responses: {
      /** @description Success - return response of type Contact Groups array of updated Contact Group */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "b1ba6cdb-1637-4209-bb92-bd0c593f3243",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1551746288544)/",
           *       "ContactGroups": [
           *         {
           *           "ContactGroupID": "13f47537-7c1d-4e62-966e-617d76558fc5",
           *           "Name": "Supplier Vendor",
           *           "Status": "ACTIVE",
           *           "Contacts": [],
           *           "HasValidationErrors": false
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ContactGroups'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  createContactGroupContacts: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path: {
        /**
         * @description Unique identifier for a Contact Group
         * @example 00000000-0000-0000-0000-000000000000
         */
        ContactGroupID: components['parameters']['ContactGroupID'];
      };
      cookie?: never;
    };
    /** @description Contacts with array of contacts specifying the ContactID to be added to ContactGroup in body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "Contacts": [
         *         {
         *           "ContactID": "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7"
         *         },
         *         {
         *           "ContactID": "4e1753b9-018a-4775-b6aa-1bc7871cfee3"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Contacts'];
      };
    };
    responses: {
      /** @description Success - return response of type Contacts array of added Contacts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "99db8024-6895-45c8-a1b5-54805aa8689c",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1551747495785)/",
           *       "Contacts": [
           *         {
           *           "ContactID": "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7",
           *           "Addresses": [],
           *           "Phones": [],
           *           "ContactGroups": [],
           *           "ContactPersons": [],
           *           "HasValidationErrors": false,
           *           "ValidationErrors": []
           *         },
           *         {
           *           "ContactID": "4e1753b9-018a-4775-b6aa-1bc7871cfee3",
           *           "Addresses": [],
           *           "Phones": [],
           *           "ContactGroups": [],
           *           "ContactPersons": [],
           *           "HasValidationErrors": false,
           *           "ValidationErrors": []
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Contacts'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  deleteContactGroupContacts: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for a Contact Group
         * @example 00000000-0000-0000-0000-000000000000
         */
        ContactGroupID: components['parameters']['ContactGroupID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response 204 no content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getItems: {
    parameters: {
      query?: {
        /**
         * @description Filter by an any element
         * @example IsSold==true
         */
        where?: string;
        /**
         * @description Order by an any element
         * @example Code ASC
         */
        order?: string;
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description Only records created or modified since this timestamp will be returned
         * @example 2020-02-06T12:17:43.202-08:00
         */
        'If-Modified-Since'?: components['parameters']['ifModifiedSince'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Items array with all Item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "8487e8d7-5fb3-4f02-b949-dec8f1e38182",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552331874897)/",
           *       "Items": [
           *         {
           *           "ItemID": "c8c54d65-f3f2-452d-926e-bf450b12fb07",
           *           "Code": "123",
           *           "Description": "Guitars Fender Strat",
           *           "UpdatedDateUTC": "/Date(1551981476267+0000)/",
           *           "PurchaseDetails": {},
           *           "SalesDetails": {
           *             "UnitPrice": 5000,
           *             "AccountCode": "200",
           *             "TaxType": "OUTPUT2"
           *           },
           *           "Name": "Guitars",
           *           "IsTrackedAsInventory": false,
           *           "IsSold": true,
           *           "IsPurchased": false
           *         },
           *         {
           *           "ItemID": "a4544d51-48f6-441f-a623-99ecbced6ab7",
           *           "Code": "abc65591",
           *           "Description": "Barfoo",
           *           "UpdatedDateUTC": "/Date(1552331873580+0000)/",
           *           "PurchaseDetails": {},
           *           "SalesDetails": {},
           *           "Name": "Hello11350",
           *           "IsTrackedAsInventory": false,
           *           "IsSold": true,
           *           "IsPurchased": true
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Items'];
        };
      };
    };
  };
  createItems: {
    parameters: {
      query?: {
        /**
         * @description If false return 200 OK and mix of successfully created objects and any with validation errors
         * @example true
         */
        summarizeErrors?: components['parameters']['summarizeErrors'];
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description Items with an array of Item objects in body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "Items": [
         *         {
         *           "Code": "code123",
         *           "Name": "Item Name XYZ",
         *           "Description": "Foobar",
         *           "InventoryAssetAccountCode": "140",
         *           "PurchaseDetails": {
         *             "COGSAccountCode": "500"
         *           }
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Items'];
      };
    };
    responses: {
      /** @description Success - return response of type Items array with newly created Item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "ae7ef7c8-9024-4d42-8d59-5f26ed3f508b",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552331871904)/",
           *       "Items": [
           *         {
           *           "ItemID": "a4544d51-48f6-441f-a623-99ecbced6ab7",
           *           "Code": "abc65591",
           *           "Description": "foobar",
           *           "UpdatedDateUTC": "/Date(1552331871707)/",
           *           "PurchaseDetails": {},
           *           "SalesDetails": {},
           *           "Name": "Hello11350",
           *           "IsTrackedAsInventory": false,
           *           "IsSold": true,
           *           "IsPurchased": true,
           *           "ValidationErrors": [
           *             {
           *               "Message": "Price List Item with Code ''abc'' already exists"
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Items'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  updateOrCreateItems: {
    parameters: {
      query?: {
        /**
         * @description If false return 200 OK and mix of successfully created objects and any with validation errors
         * @example true
         */
        summarizeErrors?: components['parameters']['summarizeErrors'];
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "Items": [
         *         {
         *           "Code": "ItemCode123",
         *           "Name": "ItemName XYZ",
         *           "Description": "Item Description ABC"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Items'];
      };
    };
    responses: {
      /** @description Success - return response of type Items array with newly created Item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "ae7ef7c8-9024-4d42-8d59-5f26ed3f508b",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552331871904)/",
           *       "Items": [
           *         {
           *           "ItemID": "a4544d51-48f6-441f-a623-99ecbced6ab7",
           *           "Code": "abc65591",
           *           "Description": "foobar",
           *           "UpdatedDateUTC": "/Date(1552331871707)/",
           *           "PurchaseDetails": {},
           *           "SalesDetails": {},
           *           "Name": "Hello11350",
           *           "IsTrackedAsInventory": false,
           *           "IsSold": true,
           *           "IsPurchased": true,
           *           "ValidationErrors": [
           *             {
           *               "Message": "Price List Item with Code ''abc'' already exists"
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Items'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  getItem: {
    parameters: {
      query?: {
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for an Item
         * @example 00000000-0000-0000-0000-000000000000
         */
        ItemID: components['parameters']['ItemID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Items array with specified Item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "0bbd8a92-9ba7-4711-8040-8d6a609ca7e8",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552333420160)/",
           *       "Items": [
           *         {
           *           "ItemID": "c8c54d65-f3f2-452d-926e-bf450b12fb07",
           *           "Code": "123",
           *           "Description": "Guitars Fender Strat",
           *           "PurchaseDescription": "Brand new Fender Strats",
           *           "UpdatedDateUTC": "/Date(1552333309387+0000)/",
           *           "PurchaseDetails": {
           *             "UnitPrice": 2500,
           *             "COGSAccountCode": "310",
           *             "TaxType": "INPUT2"
           *           },
           *           "SalesDetails": {
           *             "UnitPrice": 5000,
           *             "AccountCode": "200",
           *             "TaxType": "OUTPUT2"
           *           },
           *           "Name": "Guitars",
           *           "IsTrackedAsInventory": true,
           *           "InventoryAssetAccountCode": "630",
           *           "TotalCostPool": 25000,
           *           "QuantityOnHand": 10,
           *           "IsSold": true,
           *           "IsPurchased": true,
           *           "ValidationErrors": []
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Items'];
        };
      };
    };
  };
  updateItem: {
    parameters: {
      query?: {
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path: {
        /**
         * @description Unique identifier for an Item
         * @example 00000000-0000-0000-0000-000000000000
         */
        ItemID: components['parameters']['ItemID'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "Items": [
         *         {
         *           "Code": "ItemCode123",
         *           "Description": "Description 123"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Items'];
      };
    };
    responses: {
      /** @description Success - return response of type Items array with updated Item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "24feb629-6b14-499e-9aa1-fc2c596c0280",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552332558975)/",
           *       "Items": [
           *         {
           *           "ItemID": "a7e87086-e0ae-4df2-83d7-e26e9a6b7786",
           *           "Code": "abc38306",
           *           "Description": "Hello Xero",
           *           "UpdatedDateUTC": "/Date(1552332558924)/",
           *           "PurchaseDetails": {},
           *           "SalesDetails": {},
           *           "Name": "Hello8746",
           *           "IsTrackedAsInventory": false,
           *           "IsSold": true,
           *           "IsPurchased": true,
           *           "ValidationErrors": []
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Items'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  deleteItem: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for an Item
         * @example 00000000-0000-0000-0000-000000000000
         */
        ItemID: components['parameters']['ItemID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response 204 no content */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['400Error'];
    };
  };
  getInvoices: {
    parameters: {
      query?: {
        /**
         * @description Filter by an any element
         * @example Status=="DRAFT"
         */
        where?: string;
        /**
         * @description Order by an any element
         * @example InvoiceNumber ASC
         */
        order?: string;
        /**
         * @description Filter by a comma-separated list of InvoicesIDs.
         * @example &quot;00000000-0000-0000-0000-000000000000&quot;
         */
        IDs?: string[];
        /**
         * @description Filter by a comma-separated list of InvoiceNumbers.
         * @example &quot;INV-001&quot;, &quot;INV-002&quot;
         */
        InvoiceNumbers?: string[];
        /**
         * @description Filter by a comma-separated list of ContactIDs.
         * @example &quot;00000000-0000-0000-0000-000000000000&quot;
         */
        ContactIDs?: string[];
        /**
         * @description Filter by a comma-separated list Statuses. For faster response times we recommend using these explicit parameters instead of passing OR conditions into the Where filter.
         * @example &quot;DRAFT&quot;, &quot;SUBMITTED&quot;
         */
        Statuses?: string[];
        /**
         * @description e.g. page=1 – Up to 100 invoices will be returned in a single API call with line items shown for each invoice
         * @example 1
         */
        page?: number;
        /**
         * @description e.g. includeArchived=true - Invoices with a status of ARCHIVED will be included in the response
         * @example true
         */
        includeArchived?: boolean;
        /**
         * @description When set to true you'll only retrieve Invoices created by your app
         * @example false
         */
        createdByMyApp?: boolean;
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
        /**
         * @description Use summaryOnly=true in GET Contacts and Invoices endpoint to retrieve a smaller version of the response object. This returns only lightweight fields, excluding computation-heavy fields from the response, making the API calls quick and efficient.
         * @example true
         */
        summaryOnly?: components['parameters']['summaryOnly'];
        /**
         * @description Number of records to retrieve per page
         * @example 100
         */
        pageSize?: components['parameters']['pageSize'];
        /**
         * @description Search parameter that performs a case-insensitive text search across the fields e.g. InvoiceNumber, Reference.
         * @example SearchTerm=REF12
         */
        searchTerm?: components['parameters']['searchTerm'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description Only records created or modified since this timestamp will be returned
         * @example 2020-02-06T12:17:43.202-08:00
         */
        'If-Modified-Since'?: components['parameters']['ifModifiedSince'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Invoices array with all Invoices */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "900c500b-e83c-4ce2-902a-b8ba04751748",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552326816230)/",
           *       "pagination": {
           *         "page": 1,
           *         "pageSize": 100,
           *         "pageCount": 1,
           *         "itemCount": 3
           *       },
           *       "Invoices": [
           *         {
           *           "Type": "ACCREC",
           *           "InvoiceID": "d4956132-ed94-4dd7-9eaa-aa22dfdf06f2",
           *           "InvoiceNumber": "INV-0001",
           *           "Reference": "Red Fish, Blue Fish",
           *           "Payments": [],
           *           "CreditNotes": [],
           *           "Prepayments": [],
           *           "Overpayments": [],
           *           "AmountDue": 0,
           *           "AmountPaid": 0,
           *           "AmountCredited": 0,
           *           "SentToContact": true,
           *           "CurrencyRate": 1,
           *           "HasErrors": false,
           *           "IsDiscounted": false,
           *           "HasAttachments": false,
           *           "RepeatingInvoiceID": "428c0d75-909f-4b04-8403-a48dc27283b0",
           *           "Contact": {
           *             "ContactID": "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7",
           *             "Name": "Barney Rubble-83203",
           *             "Addresses": [],
           *             "Phones": [],
           *             "ContactGroups": [],
           *             "ContactPersons": [],
           *             "HasValidationErrors": false
           *           },
           *           "DateString": "2018-10-20T00:00:00",
           *           "Date": "/Date(1539993600000+0000)/",
           *           "DueDateString": "2018-12-30T00:00:00",
           *           "DueDate": "/Date(1546128000000+0000)/",
           *           "Status": "VOIDED",
           *           "LineAmountTypes": "Exclusive",
           *           "LineItems": [],
           *           "SubTotal": 40,
           *           "TotalTax": 0,
           *           "Total": 40,
           *           "UpdatedDateUTC": "/Date(1541176290160+0000)/",
           *           "UpdatedDateUTCString": "2018-11-02T16:31:30Z",
           *           "CurrencyCode": "NZD"
           *         },
           *         {
           *           "Type": "ACCREC",
           *           "InvoiceID": "046d8a6d-1ae1-4b4d-9340-5601bdf41b87",
           *           "InvoiceNumber": "INV-0002",
           *           "Reference": "Red Fish, Blue Fish",
           *           "Payments": [
           *             {
           *               "PaymentID": "99ea7f6b-c513-4066-bc27-b7c65dcd76c2",
           *               "Date": "/Date(1543449600000+0000)/",
           *               "Amount": 46,
           *               "CurrencyRate": 1,
           *               "HasAccount": false,
           *               "HasValidationErrors": false
           *             }
           *           ],
           *           "CreditNotes": [],
           *           "Prepayments": [],
           *           "Overpayments": [],
           *           "AmountDue": 0,
           *           "AmountPaid": 46,
           *           "AmountCredited": 0,
           *           "SentToContact": true,
           *           "CurrencyRate": 1,
           *           "HasErrors": false,
           *           "IsDiscounted": false,
           *           "HasAttachments": false,
           *           "Contact": {
           *             "ContactID": "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7",
           *             "Name": "Barney Rubble-83203",
           *             "Addresses": [],
           *             "Phones": [],
           *             "ContactGroups": [],
           *             "ContactPersons": [],
           *             "HasValidationErrors": false
           *           },
           *           "DateString": "2018-10-20T00:00:00",
           *           "Date": "/Date(1539993600000+0000)/",
           *           "DueDateString": "2018-12-30T00:00:00",
           *           "DueDate": "/Date(1546128000000+0000)/",
           *           "Status": "PAID",
           *           "LineAmountTypes": "Exclusive",
           *           "LineItems": [],
           *           "SubTotal": 40,
           *           "TotalTax": 6,
           *           "Total": 46,
           *           "UpdatedDateUTC": "/Date(1541176592690+0000)/",
           *           "UpdatedDateUTCString": "2018-11-02T16:36:32Z",
           *           "CurrencyCode": "NZD",
           *           "FullyPaidOnDate": "/Date(1543449600000+0000)/"
           *         },
           *         {
           *           "Type": "ACCREC",
           *           "InvoiceID": "7ef31b20-de17-4312-8382-412f869b1510",
           *           "InvoiceNumber": "INV-0003",
           *           "Reference": "",
           *           "Payments": [],
           *           "CreditNotes": [],
           *           "Prepayments": [],
           *           "Overpayments": [],
           *           "AmountDue": 115,
           *           "AmountPaid": 0,
           *           "AmountCredited": 0,
           *           "CurrencyRate": 1,
           *           "HasErrors": false,
           *           "IsDiscounted": false,
           *           "HasAttachments": false,
           *           "Contact": {
           *             "ContactID": "a3675fc4-f8dd-4f03-ba5b-f1870566bcd7",
           *             "Name": "Barney Rubble-83203",
           *             "Addresses": [],
           *             "Phones": [],
           *             "ContactGroups": [],
           *             "ContactPersons": [],
           *             "HasValidationErrors": false
           *           },
           *           "DateString": "2018-11-02T00:00:00",
           *           "Date": "/Date(1541116800000+0000)/",
           *           "DueDateString": "2018-11-07T00:00:00",
           *           "DueDate": "/Date(1541548800000+0000)/",
           *           "Status": "AUTHORISED",
           *           "LineAmountTypes": "Exclusive",
           *           "LineItems": [],
           *           "SubTotal": 100,
           *           "TotalTax": 15,
           *           "Total": 115,
           *           "UpdatedDateUTC": "/Date(1541176648927+0000)/",
           *           "UpdatedDateUTCString": "2018-11-02T16:37:28Z",
           *           "CurrencyCode": "NZD"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Invoices'];
        };
      };
    };
  };
  createInvoices: {
    parameters: {
      query?: {
        /**
         * @description If false return 200 OK and mix of successfully created objects and any with validation errors
         * @example true
         */
        summarizeErrors?: components['parameters']['summarizeErrors'];
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description Invoices with an array of invoice objects in body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "Invoices": [
         *         {
         *           "Type": "ACCREC",
         *           "Contact": {
         *             "ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8"
         *           },
         *           "LineItems": [
         *             {
         *               "Description": "Acme Tires",
         *               "Quantity": 2,
         *               "UnitAmount": 20,
         *               "AccountCode": "200",
         *               "TaxType": "NONE",
         *               "LineAmount": 40
         *             }
         *           ],
         *           "Date": "2019-03-11",
         *           "DueDate": "2018-12-10",
         *           "Reference": "Website Design",
         *           "Status": "AUTHORISED"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Invoices'];
      };
    };
    responses: {
      /** @description Success - return response of type Invoices array with newly created Invoice */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "ccece84a-075c-4fcd-9073-149d4f7a91cf",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552327126164)/",
           *       "Invoices": [
           *         {
           *           "Type": "ACCREC",
           *           "InvoiceID": "ed255415-e141-4150-aab7-89c3bbbb851c",
           *           "InvoiceNumber": "INV-0007",
           *           "Reference": "Website Design",
           *           "Prepayments": [],
           *           "Overpayments": [],
           *           "AmountDue": 40,
           *           "AmountPaid": 0,
           *           "SentToContact": false,
           *           "CurrencyRate": 1,
           *           "HasErrors": false,
           *           "IsDiscounted": false,
           *           "Contact": {
           *             "ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8",
           *             "ContactStatus": "ACTIVE",
           *             "Name": "Liam Gallagher",
           *             "FirstName": "Liam",
           *             "LastName": "Gallagher",
           *             "EmailAddress": "liam@rockstar.com",
           *             "BankAccountDetails": "",
           *             "Addresses": [
           *               {
           *                 "AddressType": "STREET",
           *                 "City": "",
           *                 "Region": "",
           *                 "PostalCode": "",
           *                 "Country": "",
           *                 "AttentionTo": ""
           *               },
           *               {
           *                 "AddressType": "POBOX",
           *                 "City": "Anytown",
           *                 "Region": "NY",
           *                 "PostalCode": "10101",
           *                 "Country": "USA",
           *                 "AttentionTo": ""
           *               }
           *             ],
           *             "Phones": [
           *               {
           *                 "PhoneType": "DEFAULT",
           *                 "PhoneNumber": "222-2222",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "DDI",
           *                 "PhoneNumber": "",
           *                 "PhoneAreaCode": "",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "FAX",
           *                 "PhoneNumber": "333-2233",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "MOBILE",
           *                 "PhoneNumber": "444-3433",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               }
           *             ],
           *             "UpdatedDateUTC": "/Date(1551747281053+0000)/",
           *             "ContactGroups": [
           *               {
           *                 "ContactGroupID": "17b44ed7-4389-4162-91cb-3dd5766e4e22",
           *                 "Name": "Oasis",
           *                 "Status": "ACTIVE",
           *                 "Contacts": [],
           *                 "HasValidationErrors": false
           *               }
           *             ],
           *             "IsSupplier": true,
           *             "IsCustomer": true,
           *             "SalesTrackingCategories": [],
           *             "PurchasesTrackingCategories": [],
           *             "ContactPersons": [
           *               {
           *                 "FirstName": "Debbie",
           *                 "LastName": "Gwyther",
           *                 "EmailAddress": "debbie@rockstar.com",
           *                 "IncludeInEmails": false
           *               }
           *             ],
           *             "HasValidationErrors": false
           *           },
           *           "DateString": "2019-03-11T00:00:00",
           *           "Date": "/Date(1552262400000+0000)/",
           *           "DueDateString": "2018-12-10T00:00:00",
           *           "DueDate": "/Date(1544400000000+0000)/",
           *           "Status": "AUTHORISED",
           *           "LineAmountTypes": "Exclusive",
           *           "LineItems": [
           *             {
           *               "Description": "Acme Tires",
           *               "UnitAmount": 20,
           *               "TaxType": "NONE",
           *               "TaxAmount": 0,
           *               "LineAmount": 40,
           *               "AccountCode": "200",
           *               "Tracking": [],
           *               "Quantity": 2,
           *               "LineItemID": "5f7a612b-fdcc-4d33-90fa-a9f6bc6db32f",
           *               "ValidationErrors": []
           *             }
           *           ],
           *           "SubTotal": 40,
           *           "TotalTax": 0,
           *           "Total": 40,
           *           "UpdatedDateUTC": "/Date(1552327126117+0000)/",
           *           "UpdatedDateUTCString": "2019-03-11T17:58:46Z",
           *           "CurrencyCode": "NZD",
           *           "StatusAttributeString": "OK"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Invoices'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  updateOrCreateInvoices: {
    parameters: {
      query?: {
        /**
         * @description If false return 200 OK and mix of successfully created objects and any with validation errors
         * @example true
         */
        summarizeErrors?: components['parameters']['summarizeErrors'];
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "Invoices": [
         *         {
         *           "Type": "ACCREC",
         *           "Contact": {
         *             "ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8"
         *           },
         *           "LineItems": [
         *             {
         *               "Description": "Acme Tires",
         *               "Quantity": 2,
         *               "UnitAmount": 20,
         *               "AccountCode": "200",
         *               "TaxType": "NONE",
         *               "LineAmount": 40
         *             }
         *           ],
         *           "Date": "2019-03-11",
         *           "DueDate": "2018-12-10",
         *           "Reference": "Website Design",
         *           "Status": "AUTHORISED"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Invoices'];
      };
    };
    responses: {
      /** @description Success - return response of type Invoices array with newly created Invoice */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "ccece84a-075c-4fcd-9073-149d4f7a91cf",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552327126164)/",
           *       "Invoices": [
           *         {
           *           "Type": "ACCREC",
           *           "InvoiceID": "ed255415-e141-4150-aab7-89c3bbbb851c",
           *           "InvoiceNumber": "INV-0007",
           *           "Reference": "Website Design",
           *           "Prepayments": [],
           *           "Overpayments": [],
           *           "AmountDue": 40,
           *           "AmountPaid": 0,
           *           "SentToContact": false,
           *           "CurrencyRate": 1,
           *           "HasErrors": false,
           *           "IsDiscounted": false,
           *           "Contact": {
           *             "ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8",
           *             "ContactStatus": "ACTIVE",
           *             "Name": "Liam Gallagher",
           *             "FirstName": "Liam",
           *             "LastName": "Gallagher",
           *             "EmailAddress": "liam@rockstar.com",
           *             "BankAccountDetails": "",
           *             "Addresses": [
           *               {
           *                 "AddressType": "STREET",
           *                 "City": "",
           *                 "Region": "",
           *                 "PostalCode": "",
           *                 "Country": "",
           *                 "AttentionTo": ""
           *               },
           *               {
           *                 "AddressType": "POBOX",
           *                 "City": "Anytown",
           *                 "Region": "NY",
           *                 "PostalCode": "10101",
           *                 "Country": "USA",
           *                 "AttentionTo": ""
           *               }
           *             ],
           *             "Phones": [
           *               {
           *                 "PhoneType": "DEFAULT",
           *                 "PhoneNumber": "222-2222",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "DDI",
           *                 "PhoneNumber": "",
           *                 "PhoneAreaCode": "",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "FAX",
           *                 "PhoneNumber": "333-2233",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "MOBILE",
           *                 "PhoneNumber": "444-3433",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               }
           *             ],
           *             "UpdatedDateUTC": "/Date(1551747281053+0000)/",
           *             "ContactGroups": [
           *               {
           *                 "ContactGroupID": "17b44ed7-4389-4162-91cb-3dd5766e4e22",
           *                 "Name": "Oasis",
           *                 "Status": "ACTIVE",
           *                 "Contacts": [],
           *                 "HasValidationErrors": false
           *               }
           *             ],
           *             "IsSupplier": true,
           *             "IsCustomer": true,
           *             "SalesTrackingCategories": [],
           *             "PurchasesTrackingCategories": [],
           *             "ContactPersons": [
           *               {
           *                 "FirstName": "Debbie",
           *                 "LastName": "Gwyther",
           *                 "EmailAddress": "debbie@rockstar.com",
           *                 "IncludeInEmails": false
           *               }
           *             ],
           *             "HasValidationErrors": false
           *           },
           *           "DateString": "2019-03-11T00:00:00",
           *           "Date": "/Date(1552262400000+0000)/",
           *           "DueDateString": "2018-12-10T00:00:00",
           *           "DueDate": "/Date(1544400000000+0000)/",
           *           "Status": "AUTHORISED",
           *           "LineAmountTypes": "Exclusive",
           *           "LineItems": [
           *             {
           *               "Description": "Acme Tires",
           *               "UnitAmount": 20,
           *               "TaxType": "NONE",
           *               "TaxAmount": 0,
           *               "LineAmount": 40,
           *               "AccountCode": "200",
           *               "Tracking": [],
           *               "Quantity": 2,
           *               "LineItemID": "5f7a612b-fdcc-4d33-90fa-a9f6bc6db32f",
           *               "ValidationErrors": []
           *             }
           *           ],
           *           "SubTotal": 40,
           *           "TotalTax": 0,
           *           "Total": 40,
           *           "UpdatedDateUTC": "/Date(1552327126117+0000)/",
           *           "UpdatedDateUTCString": "2019-03-11T17:58:46Z",
           *           "CurrencyCode": "NZD",
           *           "StatusAttributeString": "OK"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Invoices'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  getInvoice: {
    parameters: {
      query?: {
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for an Invoice
         * @example 00000000-0000-0000-0000-000000000000
         */
        InvoiceID: components['parameters']['InvoiceID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Invoices array with specified Invoices */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "516f400a-b764-4c88-831b-12d2b210fa24",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1551981658323)/",
           *       "Invoices": [
           *         {
           *           "Type": "ACCREC",
           *           "InvoiceID": "a03ffcd2-5d91-4c7e-b483-318584e9e439",
           *           "InvoiceNumber": "INV-0006",
           *           "Reference": "Tour",
           *           "Payments": [
           *             {
           *               "PaymentID": "38928000-e9a0-420c-8884-f624bab2a351",
           *               "Date": "/Date(1552953600000+0000)/",
           *               "Amount": 148062.76,
           *               "Reference": "Yahoo",
           *               "CurrencyRate": 1,
           *               "HasAccount": false,
           *               "HasValidationErrors": false
           *             }
           *           ],
           *           "Prepayments": [],
           *           "Overpayments": [],
           *           "AmountDue": 0,
           *           "AmountPaid": 148062.76,
           *           "SentToContact": false,
           *           "CurrencyRate": 1,
           *           "HasErrors": false,
           *           "IsDiscounted": false,
           *           "HasAttachments": true,
           *           "Attachments": [
           *             {
           *               "AttachmentID": "3a2fe7e0-fac7-4ea2-afb2-31cedaabd294",
           *               "FileName": "helo-heros.jpg",
           *               "Url": "https://api.xero.com/api.xro/2.0/Invoices/a03ffcd2-5d91-4c7e-b483-318584e9e439/Attachments/helo-heros.jpg",
           *               "MimeType": "image/jpeg",
           *               "ContentLength": 2878711
           *             }
           *           ],
           *           "Contact": {
           *             "ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8",
           *             "ContactStatus": "ACTIVE",
           *             "Name": "Liam Gallagher",
           *             "FirstName": "Liam",
           *             "LastName": "Gallagher",
           *             "EmailAddress": "liam@rockstar.com",
           *             "BankAccountDetails": "",
           *             "Addresses": [
           *               {
           *                 "AddressType": "STREET",
           *                 "City": "",
           *                 "Region": "",
           *                 "PostalCode": "",
           *                 "Country": "",
           *                 "AttentionTo": ""
           *               },
           *               {
           *                 "AddressType": "POBOX",
           *                 "City": "Anytown",
           *                 "Region": "NY",
           *                 "PostalCode": "10101",
           *                 "Country": "USA",
           *                 "AttentionTo": ""
           *               }
           *             ],
           *             "Phones": [
           *               {
           *                 "PhoneType": "DEFAULT",
           *                 "PhoneNumber": "222-2222",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "DDI",
           *                 "PhoneNumber": "",
           *                 "PhoneAreaCode": "",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "FAX",
           *                 "PhoneNumber": "333-2233",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "MOBILE",
           *                 "PhoneNumber": "444-3433",
           *                 "PhoneAreaCode": "212",
           *                 "PhoneCountryCode": ""
           *               }
           *             ],
           *             "UpdatedDateUTC": "/Date(1551747281053+0000)/",
           *             "ContactGroups": [
           *               {
           *                 "ContactGroupID": "17b44ed7-4389-4162-91cb-3dd5766e4e22",
           *                 "Name": "Oasis",
           *                 "Status": "ACTIVE",
           *                 "Contacts": [],
           *                 "HasValidationErrors": false
           *               }
           *             ],
           *             "IsSupplier": true,
           *             "IsCustomer": true,
           *             "SalesTrackingCategories": [],
           *             "PurchasesTrackingCategories": [],
           *             "ContactPersons": [
           *               {
           *                 "FirstName": "Debbie",
           *                 "LastName": "Gwyther",
           *                 "EmailAddress": "debbie@rockstar.com",
           *                 "IncludeInEmails": false
           *               }
           *             ],
           *             "HasValidationErrors": false
           *           },
           *           "DateString": "2019-03-07T00:00:00",
           *           "Date": "/Date(1551916800000+0000)/",
           *           "DueDateString": "2019-03-13T00:00:00",
           *           "DueDate": "/Date(1552435200000+0000)/",
           *           "Status": "PAID",
           *           "LineAmountTypes": "Exclusive",
           *           "LineItems": [
           *             {
           *               "ItemCode": "123",
           *               "Description": "Guitars Fender Strat",
           *               "UnitAmount": 148062.76,
           *               "TaxType": "NONE",
           *               "TaxAmount": 0,
           *               "LineAmount": 148062.76,
           *               "AccountCode": "200",
           *               "Tracking": [],
           *               "Quantity": 1,
           *               "LineItemID": "b18f39d9-7739-4246-9288-72afe939d2d5",
           *               "ValidationErrors": []
           *             }
           *           ],
           *           "SubTotal": 148062.76,
           *           "TotalTax": 0,
           *           "Total": 148062.76,
           *           "UpdatedDateUTC": "/Date(1551981568133+0000)/",
           *           "UpdatedDateUTCString": "2019-03-07T17:59:28Z",
           *           "CurrencyCode": "NZD",
           *           "FullyPaidOnDate": "/Date(1552953600000+0000)/",
           *           "StatusAttributeString": "ERROR",
           *           "ValidationErrors": [
           *             {
           *               "Message": "Invoice # must be unique."
           *             }
           *           ]
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Invoices'];
        };
      };
    };
  };
  updateInvoice: {
    parameters: {
      query?: {
        /**
         * @description e.g. unitdp=4 – (Unit Decimal Places) You can opt in to use four decimal places for unit amounts
         * @example 4
         */
        unitdp?: components['parameters']['unitdp'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path: {
        /**
         * @description Unique identifier for an Invoice
         * @example 00000000-0000-0000-0000-000000000000
         */
        InvoiceID: components['parameters']['InvoiceID'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "Invoices": [
         *         {
         *           "Reference": "May the force be with you",
         *           "InvoiceID": "00000000-0000-0000-0000-000000000000",
         *           "LineItems": [],
         *           "Contact": {},
         *           "Type": "ACCPAY"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Invoices'];
      };
    };
    responses: {
      /** @description Success - return response of type Invoices array with updated Invoice */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "bd83b60e-9d16-4a3b-9f59-0a2d0ccd35f2",
           *       "Status": "OK",
           *       "ProviderName": "Provider Name Example",
           *       "DateTimeUTC": "/Date(1552329729002)/",
           *       "Invoices": [
           *         {
           *           "Type": "ACCREC",
           *           "InvoiceID": "4074292c-09b3-456d-84e7-add864c6c39b",
           *           "InvoiceNumber": "INV-0008",
           *           "Reference": "My the Force be With You",
           *           "Prepayments": [],
           *           "Overpayments": [],
           *           "AmountDue": 575,
           *           "AmountPaid": 0,
           *           "SentToContact": false,
           *           "CurrencyRate": 1,
           *           "HasErrors": false,
           *           "IsDiscounted": false,
           *           "Contact": {
           *             "ContactID": "be392c72-c121-4f83-9512-03ac71e54c20",
           *             "ContactStatus": "ACTIVE",
           *             "Name": "Luke Skywalker",
           *             "EmailAddress": "",
           *             "BankAccountDetails": "",
           *             "Addresses": [
           *               {
           *                 "AddressType": "STREET",
           *                 "City": "",
           *                 "Region": "",
           *                 "PostalCode": "",
           *                 "Country": ""
           *               },
           *               {
           *                 "AddressType": "POBOX",
           *                 "City": "",
           *                 "Region": "",
           *                 "PostalCode": "",
           *                 "Country": ""
           *               }
           *             ],
           *             "Phones": [
           *               {
           *                 "PhoneType": "DEFAULT",
           *                 "PhoneNumber": "",
           *                 "PhoneAreaCode": "",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "DDI",
           *                 "PhoneNumber": "",
           *                 "PhoneAreaCode": "",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "FAX",
           *                 "PhoneNumber": "",
           *                 "PhoneAreaCode": "",
           *                 "PhoneCountryCode": ""
           *               },
           *               {
           *                 "PhoneType": "MOBILE",
           *                 "PhoneNumber": "",
           *                 "PhoneAreaCode": "",
           *                 "PhoneCountryCode": ""
           *               }
           *             ],
           *             "UpdatedDateUTC": "/Date(1552329691573+0000)/",
           *             "ContactGroups": [],
           *             "IsSupplier": false,
           *             "IsCustomer": true,
           *             "DefaultCurrency": "NZD",
           *             "SalesTrackingCategories": [],
           *             "PurchasesTrackingCategories": [],
           *             "ContactPersons": [],
           *             "HasValidationErrors": false
           *           },
           *           "DateString": "2019-03-11T00:00:00",
           *           "Date": "/Date(1552262400000+0000)/",
           *           "DueDateString": "2019-03-12T00:00:00",
           *           "DueDate": "/Date(1552348800000+0000)/",
           *           "Status": "SUBMITTED",
           *           "LineAmountTypes": "Exclusive",
           *           "LineItems": [
           *             {
           *               "Description": "Light Saber",
           *               "UnitAmount": 500,
           *               "TaxType": "OUTPUT2",
           *               "TaxAmount": 75,
           *               "LineAmount": 500,
           *               "AccountCode": "200",
           *               "Tracking": [],
           *               "Quantity": 1,
           *               "LineItemID": "6de1bf9f-de95-4c47-9287-37305db758c9",
           *               "ValidationErrors": []
           *             }
           *           ],
           *           "SubTotal": 500,
           *           "TotalTax": 75,
           *           "Total": 575,
           *           "UpdatedDateUTC": "/Date(1552329728987+0000)/",
           *           "UpdatedDateUTCString": "2019-03-11T18:42:08Z",
           *           "CurrencyCode": "NZD"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Invoices'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  getInvoiceHistory: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for an Invoice
         * @example 00000000-0000-0000-0000-000000000000
         */
        InvoiceID: components['parameters']['InvoiceID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['HistoryRetrieved'];
    };
  };
  createInvoiceHistory: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path: {
        /**
         * @description Unique identifier for an Invoice
         * @example 00000000-0000-0000-0000-000000000000
         */
        InvoiceID: components['parameters']['InvoiceID'];
      };
      cookie?: never;
    };
    requestBody: components['requestBodies']['historyRecords'];
    responses: {
      200: components['responses']['HistoryRecordCreated'];
      400: components['responses']['400Error'];
    };
  };
  getQuotes: {
    parameters: {
      query?: {
        /**
         * @description Filter for quotes after a particular date
         * @example 2019-10-31
         */
        DateFrom?: string;
        /**
         * @description Filter for quotes before a particular date
         * @example 2019-10-31
         */
        DateTo?: string;
        /**
         * @description Filter for quotes expiring after a particular date
         * @example 2019-10-31
         */
        ExpiryDateFrom?: string;
        /**
         * @description Filter for quotes before a particular date
         * @example 2019-10-31
         */
        ExpiryDateTo?: string;
        /**
         * @description Filter for quotes belonging to a particular contact
         * @example 00000000-0000-0000-0000-000000000000
         */
        ContactID?: string;
        /**
         * @description Filter for quotes of a particular Status
         * @example DRAFT
         */
        Status?: string;
        /**
         * @description e.g. page=1 – Up to 100 Quotes will be returned in a single API call with line items shown for each quote
         * @example 1
         */
        page?: number;
        /**
         * @description Order by an any element
         * @example Status ASC
         */
        order?: string;
        /**
         * @description Filter by quote number (e.g. GET https://.../Quotes?QuoteNumber=QU-0001)
         * @example QU-0001
         */
        QuoteNumber?: string;
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description Only records created or modified since this timestamp will be returned
         * @example 2020-02-06T12:17:43.202-08:00
         */
        'If-Modified-Since'?: components['parameters']['ifModifiedSince'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type quotes array with all quotes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "Id": "bb583e7e-9b6b-471e-88da-4cbfcfad7a57",
           *       "Status": "OK",
           *       "ProviderName": "Adams OAuth2 App",
           *       "DateTimeUTC": "/Date(1571876635477)/",
           *       "Quotes": [
           *         {
           *           "QuoteID": "be59294f-2a9c-4cee-8c64-0f0ddbc1883a",
           *           "QuoteNumber": "QU-0001",
           *           "Reference": "REF-123",
           *           "Terms": "Not valid after the expiry date",
           *           "Contact": {
           *             "ContactID": "060816db-0ed7-44de-ab58-8fee9316fcd5",
           *             "Name": "Adam"
           *           },
           *           "LineItems": [
           *             {
           *               "LineItemID": "ccf5e45c-73b6-4659-83e8-520f4c6126fd",
           *               "AccountCode": "200",
           *               "Description": "Fish out of Water",
           *               "UnitAmount": 19.95,
           *               "DiscountRate": 10,
           *               "LineAmount": 17.96,
           *               "ItemCode": "BOOK",
           *               "Quantity": 1,
           *               "TaxAmount": 2.69,
           *               "TaxType": "OUTPUT2",
           *               "Tracking": [
           *                 {
           *                   "TrackingCategoryID": "351953c4-8127-4009-88c3-f9cd8c9cbe9f",
           *                   "TrackingOptionID": "ce205173-7387-4651-9726-2cf4c5405ba2",
           *                   "Name": "Region",
           *                   "Option": "Eastside"
           *                 }
           *               ]
           *             }
           *           ],
           *           "Date": "/Date(1571875200000)/",
           *           "DateString": "2019-10-24T00:00:00",
           *           "ExpiryDate": "/Date(1571961600000)/",
           *           "ExpiryDateString": "2019-10-25T00:00:00",
           *           "Status": "ACCEPTED",
           *           "CurrencyRate": 0.937053,
           *           "CurrencyCode": "AUD",
           *           "SubTotal": 17.96,
           *           "TotalTax": 2.69,
           *           "Total": 20.65,
           *           "TotalDiscount": 1.99,
           *           "Title": "Your Quote",
           *           "Summary": "Please buy this",
           *           "BrandingThemeID": "4c82c365-35cb-467f-bb11-dce1f2f2f67c",
           *           "UpdatedDateUTC": "/Date(1571869373890)/",
           *           "LineAmountTypes": "EXCLUSIVE"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Quotes'];
        };
      };
    };
  };
  createQuotes: {
    parameters: {
      query?: {
        /**
         * @description If false return 200 OK and mix of successfully created objects and any with validation errors
         * @example true
         */
        summarizeErrors?: components['parameters']['summarizeErrors'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    /** @description Quotes with an array of Quote object in body of request */
    requestBody: {
      content: {
        /**
         * @example {
         *       "Quotes": [
         *         {
         *           "Contact": {
         *             "ContactID": "00000000-0000-0000-0000-000000000000"
         *           },
         *           "LineItems": [
         *             {
         *               "Description": "Foobar",
         *               "Quantity": 1,
         *               "UnitAmount": 20,
         *               "AccountCode": "12775"
         *             }
         *           ],
         *           "Date": "2020-02-01"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Quotes'];
      };
    };
    responses: {
      /** @description Success - return response of type Quotes with array with newly created Quote */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "SummarizeErrors": false,
           *       "Id": "29571f5a-bf73-4bb6-9de5-86be44e6bf2e",
           *       "Status": "OK",
           *       "ProviderName": "provider-name",
           *       "DateTimeUTC": "/Date(1580607782916)/",
           *       "Quotes": [
           *         {
           *           "QuoteID": "60031d53-6488-4321-9cbd-c1db6dbf9ba4",
           *           "QuoteNumber": "QU-0008",
           *           "Terms": "",
           *           "Contact": {
           *             "ContactID": "6a65f055-b0e0-471a-a933-d1ffdd89393f",
           *             "Name": "John Smith-82160",
           *             "EmailAddress": ""
           *           },
           *           "LineItems": [
           *             {
           *               "LineItemID": "26995857-0eea-45fb-b46c-f8ea896ec46e",
           *               "AccountCode": "12775",
           *               "Description": "Foobar",
           *               "UnitAmount": 20,
           *               "LineAmount": 20,
           *               "ItemCode": "",
           *               "Quantity": 1,
           *               "TaxAmount": 0,
           *               "Tracking": []
           *             }
           *           ],
           *           "Date": "/Date(1580515200000)/",
           *           "DateString": "2020-02-01T00:00:00",
           *           "Status": "DRAFT",
           *           "CurrencyRate": 1,
           *           "CurrencyCode": "USD",
           *           "SubTotal": 20,
           *           "TotalTax": 0,
           *           "Total": 20,
           *           "UpdatedDateUTC": "/Date(1580607782913)/",
           *           "LineAmountTypes": "EXCLUSIVE",
           *           "StatusAttributeString": "OK"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Quotes'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  updateOrCreateQuotes: {
    parameters: {
      query?: {
        /**
         * @description If false return 200 OK and mix of successfully created objects and any with validation errors
         * @example true
         */
        summarizeErrors?: components['parameters']['summarizeErrors'];
      };
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "Quotes": [
         *         {
         *           "Contact": {
         *             "ContactID": "00000000-0000-0000-0000-000000000000"
         *           },
         *           "LineItems": [
         *             {
         *               "Description": "Foobar",
         *               "Quantity": 1,
         *               "UnitAmount": 20,
         *               "AccountCode": "12775"
         *             }
         *           ],
         *           "Date": "2020-02-01"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Quotes'];
      };
    };
    responses: {
      /** @description Success - return response of type Quotes array with updated or created Quote */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "SummarizeErrors": false,
           *       "Id": "b425754f-0512-481d-827b-c8958db7667e",
           *       "Status": "OK",
           *       "ProviderName": "provider-name",
           *       "DateTimeUTC": "/Date(1580607783833)/",
           *       "Quotes": [
           *         {
           *           "QuoteID": "fd53e0b7-4d24-4c20-be85-043a62ea5847",
           *           "QuoteNumber": "QU-0009",
           *           "Terms": "",
           *           "Contact": {
           *             "ContactID": "6a65f055-b0e0-471a-a933-d1ffdd89393f",
           *             "Name": "John Smith-82160",
           *             "EmailAddress": ""
           *           },
           *           "LineItems": [
           *             {
           *               "LineItemID": "898c7fd6-0d94-4ac0-ace8-87e350a042de",
           *               "AccountCode": "12775",
           *               "Description": "Foobar",
           *               "UnitAmount": 20,
           *               "LineAmount": 20,
           *               "ItemCode": "",
           *               "Quantity": 1,
           *               "TaxAmount": 0,
           *               "Tracking": []
           *             }
           *           ],
           *           "Date": "/Date(1580515200000)/",
           *           "DateString": "2020-02-01T00:00:00",
           *           "Status": "DRAFT",
           *           "CurrencyRate": 1,
           *           "CurrencyCode": "USD",
           *           "SubTotal": 20,
           *           "TotalTax": 0,
           *           "Total": 20,
           *           "UpdatedDateUTC": "/Date(1580607783467)/",
           *           "LineAmountTypes": "EXCLUSIVE",
           *           "StatusAttributeString": "OK"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Quotes'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  getQuote: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for an Quote
         * @example 00000000-0000-0000-0000-000000000000
         */
        QuoteID: components['parameters']['QuoteID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Quotes array with specified Quote */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "SummarizeErrors": true,
           *       "Id": "e3626c45-77f1-4ab0-ba9b-3593c7bcd25c",
           *       "Status": "OK",
           *       "ProviderName": "provider-name",
           *       "DateTimeUTC": "/Date(1580607864786)/",
           *       "Quotes": [
           *         {
           *           "QuoteID": "1f90e77a-7b88-4462-874f-1aa675be8fef",
           *           "QuoteNumber": "QU-0007",
           *           "Reference": "MyQuote",
           *           "Terms": "These are my terms",
           *           "Contact": {
           *             "ContactID": "4bc3ecb2-8e2a-4267-a171-0e0ce7e5ac2a",
           *             "Name": "ABC Limited",
           *             "EmailAddress": "john.smith@gmail.com",
           *             "FirstName": "John",
           *             "LastName": "Smith"
           *           },
           *           "LineItems": [
           *             {
           *               "LineItemID": "09b47d9f-f78d-4bab-b226-957f55bfb1b5",
           *               "AccountCode": "400",
           *               "Description": "Half day training - Microsoft Office",
           *               "UnitAmount": 500,
           *               "LineAmount": 500,
           *               "ItemCode": "Train-MS",
           *               "Quantity": 1,
           *               "TaxAmount": 0,
           *               "TaxType": "NONE",
           *               "Tracking": [
           *                 {
           *                   "TrackingCategoryID": "9bd3f506-6d91-4625-81f0-0f9147f099f4",
           *                   "TrackingOptionID": "d30e2a0d-ae6f-4806-88ca-d8ebdba2af73",
           *                   "Name": "Avengers",
           *                   "Option": "IronMan"
           *                 }
           *               ]
           *             }
           *           ],
           *           "Date": "/Date(1580515200000)/",
           *           "DateString": "2020-02-01T00:00:00",
           *           "ExpiryDate": "/Date(1581724800000)/",
           *           "ExpiryDateString": "2020-02-15T00:00:00",
           *           "Status": "DRAFT",
           *           "CurrencyRate": 1.54715,
           *           "CurrencyCode": "NZD",
           *           "SubTotal": 500,
           *           "TotalTax": 0,
           *           "Total": 500,
           *           "TotalDiscount": 0,
           *           "Title": "",
           *           "Summary": "",
           *           "BrandingThemeID": "324587a9-7eed-46c0-ad64-fa941a1b5b3e",
           *           "UpdatedDateUTC": "/Date(1580607757040)/",
           *           "LineAmountTypes": "EXCLUSIVE"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Quotes'];
        };
      };
    };
  };
  updateQuote: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path: {
        /**
         * @description Unique identifier for an Quote
         * @example 00000000-0000-0000-0000-000000000000
         */
        QuoteID: components['parameters']['QuoteID'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "Quotes": [
         *         {
         *           "Reference": "I am an update",
         *           "Contact": {
         *             "ContactID": "00000000-0000-0000-0000-000000000000"
         *           },
         *           "Date": "2020-02-01"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['Quotes'];
      };
    };
    responses: {
      /** @description Success - return response of type Quotes array with updated Quote */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "SummarizeErrors": true,
           *       "Id": "be4f43a7-ef02-497a-96c2-fc0bc047a82a",
           *       "Status": "OK",
           *       "ProviderName": "provider-name",
           *       "DateTimeUTC": "/Date(1580605644385)/",
           *       "Quotes": [
           *         {
           *           "QuoteID": "8ce6b14c-ef87-4f45-93f0-853137c6d0e1",
           *           "QuoteNumber": "QU-0008",
           *           "Reference": "I am an update",
           *           "Terms": "",
           *           "Contact": {
           *             "ContactID": "8ed7dd03-4e6a-4078-a807-c5309abfec52",
           *             "Name": "Orlena Greenville 35",
           *             "EmailAddress": ""
           *           },
           *           "LineItems": [
           *             {
           *               "LineItemID": "be69f44e-9c72-4fcd-9152-0174867cce49",
           *               "AccountCode": "12775",
           *               "Description": "Foobar",
           *               "UnitAmount": 20,
           *               "LineAmount": 20,
           *               "ItemCode": "",
           *               "Quantity": 1,
           *               "TaxAmount": 0,
           *               "Tracking": []
           *             }
           *           ],
           *           "Date": "/Date(1580515200000)/",
           *           "DateString": "2020-02-01T00:00:00",
           *           "Status": "DRAFT",
           *           "CurrencyRate": 1,
           *           "CurrencyCode": "USD",
           *           "SubTotal": 20,
           *           "TotalTax": 0,
           *           "Total": 20,
           *           "UpdatedDateUTC": "/Date(1580605644360)/",
           *           "LineAmountTypes": "EXCLUSIVE"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Quotes'];
        };
      };
      400: components['responses']['400Error'];
    };
  };
  getQuoteHistory: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
      };
      path: {
        /**
         * @description Unique identifier for an Quote
         * @example 00000000-0000-0000-0000-000000000000
         */
        QuoteID: components['parameters']['QuoteID'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['HistoryRetrieved'];
    };
  };
  createQuoteHistory: {
    parameters: {
      query?: never;
      header: {
        /**
         * @description Xero identifier for Tenant
         * @example YOUR_XERO_TENANT_ID
         */
        'xero-tenant-id': components['parameters']['requiredHeader'];
        /**
         * @description This allows you to safely retry requests without the risk of duplicate processing. 128 character max.
         * @example KEY_VALUE
         */
        'Idempotency-Key'?: components['parameters']['idempotencyKey'];
      };
      path: {
        /**
         * @description Unique identifier for an Quote
         * @example 00000000-0000-0000-0000-000000000000
         */
        QuoteID: components['parameters']['QuoteID'];
      };
      cookie?: never;
    };
    requestBody: components['requestBodies']['historyRecords'];
    responses: {
      200: components['responses']['HistoryRecordCreated'];
      400: components['responses']['400Error'];
    };
  };
}
