// issues.csv: the physician-issue log.
import { ISSUE_CATEGORIES, ISSUE_STATUSES } from '../../../core/crm/issueAging';
import { STAFF } from '../../../server/auth/guard';
import { upsertByKey } from '../upsert';
import type { ImportKind } from './types';

type Issue = Record<string, unknown> & { external_id: string };

export const issuesKind: ImportKind<Issue> = {
  kind: 'issues',
  roles: STAFF,
  npiFields: ['provider_npi'],
  fields: [
    { field: 'external_id', required: true, synonyms: ['id', 'issue id'], help: 'source id (key)' },
    { field: 'provider_npi', synonyms: ['npi', 'physician npi'], help: 'physician who raised it' },
    { field: 'organization_npi', synonyms: ['practice npi'], help: 'their practice' },
    { field: 'organization_name', synonyms: ['practice', 'organization'], help: 'or its exact name' },
    {
      field: 'category',
      required: true,
      synonyms: ['type', 'issue type'],
      help: ISSUE_CATEGORIES.join(' | '),
    },
    { field: 'title', required: true, synonyms: ['subject', 'issue'], help: 'short title' },
    { field: 'description', synonyms: ['details'], help: 'what happened' },
    { field: 'owner_email', synonyms: ['owner', 'assigned to'], help: 'who must resolve it' },
    { field: 'status', synonyms: ['state'], help: ISSUE_STATUSES.join(' | ') },
    { field: 'opened_at', synonyms: ['opened', 'opened on', 'date opened', 'reported'], help: 'YYYY-MM-DD' },
    {
      field: 'resolved_at',
      synonyms: ['resolved', 'resolved on', 'date resolved', 'closed'],
      help: 'YYYY-MM-DD',
    },
    { field: 'resolution', synonyms: ['how resolved'], help: 'how it was resolved' },
  ],
  parse(c) {
    const id = c.text('external_id', { required: true, max: 120 });
    const npi = c.npi('provider_npi');
    const orgId = c.organization('organization_npi', 'organization_name');
    if (!c.v.provider_npi && !orgId) c.err('provider_npi', 'an issue needs a provider or an organization');
    const status = c.oneOf('status', ISSUE_STATUSES) ?? 'open';
    const opened = c.date('opened_at') ?? c.ctx.today;
    let resolved = c.date('resolved_at');
    const resolution = c.text('resolution');
    if (status === 'resolved' && !resolved) c.err('resolved_at', 'is required when status is resolved');
    if (status !== 'resolved' && resolved) {
      c.err('resolved_at', `is set but status is ${status}`);
      resolved = null;
    }
    if (resolved && resolved < opened) c.err('resolved_at', `${resolved} is before opened_at ${opened}`);
    const row = {
      external_id: id!,
      provider_npi: npi,
      organization_id: orgId,
      category: c.oneOf('category', ISSUE_CATEGORIES, { required: true }),
      title: c.text('title', { required: true, max: 200 }),
      description: c.text('description') ?? '',
      owner_id: c.user('owner_email', c.ctx.actor.id),
      status,
      opened_on: opened,
      resolved_on: resolved,
      resolution,
      created_by: c.ctx.actor.id,
    };
    return id ? row : null;
  },
  key: (v) => v.external_id,
  write: (db, rows) =>
    upsertByKey(
      db,
      'physician_issues',
      'external_id',
      rows.map((r) => r.value),
    ),
};
