// Contacts: non-physician people at practices (office managers, referral coordinators, ...).
// Anyone on staff may keep contacts current, so edits are not limited to the owner.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from './errors';
import { resolveOwner } from './ownership';
import { createVersioned, inTransaction, type Spec, setDeleted, updateVersioned } from './versioned';

export const CONTACT: Spec = { table: 'contacts', entity: 'contact' };
export const CONTACT_ROLES = [
  'office_manager',
  'referral_coordinator',
  'scheduler',
  'practice_administrator',
  'nurse',
  'billing',
  'other',
] as const;
export const CONTACT_METHODS = ['phone', 'email', 'text', 'in_person'] as const;

export type ContactInput = {
  organizationId?: number | null;
  locationId?: number | null;
  firstName?: string;
  lastName: string;
  role?: (typeof CONTACT_ROLES)[number];
  title?: string | null;
  phone?: string | null;
  email?: string | null;
  preferredContact?: (typeof CONTACT_METHODS)[number] | null;
  notes?: string;
  ownerId?: number | null;
  externalId?: string | null;
};

const columns: [keyof ContactInput, string][] = [
  ['organizationId', 'organization_id'],
  ['locationId', 'location_id'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['role', 'role'],
  ['title', 'title'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['preferredContact', 'preferred_contact'],
  ['notes', 'notes'],
  ['externalId', 'external_id'],
];

export async function addContact(db: Kysely<DB>, actor: Actor, c: ContactInput) {
  return inTransaction(db, async (trx) => {
    const values: Record<string, unknown> = {
      created_by: actor.id,
      owner_id: await resolveOwner(trx, actor, c.ownerId),
    };
    for (const [k, col] of columns) if (c[k] !== undefined) values[col] = c[k];
    return createVersioned(trx, actor, CONTACT, values);
  });
}

export async function updateContact(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  p: Partial<ContactInput>,
) {
  return inTransaction(db, async (trx) => {
    const patch: Record<string, unknown> = {};
    for (const [k, col] of columns) if (p[k] !== undefined && k !== 'externalId') patch[col] = p[k];
    if (p.ownerId !== undefined) patch.owner_id = await resolveOwner(trx, actor, p.ownerId);
    return updateVersioned(trx, actor, CONTACT, id, version, patch);
  });
}

export function deleteContact(db: Kysely<DB>, actor: Actor, id: number, deleted: boolean, version?: number) {
  return inTransaction(db, (trx) => setDeleted(trx, actor, CONTACT, id, deleted, version));
}
