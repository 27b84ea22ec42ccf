// What the phone caches for a day: today's route (the planner's saved plan, if any), the liaison's
// targets, their provider and organization cards, open tasks and open alerts on those physicians, and
// the check-ins the server already has for the day's stops (so another phone shows them as checked in).
import type { Kysely } from 'kysely';
import { listTasks } from '../../db/queries/crm/tasks';
import { listRoutePlans } from '../../db/queries/routes/plans';
import type { DB } from '../../db/schema';
import { nextTargets } from '../network/targets';
import { presentPlan } from '../routes/present';
import { organizationCards, providerCards } from './cards';
import { planCheckins } from './checkins';

const TARGETS = 25;

export async function fieldBundle(
  db: Kysely<DB>,
  user: { id: number; email: string; name: string },
  date: string,
  now = new Date(),
) {
  const [plan] = await listRoutePlans(db, { liaisonId: user.id, from: date, to: date, latestPerDay: true });
  const route = plan ? presentPlan(plan, user) : null;
  const targets = await nextTargets(db, user.id, TARGETS);
  const npis = new Set(targets.items.map((t) => t.npi));
  const orgIds = new Set<number>();
  for (const v of route?.visits ?? []) for (const p of v.providers) npis.add(p.npi);
  if (plan)
    for (const s of plan.stops as { organizationId: number | null }[])
      if (s.organizationId) orgIds.add(s.organizationId);
  if (npis.size) {
    const m = await db
      .selectFrom('memberships')
      .select('organization_id')
      .where('provider_npi', 'in', [...npis])
      .where('role', '=', 'primary')
      .execute();
    for (const r of m) orgIds.add(Number(r.organization_id));
  }
  const [providers, organizations, tasks, checkins] = await Promise.all([
    providerCards(db, [...npis]),
    organizationCards(db, [...orgIds]),
    listTasks(db, { ownerIds: [user.id], status: ['open', 'in_progress'], limit: 100, today: date }),
    plan ? planCheckins(db, user.id, Number(plan.id)) : [],
  ]);
  return {
    date,
    generatedAt: now.toISOString(),
    liaison: user,
    referralSource: {
      source: 'EHR/FHIR referrals (internal sources)',
      dataDate: providers.meta?.dataDate ?? targets.meta.dataDate ?? null,
      window: providers.meta?.referralWindow ?? targets.meta.referralWindow ?? null,
    },
    route,
    checkins,
    targets: targets.items.map((t) => ({
      npi: t.npi,
      name: t.name,
      priority: t.priority,
      dueVisit: t.dueVisit,
      locationIds: t.locationIds,
      why: t.why,
    })),
    providers: providers.cards,
    organizations,
    tasks: tasks.map((t) => ({ ...t, id: Number(t.id) })),
    alerts: targets.items.flatMap((t) => t.alerts.map((a) => ({ ...a, providerName: t.name }))),
  };
}

export type FieldBundle = Awaited<ReturnType<typeof fieldBundle>>;
