// Stored dashboard views (table dashboard_views) and the fingerprints of what they are computed from.
// A fingerprint is a few aggregates over small tables (import jobs, organizations, memberships, CRM
// counts) — never a scan of the referral rollup, so checking freshness costs a millisecond or two.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema';

export type StoredView<T> = { body: T; inputs: string; computedAt: string; computeMs: number };

export async function readView<T>(db: Kysely<DB>, name: string, variant: string) {
  const r = await db
    .selectFrom('dashboard_views')
    .select(['body', 'inputs', 'computed_at', 'compute_ms'])
    .where('name', '=', name)
    .where('variant', '=', variant)
    .executeTakeFirst();
  if (!r) return null;
  return {
    body: r.body as T,
    inputs: r.inputs,
    computedAt: new Date(r.computed_at).toISOString(),
    computeMs: r.compute_ms,
  } satisfies StoredView<T>;
}

export async function writeView(
  db: Kysely<DB>,
  v: { name: string; variant: string; inputs: string; body: unknown; computeMs: number },
) {
  const row = {
    name: v.name,
    variant: v.variant,
    inputs: v.inputs,
    body: JSON.stringify(v.body),
    computed_at: new Date(),
    compute_ms: Math.round(v.computeMs),
  };
  await db
    .insertInto('dashboard_views')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['name', 'variant']).doUpdateSet({
        inputs: row.inputs,
        body: row.body,
        computed_at: row.computed_at,
        compute_ms: row.compute_ms,
      }),
    )
    .execute();
}

/** Variants of a view stored under other inputs than `inputs` (dropped after a refresh). */
export async function deleteStaleViews(db: Kysely<DB>, name: string, inputs: string) {
  await db.deleteFrom('dashboard_views').where('name', '=', name).where('inputs', '<>', inputs).execute();
}

/**
 * What the referral-based market figures depend on: the referral imports (the rollup changes only
 * through them), the organizations' network (status, parents, offered lines) and who belongs to them.
 */
export async function referralMarketInputs(db: Kysely<DB>) {
  const r = await sql<{ f: string }>`select concat_ws('|',
    (select coalesce(max(id), 0)::text from import_jobs
      where kind in ('referrals', 'fhir-referrals') and status = 'succeeded'),
    (select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from organizations),
    (select count(*)::text || ':' || coalesce(max(id), 0)::text from memberships)) as f`.execute(db);
  return r.rows[0]?.f ?? '';
}

/** Return on visit also depends on the CRM: visits, target-list members and relationship tags. */
export async function returnOnVisitInputs(db: Kysely<DB>) {
  const r = await sql<{ f: string }>`select concat_ws('|',
    (select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from activities where deleted_at is null),
    (select count(*)::text from target_list_members),
    (select count(*)::text || ':' || coalesce(max(updated_at)::text, '') from provider_relationships)) as f`.execute(
    db,
  );
  return `${await referralMarketInputs(db)}|${r.rows[0]?.f ?? ''}`;
}

/** The stored variants of a view among `variants` that were computed from `inputs` (one query). */
export async function readViewsWithInputs<T>(
  db: Kysely<DB>,
  name: string,
  variants: string[],
  inputs: string,
): Promise<Map<string, T>> {
  if (!variants.length) return new Map();
  const rows = await db
    .selectFrom('dashboard_views')
    .select(['variant', 'body'])
    .where('name', '=', name)
    .where('inputs', '=', inputs)
    .where('variant', 'in', variants)
    .execute();
  return new Map(rows.map((r) => [r.variant, r.body as T]));
}

/**
 * What referral goals also depend on: whose referrals they count (scope.ts) — relationship owners,
 * territories and who is assigned to them, target-list members — and the directory's addresses (which
 * change only through directory imports). Content hashes over these small tables, so a reassignment
 * that keeps the row counts still changes the fingerprint.
 */
export async function goalScopeInputs(db: Kysely<DB>) {
  const r = await sql<{ f: string }>`select concat_ws('|',
    (select count(*)::text || ':' || coalesce(sum(hashtext(provider_npi || ':' || coalesce(owner_id, 0)::text)), 0)::text
      from provider_relationships),
    (select count(*)::text || ':' || coalesce(sum(hashtext(id::text || counties::text || zips::text
      || coalesce(deleted_at::text, ''))), 0)::text from territories),
    (select count(*)::text || ':' || coalesce(sum(hashtext(territory_id || ':' || user_id)), 0)::text
      from territory_assignments),
    (select count(*)::text || ':' || coalesce(sum(hashtext(list_id || ':' || npi)), 0)::text from target_list_members),
    (select coalesce(max(id), 0)::text from import_jobs where status = 'succeeded' and kind not like 'crm-%')) as f`.execute(
    db,
  );
  return `${await referralMarketInputs(db)}|${r.rows[0]?.f ?? ''}`;
}
