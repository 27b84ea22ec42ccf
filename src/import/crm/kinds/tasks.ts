// tasks.csv: follow-ups and promises.
import { TASK_STATUSES } from '../../../core/crm/tasks';
import { STAFF } from '../../../server/auth/guard';
import { upsertByKey } from '../upsert';
import type { ImportKind } from './types';

type Task = Record<string, unknown> & { external_id: string };

export const tasksKind: ImportKind<Task> = {
  kind: 'tasks',
  roles: STAFF,
  npiFields: ['provider_npi'],
  fields: [
    { field: 'external_id', required: true, synonyms: ['id', 'task id'], help: 'source id (key)' },
    { field: 'title', required: true, synonyms: ['task', 'subject', 'to do'], help: 'what to do' },
    { field: 'description', synonyms: ['details', 'notes'], help: 'details' },
    { field: 'owner_email', synonyms: ['owner', 'assignee', 'assigned to'], help: 'e-mail of the assignee' },
    { field: 'due_date', synonyms: ['due', 'due on'], help: 'YYYY-MM-DD' },
    { field: 'status', synonyms: ['state'], help: TASK_STATUSES.join(' | ') },
    { field: 'provider_npi', synonyms: ['npi'], help: 'provider NPI' },
    { field: 'organization_npi', synonyms: ['practice npi'], help: 'organization NPI' },
    { field: 'organization_name', synonyms: ['practice', 'organization'], help: 'or its exact name' },
    {
      field: 'activity_external_id',
      synonyms: ['activity id', 'activity'],
      help: 'activity that created it',
    },
  ],
  parse(c) {
    const id = c.text('external_id', { required: true, max: 120 });
    const title = c.text('title', { required: true, max: 200 });
    const act = c.text('activity_external_id');
    const activityId = act ? (c.ctx.activities.get(act) ?? null) : null;
    if (act && !activityId)
      c.err('activity_external_id', `no imported activity "${act}" (import activities first)`);
    const status = c.oneOf('status', TASK_STATUSES) ?? 'open';
    const row = {
      external_id: id!,
      title: title!,
      description: c.text('description') ?? '',
      owner_id: c.user('owner_email', c.ctx.actor.id),
      due_on: c.date('due_date'),
      status,
      completed_at: null,
      provider_npi: c.npi('provider_npi'),
      organization_id: c.organization('organization_npi', 'organization_name'),
      activity_id: activityId,
      created_by: c.ctx.actor.id,
    };
    return id && title ? row : null;
  },
  key: (v) => v.external_id,
  write: (db, rows) =>
    upsertByKey(
      db,
      'tasks',
      'external_id',
      rows.map((r) => r.value),
    ),
};
