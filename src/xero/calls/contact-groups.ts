import type { XeroContactGroup, XeroTenantRef, XeroWriteOptions } from '../types.js';
import type { XeroCallContext } from './context.js';

/** Contact groups (docs/vendors/xero.md §8.1): the list, and adding contacts to one. */
export function contactGroupCalls({ call, api, keyed }: XeroCallContext) {
  return {
    /** Every group, ACTIVE and DELETED alike: the caller decides which it may use. */
    async getContactGroups(ref: XeroTenantRef): Promise<XeroContactGroup[]> {
      const data = await call(ref, 'GET', '/ContactGroups', (init) =>
        api.GET('/ContactGroups', {
          params: { header: init.tenant },
          headers: init.headers,
          signal: init.signal,
        }),
      );
      return data.ContactGroups ?? [];
    },

    /**
     * Adds the contacts to the group; a member already there stays one. An unknown group is Xero's
     * 404 (xero_not_found), an unknown contact its validation error.
     */
    async addContactsToGroup(
      ref: XeroTenantRef,
      contactGroupId: string,
      contactIds: readonly string[],
      options: XeroWriteOptions,
    ): Promise<void> {
      const path = `/ContactGroups/${contactGroupId}/Contacts`;
      await call(ref, 'PUT', path, (init) =>
        api.PUT('/ContactGroups/{ContactGroupID}/Contacts', {
          params: { header: keyed(ref, options), path: { ContactGroupID: contactGroupId } },
          headers: init.headers,
          signal: init.signal,
          body: { Contacts: contactIds.map((ContactID) => ({ ContactID })) },
        }),
      );
    },
  };
}
