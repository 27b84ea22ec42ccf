// Logging activities under load: the writes that arrive while earlier ones are in the database are
// inserted together, in ONE statement (one round trip, one commit, one pooled connection for the lot)
// instead of one each. A lone write goes at once (no timer, no added wait); under load the batches
// grow by themselves. Each activity still gets its own attendees, audit row and answer; one that
// fails (a missing organization, a duplicate external id) fails alone: the batch is retried one by one.
import { type Kysely, sql } from 'kysely';
import { IN_PERSON_TYPES } from '../../core/crm/visitCadence';
import { PREPARED } from '../../db/connection';
import {
  type ActivityView,
  activityColumns,
  attendeeName,
  casedAttendees,
} from '../../db/queries/crm/activities';
import type { DB } from '../../db/schema';
import type { ActivityInput } from './activities';
import type { Actor } from './errors';

export type NewActivity = {
  actor: Actor;
  ownerId: number | null;
  input: ActivityInput;
  npis: string[];
  contactIds: number[];
};
/**
 * The activity as loadActivity reads it; refs_ok false (nothing written) when an NPI or contact is unknown;
 * watched when someone watches one of its physicians.
 */
export type InsertedActivity = ActivityView & { refs_ok: boolean; watched: boolean };

const MAX_BATCH = 100;
const MAX_IN_FLIGHT = 2; // one batch in the database while the next one gathers

type Pending = { item: NewActivity; resolve: (r: InsertedActivity) => void; reject: (e: unknown) => void };
type Queue = { waiting: Pending[]; inFlight: number };
const queues = new WeakMap<object, Queue>(); // per database handle

/** Inserts one activity (with attendees and audit row), combined with the others arriving meanwhile;
 * inside a transaction alone, on the transaction's own connection. */
export async function insertActivityBatched(db: Kysely<DB>, item: NewActivity): Promise<InsertedActivity> {
  if (db.isTransaction) return (await insertActivities(db, [item]))[0]!;
  const queue = queues.get(db) ?? { waiting: [], inFlight: 0 };
  queues.set(db, queue);
  return new Promise((resolve, reject) => {
    queue.waiting.push({ item, resolve, reject });
    if (queue.inFlight < MAX_IN_FLIGHT) void drain(db, queue);
  });
}

async function drain(db: Kysely<DB>, q: Queue) {
  q.inFlight++;
  try {
    while (q.waiting.length) {
      const batch = q.waiting.splice(0, MAX_BATCH);
      try {
        const rows = await insertActivities(
          db,
          batch.map((b) => b.item),
        );
        for (const [k, b] of batch.entries()) b.resolve(rows[k]!);
      } catch (err) {
        if (batch.length === 1) batch[0]!.reject(err);
        else
          await Promise.all(
            batch.map((b) => insertActivities(db, [b.item]).then((r) => b.resolve(r[0]!), b.reject)),
          );
      }
    }
  } finally {
    q.inFlight--;
  }
}

// An attendee's visit time (the last-visit index) is set here rather than left to its insert trigger,
// which need not see an activity inserted by the same statement.
const inPerson = sql.join(IN_PERSON_TYPES.map((t) => sql.lit(t)));

/**
 * Inserts the activities, their attendees and their audit rows in one statement (atomic on its own)
 * and answers, in input order, with each activity as `loadActivity` reads it. An activity whose NPIs
 * or contacts do not all exist is not written (refs_ok false); the others are.
 */
async function insertActivities(db: Kysely<DB>, items: NewActivity[]): Promise<InsertedActivity[]> {
  const input = items.map(({ actor, ownerId, input: a, npis, contactIds }, i) => ({
    i,
    type: a.type,
    occurred_at: new Date(a.occurredAt).toISOString(),
    duration_minutes: a.durationMinutes ?? null,
    organization_id: a.organizationId ?? null,
    location_id: a.locationId ?? null,
    subject: a.subject ?? '',
    topics: a.topics ?? [],
    outcome: a.outcome ?? null,
    notes: a.notes ?? '',
    owner_id: ownerId,
    client_id: a.clientId ?? null,
    external_id: a.externalId ?? null,
    created_by: actor.id,
    actor_label: actor.label,
    ip: actor.ip ?? null,
    npis,
    contact_ids: contactIds,
  }));
  // The ids are drawn first (in input order) so attendees and audit rows know their activity.
  const r = await sql<InsertedActivity & { i: number }>`${sql.raw(PREPARED)}
    with x as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(i int, type text,
        occurred_at timestamptz, duration_minutes int, organization_id bigint, location_id bigint, subject text,
        topics text[], outcome text, notes text, owner_id bigint, client_id text, external_id text,
        created_by bigint, actor_label text, ip text, npis text[], contact_ids bigint[])),
    ok as materialized (
      select x.*,
        (select count(*) from providers p where p.npi = any(x.npis)) = cardinality(x.npis)
        and (select count(*) from contacts c where c.id = any(x.contact_ids) and c.deleted_at is null)
          = cardinality(x.contact_ids) as refs_ok
      from x),
    ids as materialized (
      select ok.*, nextval('activities_id_seq') as id
      from (select * from ok where ok.refs_ok order by ok.i) ok),
    a as (
      insert into activities (id, type, occurred_at, duration_minutes, organization_id, location_id, subject, topics,
        outcome, notes, owner_id, client_id, external_id, created_by)
      select id, type, occurred_at, duration_minutes, organization_id, location_id, subject, topics, outcome, notes,
        owner_id, client_id, external_id, created_by
      from ids order by i
      returning *),
    att as (
      insert into activity_attendees (activity_id, provider_npi, contact_id, visit_at)
      select ids.id, m.npi, m.contact_id, case when ids.type in (${inPerson}) then ids.occurred_at end from ids,
        lateral (select n.npi, null::bigint as contact_id, n.k from unnest(ids.npis) with ordinality n(npi, k)
          union all
          select null, c.cid, cardinality(ids.npis) + c.k from unnest(ids.contact_ids) with ordinality c(cid, k)) m
      order by ids.i, m.k
      returning id, activity_id, provider_npi, contact_id),
    audit as (
      insert into audit_log (at, actor_user_id, actor_label, action, entity, entity_id, ip, detail)
      select now(), ids.created_by, ids.actor_label, 'create', 'activity', a.id::text, ids.ip,
        jsonb_build_object('version', a.version, 'before', '{}'::jsonb, 'after', to_jsonb(a) - 'search',
          'providers', to_jsonb(ids.npis))
      from a join ids on ids.id = a.id
      order by ids.i)
    select ok.i, ok.refs_ok, ${sql.join(activityColumns.map((c) => sql.ref(c)))},
      (select u.name from users u where u.id = a.owner_id) as owner_name,
      (select o.name from organizations o where o.id = a.organization_id) as organization_name,
      coalesce((select json_agg(json_build_object('npi', t.provider_npi, 'contactId', t.contact_id,
          'name', ${attendeeName}) order by t.id)
        from att t left join providers p on p.npi = t.provider_npi
        left join contacts c on c.id = t.contact_id
        where t.activity_id = a.id), '[]'::json) as attendees,
      '[]'::json as tasks,
      -- does anyone watch an attendee? (commands/watches.ts): asked here to spare a round trip per activity
      coalesce((select true from provider_watches w where w.npi = any(ids.npis) limit 1), false) as watched
    from ok left join ids on ids.i = ok.i left join a on a.id = ids.id
    order by ok.i`.execute(db);
  return r.rows.map(({ i: _i, ...row }) => ({ ...row, attendees: casedAttendees(row.attendees) }));
}
