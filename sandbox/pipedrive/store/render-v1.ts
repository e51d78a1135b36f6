import type { Company } from './company.js';
import { v1Time } from './render-v2.js';
import type { NoteRecord, UserRecord } from './types.js';

/** API v1 shapes for the resources that are still v1 (docs/vendors/pipedrive.md §2.1, §3.9, §3.11). */

export function renderNoteV1(company: Company, note: NoteRecord): Record<string, unknown> {
  const deal = note.deal_id === null ? undefined : company.deals.get(note.deal_id);
  const person = note.person_id === null ? undefined : company.persons.get(note.person_id);
  const org = note.org_id === null ? undefined : company.organizations.get(note.org_id);
  const user = company.users.get(note.user_id);
  return {
    id: note.id,
    active_flag: true,
    add_time: v1Time(note.add_time),
    update_time: v1Time(note.update_time),
    content: note.content,
    deal_id: note.deal_id,
    person_id: note.person_id,
    org_id: note.org_id,
    lead_id: note.lead_id,
    project_id: null,
    task_id: null,
    user_id: note.user_id,
    last_update_user_id: note.user_id,
    pinned_to_deal_flag: note.pinned_to_deal_flag,
    pinned_to_person_flag: note.pinned_to_person_flag,
    pinned_to_organization_flag: note.pinned_to_organization_flag,
    pinned_to_project_flag: false,
    pinned_to_task_flag: false,
    deal: deal ? { title: deal.title } : null,
    person: person ? { name: person.name } : null,
    organization: org ? { name: org.name } : null,
    user: user ? { email: user.email, name: user.name, icon_url: null, is_you: true } : null,
  };
}

/**
 * A user as GET /v1/users/me and /v1/users/{id} answer (§3.11). Admin rights show twice, as live
 * Pipedrive answers them: the `global` app's `admin` in `access` (the official spec) and `is_admin`
 * as 1/0 (in live answers, e.g. https://authjs.dev/reference/core/providers_pipedrive, not in the
 * spec); a non-admin has `admin: false` in every entry.
 */
export function renderUserMe(
  company: Company,
  user: UserRecord,
  isYou = true,
): Record<string, unknown> {
  const created = v1Time(company.createdAtMs);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: null,
    default_currency: user.default_currency,
    locale: 'en_NZ',
    lang: 1,
    activated: true,
    last_login: created,
    created,
    modified: created,
    has_created_company: user.is_admin,
    is_admin: user.is_admin ? 1 : 0,
    access: [
      {
        app: 'sales',
        admin: user.is_admin,
        permission_set_id: '00000000-0000-4000-8000-000000000001',
      },
      {
        app: 'global',
        admin: user.is_admin,
        permission_set_id: '00000000-0000-4000-8000-000000000002',
      },
    ],
    active_flag: true,
    timezone_name: 'Pacific/Auckland',
    timezone_offset: '+13:00',
    role_id: 1,
    icon_url: null,
    is_you: isYou,
    is_deleted: false,
    company_id: company.id,
    company_name: company.name,
    company_domain: company.domain,
    company_country: company.country,
    company_industry: 'Software',
    language: { language_code: 'en', country_code: 'NZ' },
  };
}
