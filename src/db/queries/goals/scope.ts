// Whose numbers a goal counts: a liaison's book (relationships they own) plus the physicians practicing
// in their territories; a team goal counts everyone; a campaign goal counts the target list's members.
import { type RawBuilder, sql } from 'kysely';

export interface GoalScope {
  scope: 'liaison' | 'team' | 'campaign';
  ownerId: number;
  campaignId: number | null;
}

/** A subquery of physician NPIs in scope, or null for "every physician" (team). */
export function scopeNpis(s: GoalScope): RawBuilder<unknown> | null {
  if (s.scope === 'team') return null;
  if (s.scope === 'campaign') return sql`select npi from target_list_members where list_id = ${s.campaignId}`;
  return sql`
    select provider_npi as npi from provider_relationships where owner_id = ${s.ownerId}
    union
    select p.npi from providers p
    join territories t on t.deleted_at is null and (p.county_fips = any(t.counties) or p.practice_zip5 = any(t.zips))
    join territory_assignments ta on ta.territory_id = t.id and ta.user_id = ${s.ownerId}`;
}

/** Activities a goal counts: the liaison's own (liaison), everyone's (team), with a list member attending (campaign). */
export function activityOwnerFilter(s: GoalScope): RawBuilder<unknown> {
  if (s.scope === 'liaison') return sql`a.owner_id = ${s.ownerId}`;
  if (s.scope === 'campaign')
    return sql`exists (select 1 from activity_attendees x join target_list_members m on m.npi = x.provider_npi and m.list_id = ${s.campaignId} where x.activity_id = a.id)`;
  return sql`true`;
}
