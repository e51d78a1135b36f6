import { AppError } from '../../errors.js';
import type { ContactSource } from '../mapping/contact.js';
import { readField } from '../mapping/contact-fields.js';
import type { XeroContactCandidate, XeroContactDraft } from '../mapping/types.js';
import type { SyncDeps } from '../ports.js';

/**
 * The customer number (Xero's AccountNumber) as `contacts.customerNumber` says (settings.ts), and the
 * words the run and the note say it in: supplied by a Pipedrive field (mapping/contact.ts sends it),
 * or kept from Xero and, when the contact found carries one, written back into the chosen custom
 * field of the organization or person. A write-back Pipedrive refuses is said, never a reason to
 * leave the customer without a document; a transient failure is retried with the job.
 */
export async function customerNumberOf(
  deps: SyncDeps,
  source: ContactSource,
  draft: XeroContactDraft,
  contact: XeroContactCandidate,
): Promise<string | undefined> {
  const setting = deps.company.settings.contacts.customerNumber;
  if (setting === null) return undefined;
  if (setting.from === 'pipedrive')
    return draft.AccountNumber === undefined
      ? undefined
      : `Customer number ${draft.AccountNumber}, from Pipedrive.`;
  const number = contact.AccountNumber?.trim();
  if (!number) return undefined;
  const kept = `Customer number ${number}, kept from Xero`;
  const record = source.kind === 'organization' ? source.org : source.person;
  if (setting.writeBackField === null || record === undefined) return `${kept}.`;
  const field = setting.writeBackField;
  const held = readField(record as unknown as Record<string, unknown>, field);
  if (held === number) return `${kept}; Pipedrive has it.`;
  const patch = { custom_fields: { [field]: number } };
  try {
    if (source.kind === 'organization') await deps.pipedrive.updateOrganization(record.id, patch);
    else await deps.pipedrive.updatePerson(record.id, patch);
  } catch (error) {
    if (!(error instanceof AppError) || error.retryable) throw error;
    deps.logger.warn({ err: error, field }, 'customer number not written back to Pipedrive');
    return `${kept}; Pipedrive refused to store it (${error.message}).`;
  }
  return `${kept} and written to Pipedrive.`;
}
