// Imports goals.csv (docs/formats/goals.md). Every row is checked first; one bad row rejects the file
// with its line and field, and nothing is written. Rows are keyed by owner, metric, service line and
// period, so importing the same file twice changes nothing and a changed target updates in place.
// A liaison owner makes a liaison goal; a manager (or admin) owner makes a team goal.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { checkGoal, type GoalDraft } from '../../commands/goals/validate';
import type { GoalMetric } from '../../core/goals/metrics';
import { recordAudit } from '../../db/audit';
import { naturalKey } from '../../db/queries/goals/goals';
import type { DB } from '../../db/schema';
import { readCsvBatches } from '../csv/records';

export const GOALS_COLUMNS = [
  'owner_email',
  'metric',
  'service_line',
  'period_start',
  'period_end',
  'target',
] as const;

export interface GoalsImportResult {
  file: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: { line: number; reason: string }[];
}

export async function importGoalsCsv(
  db: Kysely<DB>,
  file: string,
  opts: { actorId?: number | null; actorLabel: string },
): Promise<GoalsImportResult> {
  const name = basename(file);
  const res: GoalsImportResult = {
    file: name,
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
  };
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'email', 'role']).execute()).map((u) => [
      u.email.toLowerCase(),
      u,
    ]),
  );
  const drafts: GoalDraft[] = [];
  let col: Record<string, number> | null = null;
  for await (const batch of readCsvBatches(createReadStream(file), { encoding: 'utf8' })) {
    for (const r of batch) {
      if (!col) {
        const header = r.fields.map((h) => h.trim().toLowerCase());
        const missing = GOALS_COLUMNS.filter((c) => !header.includes(c));
        if (missing.length) {
          res.errors.push({ line: r.line, reason: `${name}: header lacks ${missing.join(', ')}` });
          res.rejected++;
          return res;
        }
        col = Object.fromEntries(header.map((h, i) => [h, i]));
        continue;
      }
      res.read++;
      const get = (c: string) => (r.fields[col![c]!] ?? '').trim();
      const fail = (reason: string) => {
        res.rejected++;
        if (res.errors.length < 100)
          res.errors.push({ line: r.line, reason: `${name} line ${r.line}: ${reason}` });
      };
      const owner = users.get(get('owner_email').toLowerCase());
      if (!owner) {
        fail(`owner_email: no user "${get('owner_email')}"`);
        continue;
      }
      if (owner.role === 'analyst') {
        fail(
          `owner_email: ${owner.email} is an analyst; goals belong to liaisons (individual) or managers (team)`,
        );
        continue;
      }
      const targetText = get('target');
      const draft: GoalDraft = {
        scope: owner.role === 'liaison' ? 'liaison' : 'team',
        ownerId: owner.id,
        campaignId: null,
        metric: get('metric') as GoalMetric,
        serviceLine: get('service_line') || null,
        periodStart: get('period_start'),
        periodEnd: get('period_end'),
        target: targetText === '' ? Number.NaN : Number(targetText),
        withinDays: null,
        note: '',
      };
      const problem = checkGoal(draft);
      if (problem) fail(problem);
      else drafts.push(draft);
    }
  }
  if (!col) {
    res.errors.push({
      line: 1,
      reason: `${name}: the file is empty (expected a header: ${GOALS_COLUMNS.join(',')})`,
    });
    res.rejected++;
  }
  if (res.rejected) return res;
  await db.transaction().execute(async (trx) => {
    for (const g of drafts) {
      const key = naturalKey(g);
      const before = await trx
        .selectFrom('goals')
        .select(['id', 'target', 'version'])
        .where('natural_key', '=', key)
        .executeTakeFirst();
      if (!before) {
        await trx
          .insertInto('goals')
          .values({
            scope: g.scope,
            owner_id: g.ownerId,
            campaign_id: null,
            metric: g.metric,
            service_line: g.serviceLine,
            period_start: g.periodStart,
            period_end: g.periodEnd,
            target: g.target,
            within_days: null,
            natural_key: key,
            created_by: opts.actorId ?? null,
          })
          .execute();
        res.inserted++;
      } else if (before.target !== g.target) {
        await trx
          .updateTable('goals')
          .set({ target: g.target, version: before.version + 1, updated_at: new Date() })
          .where('id', '=', before.id)
          .execute();
        res.updated++;
      } else res.unchanged++;
    }
    await recordAudit(trx, {
      actorUserId: opts.actorId ?? null,
      actorLabel: opts.actorLabel,
      action: 'import',
      entity: 'goals',
      detail: {
        file: name,
        read: res.read,
        inserted: res.inserted,
        updated: res.updated,
        unchanged: res.unchanged,
      },
    });
  });
  return res;
}
