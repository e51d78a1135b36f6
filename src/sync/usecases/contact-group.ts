import { AppError } from '../../errors.js';
import { type SyncDeps, xeroRef } from '../ports.js';
import { idempotencyKey } from './keys.js';

/**
 * Puts contacts the app has just created into the settings' group for new contacts
 * (`contacts.newContacts.contactGroupId`, settings.ts), in one call: Xero takes membership only
 * through its own endpoint, never in the contact's body, and adding a member twice is harmless
 * (docs/vendors/xero.md §8.1). A contact that already existed is never added. A failure is said,
 * never a reason to stop: the contacts exist and their documents are still made. Returns the words
 * to say, or undefined when there was nothing to do or it worked.
 */
export async function addToNewContactsGroup(
  deps: SyncDeps,
  contactIds: readonly string[],
): Promise<string | undefined> {
  const groupId = deps.company.settings.contacts.newContacts.contactGroupId;
  if (groupId === null || contactIds.length === 0) return undefined;
  const key = idempotencyKey(
    'contact-group',
    deps.company.id,
    deps.tenant.tenantId,
    groupId,
    ...contactIds,
  );
  try {
    await deps.xero.addContactsToGroup(xeroRef(deps), groupId, contactIds, { idempotencyKey: key });
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    deps.logger.warn({ err: error, groupId, contactIds }, 'new contacts not added to their group');
    const reason =
      error.code === 'xero_not_found' ? 'Xero has no such group any more' : error.message;
    const them = contactIds.length === 1 ? 'the new contact' : 'the new contacts';
    return `Xero did not add ${them} to the contact group chosen for new contacts (${reason}); add ${contactIds.length === 1 ? 'it' : 'them'} in Xero (Contacts, Groups), and check the group in the settings.`;
  }
}
