import type { PipedriveUser } from './types.js';

/**
 * Whether Pipedrive says this user is an admin of the company (docs/vendors/pipedrive.md §3.11): the
 * `global` entry of `access` with `admin: true` (the official spec's UserAccess), or `is_admin` 1/true,
 * which live answers carry although the spec omits it. A user that is neither is not an admin.
 */
export function isCompanyAdmin(user: Pick<PipedriveUser, 'access' | 'is_admin'>): boolean {
  if (user.is_admin === true || user.is_admin === 1) return true;
  return (user.access ?? []).some((entry) => entry.app === 'global' && entry.admin === true);
}
