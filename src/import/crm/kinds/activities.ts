// activities.csv: the liaison activity log, with attendees (providers and practice contacts).
import { createHash } from 'node:crypto';
import { ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '../../../core/crm/visitCadence';
import { STAFF } from '../../../server/auth/guard';
import { contactKey } from '../context';
import { upsertByKey } from '../upsert';
import type { ImportKind } from './types';

type Activity = {
  row: Record<string, unknown> & { external_id: string };
  npis: string[];
  contactIds: number[];
};

export const activitiesKind: ImportKind<Activity> = {
  kind: 'activities',
  roles: STAFF,
  npiFields: ['provider_npis'],
  fields: [
    { field: 'external_id', synonyms: ['id', 'activity id'], help: 'source id (key for re-imports)' },
    { field: 'type', required: true, synonyms: ['activity type', 'kind'], help: ACTIVITY_TYPES.join(' | ') },
    {
      field: 'occurred_at',
      required: true,
      synonyms: ['date', 'when', 'date time', 'datetime', 'visit date'],
      help: 'local date-time',
    },
    { field: 'duration_min', synonyms: ['duration', 'minutes', 'duration minutes'], help: 'minutes' },
    { field: 'owner_email', synonyms: ['owner', 'liaison', 'logged by'], help: 'e-mail of the liaison' },
    {
      field: 'provider_npis',
      synonyms: ['npis', 'provider npi', 'attendee npis', 'npi'],
      help: ';-separated NPIs',
    },
    {
      field: 'contact_names',
      synonyms: ['contacts', 'staff present'],
      help: ';-separated contact names at the organization',
    },
    { field: 'organization_npi', synonyms: ['practice npi', 'org npi'], help: 'practice NPI' },
    {
      field: 'organization_name',
      synonyms: ['practice', 'practice name', 'organization'],
      help: 'or the practice’s exact name',
    },
    { field: 'location_id', synonyms: ['office id', 'location'], help: 'office id (locations.csv)' },
    {
      field: 'service_lines',
      synonyms: ['topics', 'service line', 'topics discussed'],
      help: ';-separated topics',
    },
    { field: 'outcome', synonyms: ['result'], help: ACTIVITY_OUTCOMES.join(' | ') },
    { field: 'subject', synonyms: ['title', 'purpose'], help: 'short subject' },
    { field: 'notes', synonyms: ['note', 'comments', 'summary'], help: 'notes (markdown)' },
  ],
  parse(c) {
    const type = c.oneOf('type', ACTIVITY_TYPES, { required: true });
    const at = c.instant('occurred_at', { required: true });
    const orgId = c.organization('organization_npi', 'organization_name');
    const npis = c.npis('provider_npis');
    const contactIds: number[] = [];
    for (const name of c.list('contact_names')) {
      const id = c.ctx.contacts.get(contactKey(orgId, name));
      if (id) contactIds.push(id);
      else
        c.err(
          'contact_names',
          `no contact "${name}" at ${orgId ? (c.ctx.orgNames.get(orgId) ?? 'that organization') : 'an unknown organization'}`,
        );
    }
    const loc = c.text('location_id');
    const locationId = loc ? (c.ctx.locations.get(loc) ?? null) : null;
    if (loc && !locationId) c.err('location_id', `no office "${loc}"`);
    const row = {
      type,
      occurred_at: at,
      duration_minutes: c.int('duration_min', 0, 1440),
      organization_id: orgId,
      location_id: locationId,
      subject: c.text('subject', { max: 200 }) ?? '',
      topics: c.list('service_lines'),
      outcome: c.oneOf('outcome', ACTIVITY_OUTCOMES),
      notes: c.text('notes', { max: 20_000 }) ?? '',
      owner_id: c.user('owner_email', c.ctx.actor.id),
      created_by: c.ctx.actor.id,
      external_id: '',
    };
    // Without a source id the row's own content is its key, so re-importing the file is harmless.
    row.external_id =
      c.text('external_id', { max: 120 }) ??
      `sha1:${createHash('sha1')
        .update(JSON.stringify([row, npis]))
        .digest('hex')
        .slice(0, 20)}`;
    return type && at ? { row, npis, contactIds } : null;
  },
  key: (v) => v.row.external_id,
  async write(db, rows, ctx) {
    const r = await upsertByKey(
      db,
      'activities',
      'external_id',
      rows.map((x) => x.value.row),
    );
    const ids = rows.map((x) => Number(r.ids.get(x.value.row.external_id)));
    for (let i = 0; i < ids.length; i += 2000)
      await db
        .deleteFrom('activity_attendees')
        .where('activity_id', 'in', ids.slice(i, i + 2000))
        .execute();
    const att = rows.flatMap((x, i) => [
      ...[...new Set(x.value.npis)].map((n) => ({ activity_id: ids[i]!, provider_npi: n, contact_id: null })),
      ...[...new Set(x.value.contactIds)].map((c) => ({
        activity_id: ids[i]!,
        provider_npi: null,
        contact_id: c,
      })),
    ]);
    for (let i = 0; i < att.length; i += 2000)
      await db
        .insertInto('activity_attendees')
        .values(att.slice(i, i + 2000))
        .execute();
    rows.forEach((x, i) => {
      ctx.activities.set(x.value.row.external_id, ids[i]!);
    });
    return r;
  },
};
