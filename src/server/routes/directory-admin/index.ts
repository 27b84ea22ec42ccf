// Directory administration: taxonomies, the service-line map, data uploads and import jobs.
import { z } from 'zod';
import {
  DirectoryError,
  listServiceLineMap,
  updateServiceLineMap,
} from '../../../commands/directory/serviceLineMap';
import { SERVICE_LINE_KEYS, SERVICE_LINES } from '../../../core/serviceLines';
import { IMPORT_KINDS, type ImportKind, importKinds } from '../../../import';
import { ADMIN, ALL_ROLES, actorOf, MANAGERS } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError, notFound } from '../../lib/errors';
import { idParam, text } from '../../lib/schemas';
import { importProgress, uploadAndImport } from './uploads';

const taxonomyCode = z.string().regex(/^[0-9A-Za-z]{9}[Xx]$/, 'must be a 10-character NUCC code');

export default async function directoryAdminRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;

  app.get('/api/taxonomies', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['directory'],
      summary: 'NUCC taxonomy codes (filter by text)',
      querystring: z.strictObject({ q: text(80).optional() }),
    },
    handler: async (req) => {
      let q = db.selectFrom('taxonomies').selectAll().orderBy('code');
      if (req.query.q) {
        const like = `%${req.query.q}%`;
        q = q.where((eb) =>
          eb.or([
            eb('display_name', 'ilike', like),
            eb('code', 'ilike', like),
            eb('classification', 'ilike', like),
          ]),
        );
      }
      return { items: await q.execute() };
    },
  });

  app.get('/api/service-line-map', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['directory'], summary: 'Taxonomy → service line map with provider counts' },
    handler: async () => ({ serviceLines: SERVICE_LINES, items: await listServiceLineMap(db) }),
  });

  app.put('/api/service-line-map', {
    config: { roles: ADMIN },
    schema: {
      tags: ['directory'],
      summary: 'Change the service line of taxonomy codes (providers follow)',
      body: z.strictObject({
        changes: z
          .array(z.strictObject({ code: taxonomyCode, serviceLine: z.enum(SERVICE_LINE_KEYS) }))
          .min(1)
          .max(1000),
      }),
    },
    handler: async (req) => {
      const a = actorOf(req);
      try {
        return await updateServiceLineMap(db, { id: a.id, label: a.email, ip: req.ip }, req.body.changes);
      } catch (e) {
        if (e instanceof DirectoryError) throw new HttpError(e.status, `body.changes: ${e.message}`);
        throw e;
      }
    },
  });

  app.get('/api/admin/import-kinds', {
    config: { roles: MANAGERS },
    schema: { tags: ['directory'], summary: 'The kinds of files the directory imports' },
    handler: async () => ({
      items: importKinds.map((k) => ({
        kind: k,
        label: IMPORT_KINDS[k].label,
        extensions: IMPORT_KINDS[k].extensions,
      })),
    }),
  });

  app.post('/api/admin/imports/:kind', {
    config: { roles: ADMIN },
    schema: {
      tags: ['directory'],
      summary: 'Upload a directory file (multipart "file"; optional fields "region", "source", "wait")',
      params: z.strictObject({ kind: z.enum(importKinds as [ImportKind, ...ImportKind[]]) }),
    },
    handler: async (req, reply) => {
      const r = await uploadAndImport(req, actorOf(req), req.params.kind, ctx);
      const job = await db
        .selectFrom('import_jobs')
        .selectAll()
        .where('id', '=', r.jobId)
        .executeTakeFirstOrThrow();
      reply.status(r.status === 202 && job.status === 'running' ? 202 : 200);
      return { job, progress: importProgress.get(r.jobId) ?? null };
    },
  });

  app.get('/api/admin/imports', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['directory'],
      summary: 'Recent import jobs',
      querystring: z.strictObject({
        kind: text(40).optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
    },
    handler: async (req) => {
      let q = db
        .selectFrom('import_jobs')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(req.query.limit ?? 50);
      if (req.query.kind) q = q.where('kind', '=', req.query.kind);
      return { items: await q.execute() };
    },
  });

  app.get('/api/admin/imports/:id', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['directory'],
      summary: 'One import job with its row errors and, while running, its progress',
      params: idParam,
    },
    handler: async (req) => {
      const job = await db
        .selectFrom('import_jobs')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!job) throw notFound(`import job ${req.params.id}`);
      return { job, progress: importProgress.get(job.id) ?? null };
    },
  });
}
