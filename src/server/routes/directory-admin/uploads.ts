// Admin → Data uploads: stream the file to a temp file, run the same importer as the CLI.
// The response comes as soon as the job row exists (202 + job); the job's progress is readable
// at GET /api/admin/imports/:id while it runs (`wait=true` answers when the import is done).
import { recordAudit } from '../../../db/audit';
import { IMPORT_KINDS, type ImportKind } from '../../../import';
import type { Progress } from '../../../import/fileSource';
import type { Actor } from '../../auth/guard';
import type { ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { receiveUpload, type UploadKind } from '../../lib/upload';

/** In-process progress of running imports (a job started by another process shows only its row). */
export const importProgress = new Map<number, Progress>();

export async function uploadAndImport(
  req: Parameters<typeof receiveUpload>[0],
  actor: Actor,
  kind: ImportKind,
  { database, config }: ServerContext,
) {
  const spec = IMPORT_KINDS[kind];
  const accept = spec.extensions.map((e) => e.slice(1)) as UploadKind[];
  const file = await receiveUpload(req, { accept, maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024 });
  const region = file.fields.region?.trim() || undefined;
  const source = file.fields.source === 'demo' ? ('demo' as const) : undefined;
  const wait = file.fields.wait === 'true';
  let jobId: number | undefined;
  let announce: (id: number) => void = () => {};
  const started = new Promise<number>((resolve) => {
    announce = resolve;
  });
  const run = spec
    .run(database, file.path, {
      label: file.fileName,
      startedBy: actor.email,
      region,
      source,
      onJob: (id) => {
        jobId = id;
        announce(id);
      },
      onProgress: (p) => {
        if (jobId !== undefined) importProgress.set(jobId, p);
      },
    })
    .then(async (r) => {
      await recordAudit(database.db, {
        actorUserId: actor.id,
        actorLabel: actor.email,
        action: 'import',
        entity: 'import_job',
        entityId: r.jobId,
        ip: req.ip,
        detail: { kind, file: file.fileName, counts: r.counts },
      });
      return r;
    })
    .finally(async () => {
      if (jobId !== undefined) importProgress.delete(jobId);
      await file.cleanup();
    });
  if (wait) {
    try {
      return { status: 200, jobId: (await run).jobId };
    } catch (e) {
      if ((e as { expected?: boolean }).expected) throw new HttpError(400, `body: ${(e as Error).message}`);
      throw e;
    }
  }
  // errors before the job exists (wrong region, empty file) are answered directly
  const first = await Promise.race([
    started.then((id) => ({ id })),
    run.then(
      (r) => ({ id: r.jobId }),
      (e: unknown) => ({ error: e }),
    ),
  ]);
  if ('error' in first) {
    if ((first.error as { expected?: boolean }).expected)
      throw new HttpError(400, `body: ${(first.error as Error).message}`);
    throw first.error;
  }
  run.catch(() => {}); // the failure is recorded on the job row
  return { status: 202, jobId: first.id };
}
