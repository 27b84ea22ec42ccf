import { sql } from 'kysely';
import { z } from 'zod';
import { getSetting } from '../../../db/queries/settings';
import { ADMIN } from '../../auth/guard';
import { ssoEnabled } from '../../auth/oidc';
import type { App, ServerContext } from '../../context';
import { idParam } from '../../lib/schemas';

export default async function systemRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok', database: database.kind };
    } catch {
      reply.status(503);
      return { status: 'unavailable', database: database.kind };
    }
  });

  app.get('/api/system/info', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Product name, version, database kind and whether synthetic demo data is loaded',
    },
    handler: async () => {
      const demo =
        (await getSetting<{
          seed: number;
          loadedAt: string;
          dataDate: string;
          folder?: string;
          loading?: string | null;
        } | null>(db, 'demo')) ?? null;
      return {
        name: 'Rounds',
        version: process.env.npm_package_version ?? '0.1.0',
        database: database.kind,
        // the folder is a server path: not for the browser
        demo: demo ? { ...demo, folder: undefined, loading: demo.loading ?? null } : null,
        sso: ssoEnabled(config), // the login page shows "Sign in with SSO" (GET /api/auth/oidc/start)
      };
    },
  });

  app.get('/api/import-jobs', {
    config: { roles: ADMIN },
    schema: {
      tags: ['system'],
      summary: 'Recorded import jobs, newest first',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
    },
    handler: async (req) => ({
      items: await db
        .selectFrom('import_jobs')
        .select([
          'id',
          'kind',
          'file_name',
          'status',
          'started_at',
          'finished_at',
          'started_by',
          'rows_read',
          'rows_inserted',
          'rows_updated',
          'rows_unchanged',
          'rows_deactivated',
          'rows_rejected',
          'message',
          'data_date',
        ])
        .orderBy('id', 'desc')
        .limit(req.query.limit)
        .execute(),
    }),
  });

  app.get('/api/import-jobs/:id', {
    config: { roles: ADMIN },
    schema: { tags: ['system'], summary: 'One import job with its row-level errors', params: idParam },
    handler: async (req, reply) => {
      const job = await db
        .selectFrom('import_jobs')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!job)
        return reply
          .status(404)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            detail: `import job ${req.params.id} not found`,
          });
      return job;
    },
  });
}
