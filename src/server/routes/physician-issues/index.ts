// Physician issues: report, work, resolve; days open and the aging view.
import { z } from 'zod';
import { deleteIssue, reportIssue, updateIssue } from '../../../commands/crm/issues';
import { changeHistory } from '../../../commands/crm/versioned';
import { AGING_BUCKETS, ISSUE_CATEGORIES, ISSUE_STATUSES } from '../../../core/crm/issueAging';
import { issueAging, listIssues } from '../../../db/queries/crm/issues';
import { ALL_ROLES, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { idParam, idQuery, text } from '../../lib/schemas';
import {
  assertReadable,
  crmActor,
  dateString,
  enumList,
  id,
  listQuery,
  notes,
  npi,
  ownersFor,
  readableFor,
  run,
  version,
  versionBody,
} from '../crm/lib';

const fields = {
  providerNpi: npi.nullable().optional(),
  organizationId: id.nullable().optional(),
  category: z.enum(ISSUE_CATEGORIES),
  title: text(200).pipe(z.string().min(1)),
  description: notes(10_000).optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  openedOn: dateString.optional(),
  resolvedOn: dateString.nullable().optional(),
  resolution: notes(5000).nullable().optional(),
  reportedBy: text(120).nullable().optional(),
  ownerId: id.nullable().optional(),
  activityId: id.nullable().optional(),
};

const filters = {
  ...listQuery,
  status: enumList(ISSUE_STATUSES).optional(),
  category: enumList(ISSUE_CATEGORIES).optional(),
  providerNpi: npi.optional(),
  organizationId: idQuery.optional(),
};

export default async function issueRoutes(app: App, { database }: ServerContext) {
  const db = database.db;

  app.get('/api/issues', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary:
        'List physician issues with days open and aging bucket (`bucket` keeps unresolved ones of that age)',
      querystring: z.strictObject({
        ...filters,
        bucket: z.enum(AGING_BUCKETS.map((b) => b.key) as [string, ...string[]]).optional(),
      }),
    },
    handler: async (req) => {
      const { scope, deleted, ...f } = req.query;
      const ownerIds =
        f.providerNpi || f.organizationId
          ? await readableFor(database, req)
          : await ownersFor(database, req, scope ?? 'all');
      return { items: await listIssues(db, { ...f, ownerIds, deleted: deleted === 'true' }) };
    },
  });

  app.get('/api/issues/aging', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['crm'],
      summary: 'Unresolved issues per age bucket (0–7, 8–30, 31–90, over 90 days), with the issue ids',
      querystring: z.strictObject({ scope: listQuery.scope, category: filters.category }),
    },
    handler: async (req) => {
      const ownerIds = await ownersFor(database, req, req.query.scope ?? 'all');
      return {
        ...(await issueAging(db, { ownerIds, category: req.query.category })),
        buckets_defined: AGING_BUCKETS,
      };
    },
  });

  app.post('/api/issues', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Report a physician issue', body: z.strictObject(fields) },
    handler: async (req, reply) => {
      const r = await run(() => reportIssue(db, crmActor(req), req.body));
      reply.status(201);
      return r;
    },
  });

  app.get('/api/issues/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'One physician issue', params: idParam },
    handler: async (req) => {
      const [issue] = await listIssues(db, { id: req.params.id });
      await assertReadable(database, req, issue, `issue ${req.params.id}`);
      return issue;
    },
  });

  app.patch('/api/issues/:id', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Work or resolve an issue (resolving needs a resolution); stale version → 409',
      params: idParam,
      body: z.strictObject({ version, ...z.object(fields).partial().shape }),
    },
    handler: async (req) => {
      const { version: v, ...patch } = req.body;
      return run(() => updateIssue(db, crmActor(req), req.params.id, v, patch));
    },
  });

  app.delete('/api/issues/:id', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Soft-delete an issue', params: idParam, body: versionBody },
    handler: async (req) => run(() => deleteIssue(db, crmActor(req), req.params.id, true, req.body?.version)),
  });

  app.post('/api/issues/:id/restore', {
    config: { roles: STAFF },
    schema: { tags: ['crm'], summary: 'Restore a deleted issue', params: idParam, body: versionBody },
    handler: async (req) =>
      run(() => deleteIssue(db, crmActor(req), req.params.id, false, req.body?.version)),
  });

  app.get('/api/issues/:id/history', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['crm'], summary: 'Change history of an issue', params: idParam },
    handler: async (req) => {
      const [issue] = await listIssues(db, { id: req.params.id });
      await assertReadable(database, req, issue, `issue ${req.params.id}`);
      return { items: await changeHistory(db, 'physician_issue', req.params.id) };
    },
  });
}
