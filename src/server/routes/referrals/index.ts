// Referral base of a physician, referral uploads (CSV with column mapping, FHIR), and settings.
import { z } from 'zod';
import { importFhirReferralsAndDetect, importReferralsAndDetect } from '../../../commands/referrals/imports';
import { recordAudit } from '../../../db/audit';
import { getReferralBase } from '../../../db/queries/referrals/base';
import { getReferralSettings, saveReferralSettings } from '../../../db/queries/referrals/settings';
import { REFERRAL_COLUMNS } from '../../../import/referrals/csv';
import { previewReferralCsv } from '../../../import/referrals/preview';
import { ReferralImportError } from '../../../import/referrals/run';
import { ADMIN, ALL_ROLES, actorOf, MANAGERS } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { npiParam } from '../../lib/schemas';
import { receiveUpload } from '../../lib/upload';
import { monthField, serviceLineField, sourceField } from './schemas';

const parseJsonField = (raw: string | undefined, name: string) => {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, `body.${name}: not valid JSON`);
  }
};
const mappingSchema = z.strictObject(
  Object.fromEntries(REFERRAL_COLUMNS.map((c) => [c, z.string().max(200).optional()])),
);

export default async function referralRoutes(app: App, { database, config }: ServerContext) {
  const db = database.db;

  app.get('/api/referrals/base/:npi', {
    config: { roles: ALL_ROLES, cache: ['referrals', 'directory'] },
    schema: {
      tags: ['referrals'],
      summary:
        'Referral base of a physician: totals by destination network, share + segment, leakage, trend, consistency, top destinations, service lines, monthly series',
      params: npiParam,
      querystring: z.strictObject({
        from: monthField.optional(),
        to: monthField.optional(),
        source: z.union([sourceField, z.array(sourceField)]).optional(),
      }),
    },
    handler: async (req) => {
      const { from, to, source } = req.query;
      if (from && to && from > to) throw new HttpError(400, 'querystring.from: must not be after to');
      return getReferralBase(db, req.params.npi, { from, to, sources: source ? [source].flat() : undefined });
    },
  });

  const upload = async (req: Parameters<typeof actorOf>[0], kind: 'csv' | 'fhir') => {
    const actor = actorOf(req);
    const file = await receiveUpload(req, {
      accept: kind === 'csv' ? ['csv', 'txt'] : ['json', 'ndjson'],
      maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
    });
    try {
      const mapping = mappingSchema.safeParse(parseJsonField(file.fields.mapping, 'mapping') ?? {});
      if (!mapping.success)
        throw new HttpError(400, `body.mapping: ${mapping.error.issues[0]?.message ?? 'invalid'}`);
      const dropColumns = (file.fields.dropColumns ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const opts = { startedBy: actor.email, fileName: file.fileName };
      const result =
        kind === 'csv'
          ? await importReferralsAndDetect(database, file.path, {
              ...opts,
              mapping: mapping.data,
              dropColumns,
            })
          : await importFhirReferralsAndDetect(database, file.path, opts);
      await recordAudit(db, {
        actorUserId: actor.id,
        actorLabel: actor.email,
        action: 'import',
        entity: 'import_job',
        entityId: result.jobId,
        ip: req.ip,
        detail: {
          kind,
          file: file.fileName,
          inserted: result.inserted,
          updated: result.updated,
          rejected: result.rejected,
        },
      });
      return result;
    } catch (e) {
      if (e instanceof ReferralImportError || (e as { expected?: boolean }).expected)
        throw new HttpError(400, (e as Error).message);
      throw e;
    } finally {
      await file.cleanup();
    }
  };

  app.post('/api/referrals/import', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['referrals'],
      summary:
        'Upload a referral CSV (multipart "file"; optional fields "mapping" JSON and "dropColumns"); runs the alert detector after',
    },
    handler: async (req, reply) => {
      const r = await upload(req, 'csv');
      reply.status(201);
      return r;
    },
  });

  app.post('/api/referrals/import/fhir', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['referrals'],
      summary: 'Upload FHIR R4 ServiceRequest referrals (Bundle JSON or NDJSON)',
    },
    handler: async (req, reply) => {
      const r = await upload(req, 'fhir');
      reply.status(201);
      return r;
    },
  });

  app.post('/api/referrals/import/preview', {
    config: { roles: MANAGERS },
    schema: {
      tags: ['referrals'],
      summary:
        'Preview a referral CSV for the column-mapping step: header, first rows, suggested mapping, patient-looking columns',
    },
    handler: async (req) => {
      const file = await receiveUpload(req, {
        accept: ['csv', 'txt'],
        maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024,
      });
      try {
        return await previewReferralCsv(file.path, file.fileName);
      } catch (e) {
        if ((e as { expected?: boolean }).expected) throw new HttpError(400, (e as Error).message);
        throw e;
      } finally {
        await file.cleanup();
      }
    },
  });

  app.get('/api/referrals/settings', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['referrals'],
      summary: 'Segment thresholds, value per case per service line, detector options',
    },
    handler: async () => getReferralSettings(db),
  });

  app.patch('/api/referrals/settings', {
    config: { roles: ADMIN },
    schema: {
      tags: ['referrals'],
      summary: 'Change segment thresholds, value per case per service line or detector options',
      body: z.strictObject({
        thresholds: z
          .strictObject({
            loyalist: z.number().min(0).max(1).optional(),
            opportunity: z.number().min(0).max(1).optional(),
            minVolume: z.number().int().min(0).max(100000).optional(),
          })
          .optional(),
        valuePerCase: z.partialRecord(serviceLineField, z.number().min(0).max(10_000_000)).optional(),
        detector: z
          .strictObject({
            alpha: z.number().gt(0).max(0.5).optional(),
            minRelativeChange: z.number().min(0).max(0.95).optional(),
            minBaselinePerMonth: z.number().min(0).max(1000).optional(),
          })
          .optional(),
        intake: z
          .strictObject({
            receiver: z
              .string()
              .trim()
              .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'an organization NPI or facility code')
              .nullable()
              .optional(),
            serviceLine: serviceLineField.optional(),
          })
          .optional(),
      }),
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const before = await getReferralSettings(db);
      const t = req.body.thresholds;
      if (t?.loyalist !== undefined && t.opportunity !== undefined && t.opportunity > t.loyalist)
        throw new HttpError(400, 'body.thresholds: opportunity must not exceed loyalist');
      return db.transaction().execute(async (trx) => {
        const after = await saveReferralSettings(trx, req.body as Parameters<typeof saveReferralSettings>[1]);
        await recordAudit(trx, {
          actorUserId: actor.id,
          actorLabel: actor.email,
          action: 'update',
          entity: 'settings',
          entityId: 'referrals',
          ip: req.ip,
          detail: { before, after },
        });
        return after;
      });
    },
  });
}
