// Admin → Backups: the record of backups (scheduled, CLI, on demand) and "back up now", which runs
// inside the server — the safe way to back up a running PGlite database.
import { backupDir, runBackup } from '../../../commands/backupSchedule';
import { ADMIN, actorOf } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';

export default async function backupRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;
  let running = false;

  app.get('/api/backups', {
    config: { roles: ADMIN },
    schema: { tags: ['backups'], summary: 'Backups taken (newest first) and the schedule' },
    handler: async () => ({
      items: await db.selectFrom('backup_runs').selectAll().orderBy('id', 'desc').limit(200).execute(),
      schedule: {
        intervalHours: config.BACKUP_INTERVAL_HOURS,
        keep: config.BACKUP_KEEP,
        dir: backupDir(config),
        database: database.kind,
      },
    }),
  });

  app.post('/api/backups', {
    config: { roles: ADMIN, rateLimit: { ...rateLimitFor('export', config), max: 5 } },
    schema: {
      tags: ['backups'],
      summary: 'Take a backup now into the backup folder (keeps the newest BACKUP_KEEP)',
    },
    handler: async (req, reply) => {
      if (running) throw new HttpError(409, 'A backup is already running');
      running = true;
      try {
        const r = await runBackup(database, config, { trigger: 'api', actor: actorOf(req).email });
        reply.status(201);
        return { id: r.id, file: r.file, bytes: r.bytes, auditHead: r.auditHead, pruned: r.pruned };
      } finally {
        running = false;
      }
    },
  });
}
