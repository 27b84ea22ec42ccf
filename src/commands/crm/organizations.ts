// CRM edits of organizations (network status, type, parent) and their offices (locations with
// hours and visit rules). The directory owns reading/searching them; these are the safe writes.
import type { Kysely } from 'kysely';
import { parseHours } from '../../core/officeHours';
import type { DB } from '../../db/schema';
import { type Actor, CrmError } from './errors';
import { createVersioned, inTransaction, type Spec, setDeleted, updateVersioned } from './versioned';

export const ORGANIZATION: Spec = { table: 'organizations', entity: 'organization' };
export const LOCATION: Spec = { table: 'locations', entity: 'location' };
export const NETWORK_STATUSES = ['ours', 'affiliated', 'independent', 'competitor'] as const;
export const ORG_TYPES = [
  'health_system',
  'hospital',
  'asc',
  'imaging',
  'clinic',
  'practice',
  'group',
  'other',
] as const;

export type OrganizationPatch = {
  networkStatus?: (typeof NETWORK_STATUSES)[number];
  type?: (typeof ORG_TYPES)[number];
  parentId?: number | null;
  name?: string;
};

/** A parent may not be the organization itself or one of its descendants (no cycles). */
async function checkParent(db: Kysely<DB>, id: number, parentId: number) {
  let cur: number | null = parentId;
  for (let depth = 0; cur !== null && depth < 50; depth++) {
    if (cur === id)
      throw new CrmError(`parentId: organization ${parentId} is ${id} itself or one of its children`, 400);
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('organizations')
      .select('parent_id')
      .where('id', '=', cur)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new CrmError(`parentId: no organization ${cur}`, 400);
    cur = row.parent_id;
  }
}

export async function updateOrganizationCrm(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  p: OrganizationPatch,
) {
  return inTransaction(db, async (trx) => {
    const patch: Record<string, unknown> = {};
    if (p.networkStatus !== undefined) patch.network_status = p.networkStatus;
    if (p.type !== undefined) patch.type = p.type;
    if (p.name !== undefined) patch.name = p.name;
    if (p.parentId !== undefined) {
      if (p.parentId !== null) await checkParent(trx, id, p.parentId);
      patch.parent_id = p.parentId;
    }
    return updateVersioned(trx, actor, ORGANIZATION, id, version, patch);
  });
}

export type LocationInput = {
  organizationId?: number | null;
  name: string;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  zip5?: string | null;
  countyFips?: string | null;
  phone?: string | null;
  hours?: string | null;
  visitRules?: string | null;
};

const locCols: [keyof LocationInput, string][] = [
  ['organizationId', 'organization_id'],
  ['name', 'name'],
  ['line1', 'line1'],
  ['line2', 'line2'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip5', 'zip5'],
  ['countyFips', 'county_fips'],
  ['phone', 'phone'],
  ['hours', 'hours'],
  ['visitRules', 'visit_rules'],
];

function checkHours(h: string | null | undefined) {
  if (!h) return;
  try {
    parseHours(h);
  } catch (e) {
    throw new CrmError(`hours: ${(e as Error).message} (e.g. "Mon-Thu 08:00-17:00; Fri 08:00-12:00")`, 400);
  }
}

export async function addLocation(db: Kysely<DB>, actor: Actor, l: LocationInput) {
  checkHours(l.hours);
  const values: Record<string, unknown> = { source: 'manual' };
  for (const [k, col] of locCols) if (l[k] !== undefined) values[col] = l[k];
  return inTransaction(db, (trx) => createVersioned(trx, actor, LOCATION, values));
}

export async function updateLocation(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  version: number,
  p: Partial<LocationInput>,
) {
  checkHours(p.hours);
  const patch: Record<string, unknown> = {};
  for (const [k, col] of locCols) if (p[k] !== undefined) patch[col] = p[k];
  return inTransaction(db, (trx) => updateVersioned(trx, actor, LOCATION, id, version, patch));
}

export function deleteLocation(db: Kysely<DB>, actor: Actor, id: number, deleted: boolean, version?: number) {
  return inTransaction(db, (trx) => setDeleted(trx, actor, LOCATION, id, deleted, version));
}
