/**
 * Generated from xero-identity.yaml of XeroAPI/Xero-OpenAPI @ e952d0bda3628facbf7afc5990ad6a0e7e77bd1e (info.version 16.1.0),
 * the whole spec. Licence: ./LICENSE-Xero-OpenAPI (MIT).
 * Do not edit: change scripts/generate-xero-types.ts and run `node --import tsx scripts/generate-xero-types.ts`.
 */
export interface paths {
  '/Connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retrieves the connections for this user
     * @description Override the base server url that include version
     */
    get: operations['getConnections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/Connections/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Deletes a connection for this user (i.e. disconnect a tenant)
     * @description Override the base server url that include version
     */
    delete: operations['deleteConnection'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Connection: {
      /**
       * Format: uuid
       * @description Xero identifier
       */
      id?: string;
      /**
       * Format: uuid
       * @description Xero identifier of organisation
       */
      tenantId?: string;
      /**
       * Format: uuid
       * @description Identifier shared across connections authorised at the same time
       */
      authEventId?: string;
      /** @description Xero tenant type (i.e. ORGANISATION, PRACTICE) */
      tenantType?: string;
      /** @description Xero tenant name */
      tenantName?: string;
      /**
       * Format: date-time
       * @description The date when the user connected this tenant to your app
       */
      createdDateUtc?: string;
      /**
       * Format: date-time
       * @description The date when the user most recently connected this tenant to your app. May differ to the created date if the user has disconnected and subsequently reconnected this tenant to your app.
       */
      updatedDateUtc?: string;
    };
    RefreshToken: {
      /** @description Xero grant type */
      grant_type?: string;
      /** @description refresh token provided during authentication flow */
      refresh_token?: string;
      /** @description client id for Xero app */
      client_id?: string;
      /** @description client secret for Xero app 2 */
      client_secret?: string;
    };
    AccessToken: {
      /** @description Xero unique identifier */
      id_token?: string;
      /** @description access token provided during authentication flow */
      access_token?: string;
      /**
       * Format: int64
       * @description time in seconds until access token expires.
       */
      expires_in?: number;
      /** @description type of token i.e. Bearer */
      token_type?: string;
      /** @description token used to refresh an expired access token */
      refresh_token?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getConnections: {
    parameters: {
      query?: {
        /**
         * @description Filter by authEventId
         * @example 00000000-0000-0000-0000-000000000000
         */
        authEventId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - return response of type Connections array with 0 to n Connection */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /** @example [ { "id": "7cb59f93-2964-421d-bb5e-a0f7a4572a44", "tenantId": "fe79f7dd-b6d4-4a92-ba7b-538af6289c58", "tenantName": "Demo Company (NZ)", "tenantType": "ORGANISATION", "createdDateUtc": "2019-12-07T18:46:19.5165400", "updatedDateUtc": "2019-12-07T18:46:19.5187840" } ] */
          'application/json': components['schemas']['Connection'][];
        };
      };
    };
  };
  deleteConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Unique identifier for retrieving single object */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Success - connection has been deleted no content returned */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Resource not found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
