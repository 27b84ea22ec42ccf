// Provider and organization cards for the phone: who they are, where, recent notes and a referral
// summary (12 months, internal referral sources, same definitions as Targets and Referrals).
import { type Kysely, sql } from 'kysely';
import { casedComposedName } from '../../core/directory/personName';
import { targetFacts } from '../../db/queries/network/targetFacts';
import { personNameSql } from '../../db/queries/personNameSql';
import type { DB } from '../../db/schema';

const NOTES_PER_CARD = 3;
const NOTE_CHARS = 600;

type Note = {
  activityId: number;
  at: string;
  type: string;
  outcome: string | null;
  text: string;
  by: string | null;
};

async function recentNotes(db: Kysely<DB>, by: 'npi' | 'org', keys: (string | number)[]) {
  const out = new Map<string, Note[]>();
  if (!keys.length) return out;
  const rows = await sql<{
    key: string;
    id: number;
    occurred_at: Date;
    type: string;
    outcome: string | null;
    notes: string;
    by: string | null;
  }>`
    select * from (
      select ${by === 'npi' ? sql`t.provider_npi` : sql`a.organization_id::text`} as key, a.id, a.occurred_at, a.type,
        a.outcome, a.notes, u.name as by,
        row_number() over (partition by ${by === 'npi' ? sql`t.provider_npi` : sql`a.organization_id`} order by a.occurred_at desc, a.id desc) as n
      from activities a
      ${by === 'npi' ? sql`join activity_attendees t on t.activity_id = a.id` : sql``}
      left join users u on u.id = a.owner_id
      where a.deleted_at is null and a.notes <> ''
        and ${by === 'npi' ? sql`t.provider_npi = any(${keys.map(String)}::text[])` : sql`a.organization_id = any(${keys.map(Number)}::bigint[])`}
    ) x where n <= ${NOTES_PER_CARD} order by key, occurred_at desc`.execute(db);
  for (const r of rows.rows) {
    const list = out.get(r.key) ?? [];
    list.push({
      activityId: Number(r.id),
      at: new Date(r.occurred_at).toISOString(),
      type: r.type,
      outcome: r.outcome,
      text: r.notes.length > NOTE_CHARS ? `${r.notes.slice(0, NOTE_CHARS)}…` : r.notes,
      by: r.by,
    });
    out.set(r.key, list);
  }
  return out;
}

export async function providerCards(db: Kysely<DB>, npis: string[]) {
  if (!npis.length) return { cards: [], meta: null };
  const [rows, { facts, meta }, notes] = await Promise.all([
    db
      .selectFrom('providers as p')
      .leftJoin('taxonomies as x', 'x.code', 'p.primary_taxonomy')
      .leftJoin('provider_relationships as r', 'r.provider_npi', 'p.npi')
      .select([
        'p.npi',
        sql<string>`coalesce(${personNameSql('p')}, '')`.as('name'),
        'x.display_name as specialty',
        'p.primary_service_line',
        'p.practice_line1',
        'p.practice_city',
        'p.practice_state',
        'p.practice_zip5',
        'p.practice_phone',
        'r.tier',
        'r.visit_frequency',
      ])
      .where('p.npi', 'in', npis)
      .execute(),
    targetFacts(db, { npis }),
    recentNotes(db, 'npi', npis),
  ]);
  const byNpi = new Map(facts.map((f) => [f.npi, f]));
  const cards = rows.map((r) => {
    const f = byNpi.get(r.npi);
    return {
      npi: r.npi,
      name: casedComposedName(r.name) || r.npi,
      specialty: r.specialty,
      serviceLine: r.primary_service_line,
      address: [r.practice_line1, r.practice_city, r.practice_state, r.practice_zip5]
        .filter(Boolean)
        .join(', '),
      phone: r.practice_phone,
      tier: r.tier,
      visitFrequency: r.visit_frequency,
      lastVisitAt: f?.lastVisitAt ?? null,
      openIssues: f?.openIssues ?? 0,
      referrals: f
        ? {
            last6Months: f.recentReferrals,
            prior6Months: f.priorReferrals,
            leakedLast12: f.leakedReferrals,
            leakageServiceLines: f.leakageServiceLines,
            segment: f.segment,
          }
        : null,
      recentNotes: notes.get(r.npi) ?? [],
    };
  });
  return { cards, meta };
}

export async function organizationCards(db: Kysely<DB>, orgIds: number[]) {
  if (!orgIds.length) return [];
  const [orgs, locs, notes] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['id', 'name', 'type', 'network_status', 'official_phone'])
      .where('id', 'in', orgIds)
      .execute(),
    db
      .selectFrom('locations')
      .select([
        'id',
        'organization_id',
        'name',
        'line1',
        'city',
        'state',
        'zip5',
        'phone',
        'hours',
        'visit_rules',
        'lat',
        'lon',
      ])
      .where('organization_id', 'in', orgIds)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
    recentNotes(db, 'org', orgIds),
  ]);
  return orgs.map((o) => ({
    id: Number(o.id),
    name: o.name,
    type: o.type,
    networkStatus: o.network_status,
    phone: o.official_phone,
    locations: locs
      .filter((l) => Number(l.organization_id) === Number(o.id))
      .map((l) => ({
        id: Number(l.id),
        name: l.name,
        address: [l.line1, l.city, l.state, l.zip5].filter(Boolean).join(', '),
        phone: l.phone,
        hours: l.hours,
        visitRules: l.visit_rules,
        lat: l.lat,
        lon: l.lon,
      })),
    recentNotes: notes.get(String(o.id)) ?? [],
  }));
}
