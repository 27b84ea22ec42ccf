// territories.csv: named sets of ZIPs and counties, each owned by a liaison.
import { MANAGERS } from '../../../server/auth/guard';
import type { UpsertCounts } from '../upsert';
import type { ImportKind } from './types';

type Territory = { name: string; zips: string[]; counties: string[]; owner_id: number | null };

export const territoriesKind: ImportKind<Territory> = {
  kind: 'territories',
  roles: MANAGERS,
  npiFields: [],
  fields: [
    {
      field: 'name',
      required: true,
      synonyms: ['territory', 'territory name'],
      help: 'territory name (key)',
    },
    {
      field: 'owner_email',
      synonyms: ['owner', 'liaison', 'assigned to'],
      help: 'e-mail of the assigned liaison',
    },
    { field: 'zips', synonyms: ['zip codes', 'zip', 'postal codes'], help: ';-separated 5-digit ZIPs' },
    { field: 'counties', synonyms: ['county fips', 'fips', 'county'], help: ';-separated county FIPS' },
  ],
  parse(c) {
    const name = c.text('name', { required: true, max: 120 });
    const zips = c.zips('zips');
    const counties = c.counties('counties');
    if (name && !zips.length && !counties.length)
      c.err('zips', 'a territory needs at least one ZIP or county');
    const owner_id = c.user('owner_email', null);
    return name ? { name, zips, counties, owner_id } : null;
  },
  key: (v) => v.name.toLowerCase(),
  async write(db, rows, ctx) {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const { value: t } of rows) {
      const cur = await db
        .selectFrom('territories')
        .select(['id', 'zips', 'counties'])
        .where((eb) => eb(eb.fn('lower', ['name']), '=', t.name.toLowerCase()))
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      let id: number;
      const zips = [...new Set(t.zips)].sort();
      const counties = [...new Set(t.counties)].sort();
      if (!cur) {
        id = (
          await db
            .insertInto('territories')
            .values({ name: t.name, zips, counties, created_by: ctx.actor.id })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        counts.inserted++;
      } else {
        id = cur.id;
        const same =
          JSON.stringify(cur.zips) === JSON.stringify(zips) &&
          JSON.stringify(cur.counties) === JSON.stringify(counties);
        if (same) counts.unchanged++;
        else {
          await db
            .updateTable('territories')
            .set((eb) => ({ zips, counties, version: eb('version', '+', 1), updated_at: new Date() }))
            .where('id', '=', id)
            .execute();
          counts.updated++;
        }
      }
      if (t.owner_id)
        await db
          .insertInto('territory_assignments')
          .values({ territory_id: id, user_id: t.owner_id })
          .onConflict((oc) => oc.doNothing())
          .execute();
    }
    return counts;
  },
};
