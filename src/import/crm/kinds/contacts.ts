// contacts.csv (docs/formats/contacts.md) and customer contact lists.
import { CONTACT_METHODS, CONTACT_ROLES } from '../../../commands/crm/contacts';
import { STAFF } from '../../../server/auth/guard';
import { upsertByKey } from '../upsert';
import type { ImportKind } from './types';

type Contact = Record<string, unknown> & { external_id: string };

/** "Dana M. Reyes" → first "Dana M.", last "Reyes"; "Reyes, Dana" → first "Dana", last "Reyes". */
export function splitName(full: string): { first: string; last: string } {
  const t = full.trim().replace(/\s+/g, ' ');
  if (t.includes(',')) {
    const [last, first] = t.split(',', 2);
    return { first: first!.trim(), last: last!.trim() };
  }
  const i = t.lastIndexOf(' ');
  return i < 0 ? { first: '', last: t } : { first: t.slice(0, i), last: t.slice(i + 1) };
}

export const contactsKind: ImportKind<Contact> = {
  kind: 'contacts',
  roles: STAFF,
  npiFields: [],
  fields: [
    {
      field: 'organization_npi',
      synonyms: ['practice npi', 'org npi', 'group npi'],
      help: 'NPI of the practice',
    },
    {
      field: 'organization_name',
      synonyms: ['practice', 'practice name', 'organization', 'clinic', 'office'],
      help: 'or the practice’s exact name',
    },
    {
      field: 'name',
      synonyms: ['full name', 'contact', 'contact name'],
      help: 'full name (or first_name + last_name)',
    },
    { field: 'first_name', synonyms: ['first', 'given name'], help: 'first name' },
    { field: 'last_name', synonyms: ['last', 'surname', 'family name'], help: 'last name' },
    { field: 'role', synonyms: ['position', 'contact role', 'job'], help: CONTACT_ROLES.join(' | ') },
    { field: 'title', synonyms: ['job title'], help: 'free-text title' },
    { field: 'phone', synonyms: ['phone number', 'telephone', 'tel', 'direct line'], help: 'phone' },
    { field: 'email', synonyms: ['e-mail', 'email address', 'mail'], help: 'e-mail' },
    {
      field: 'preferred_contact',
      synonyms: ['preferred contact method', 'preferred method', 'contact preference'],
      help: CONTACT_METHODS.join(' | '),
    },
    { field: 'notes', synonyms: ['note', 'comments', 'comment'], help: 'notes' },
  ],
  parse(c) {
    const orgId = c.organization('organization_npi', 'organization_name');
    let first = c.text('first_name', { max: 80 }) ?? '';
    let last = c.text('last_name', { max: 80 });
    const full = c.text('name', { max: 160 });
    if (full && !last) ({ first, last } = splitName(full));
    if (!last) c.err('name', 'is required (a full name, or last_name)');
    const row = {
      organization_id: orgId,
      first_name: first,
      last_name: last,
      role: c.oneOf('role', CONTACT_ROLES) ?? 'other',
      title: c.text('title', { max: 120 }),
      phone: c.text('phone', { max: 40 }),
      email: c.email('email'),
      preferred_contact: c.oneOf('preferred_contact', CONTACT_METHODS),
      notes: c.text('notes') ?? '',
      owner_id: c.ctx.actor.id,
      created_by: c.ctx.actor.id,
      external_id: `contact:${orgId ?? ''}|${`${first} ${last}`.trim().toLowerCase()}`,
    };
    return last ? row : null;
  },
  key: (v) => v.external_id,
  async write(db, rows, ctx) {
    // Contacts typed in by hand have no external id: adopt them so the import updates, not duplicates.
    for (const { value: v } of rows) {
      const id = ctx.contacts.get(
        `${v.organization_id ?? ''}|${`${v.first_name} ${v.last_name}`.trim().toLowerCase()}`,
      );
      if (id)
        await db
          .updateTable('contacts')
          .set({ external_id: v.external_id })
          .where('id', '=', id)
          .where('external_id', 'is', null)
          .execute();
    }
    return upsertByKey(
      db,
      'contacts',
      'external_id',
      rows.map((r) => r.value),
    );
  },
};
