// Spreadsheet import of CRM lists (contacts, activities, tasks, issues, relationships, spend,
// territories): upload CSV/XLSX, get the column mapping, a preview and row-level errors; then
// upload again with `preview=false` (and the mapping you settled on) to import.
import { z } from 'zod';
import { IMPORT_KIND_NAMES, importCrmFile } from '../../../import/crm';
import { type IMPORT_KINDS, kindOf } from '../../../import/crm/kinds';
import { ImportRefused } from '../../../import/fileSource';
import { actorOf, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { badRequest, HttpError } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';
import { receiveUpload, uploadLimitBytes } from '../../lib/upload';
import { crmActor } from '../crm/lib';

const mappingField = z
  .record(z.string().max(200), z.string().max(60))
  .refine((m) => Object.keys(m).length <= 200, 'too many columns');

export default async function crmImportRoutes(app: App, { database, config }: ServerContext) {
  app.get('/api/crm-import/kinds', {
    config: { roles: STAFF },
    schema: {
      tags: ['crm'],
      summary: 'Importable CRM lists with their fields (the targets of the column mapping)',
    },
    handler: async (req) => ({
      items: IMPORT_KIND_NAMES.filter((k) => kindOf(k).roles.includes(actorOf(req).role)).map((k) => ({
        kind: k,
        fields: kindOf(k).fields.map((f) => ({ field: f.field, required: !!f.required, help: f.help })),
      })),
    }),
  });

  app.post('/api/crm-import/:kind', {
    config: { roles: STAFF, rateLimit: rateLimitFor('upload', config) },
    schema: {
      tags: ['crm'],
      summary:
        'Upload a CSV/XLSX (multipart field "file"; optional fields "mapping" = JSON {column: field}, "preview" = "true"|"false", "timeZone")',
      params: z.strictObject({ kind: z.enum(IMPORT_KIND_NAMES as [string, ...string[]]) }),
    },
    handler: async (req) => {
      const kind = req.params.kind as keyof typeof IMPORT_KINDS;
      const actor = crmActor(req);
      if (!kindOf(kind).roles.includes(actor.role))
        throw new HttpError(403, `The ${actor.role} role may not import ${kind}`);
      const up = await receiveUpload(req, {
        accept: ['csv', 'xlsx'],
        maxBytes: uploadLimitBytes(config.MAX_UPLOAD_MB),
      });
      try {
        let mapping: Record<string, string> | undefined;
        if (up.fields.mapping) {
          let raw: unknown;
          try {
            raw = JSON.parse(up.fields.mapping);
          } catch {
            throw badRequest('body.mapping: not valid JSON');
          }
          const m = mappingField.safeParse(raw);
          if (!m.success) throw badRequest(`body.mapping: ${m.error.issues[0]?.message ?? 'invalid'}`);
          mapping = m.data;
        }
        const tz = up.fields.timeZone?.slice(0, 60);
        return await importCrmFile(database.db, kind, up.path, {
          actor,
          mapping,
          fileName: up.fileName,
          timeZone: tz || undefined,
          preview: up.fields.preview !== 'false',
        });
      } catch (e) {
        if (e instanceof ImportRefused) throw badRequest(`body: ${e.message}`);
        throw e;
      } finally {
        await up.cleanup();
      }
    },
  });
}
