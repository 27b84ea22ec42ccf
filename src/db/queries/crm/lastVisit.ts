// A provider's in-person visits, read from the attendee rows: each carries its activity's time when
// the activity counts as a visit (in person, not deleted), kept by triggers (migration
// 20261128_0100_attendee_visit_at), so these are probes of one partial index on (NPI, visit_at).
import { type Expression, sql } from 'kysely';

/** The time of the provider's last in-person visit, or null (`npi`: e.g. sql.ref('p.npi')). */
export const lastVisitOf = (npi: Expression<string | null>) =>
  sql<Date | null>`(select max(t.visit_at) from activity_attendees t
    where t.provider_npi = ${npi} and t.visit_at is not null)`;

/** Whether the provider had an in-person visit at or after `since`. */
export const visitedSinceOf = (npi: Expression<string | null>, since: Expression<Date>) =>
  sql<boolean>`exists (select 1 from activity_attendees t where t.provider_npi = ${npi} and t.visit_at >= ${since})`;
