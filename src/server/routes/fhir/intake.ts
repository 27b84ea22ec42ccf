// Referral intake over FHIR: POST /fhir/ServiceRequest (one referral) and POST /fhir with a
// transaction or batch Bundle (ServiceRequests plus the Practitioner/Organization/PractitionerRole
// resources they reference). Both go through the referral importer (src/import/referrals, owned
// by the referral engineer) — one mapping, no patient identifiers kept: the importer reads only the
// requester, performer, dates, status and service codes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { importFhirReferralsAndDetect } from '../../../commands/referrals/imports';
import { operationOutcome } from '../../../core/fhir/bundle';
import { recordAudit } from '../../../db/audit';
import { actorOf, STAFF } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { rateLimitFor } from '../../lib/rateLimits';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
type Json = Record<string, unknown>;

async function importJson(ctx: ServerContext, req: FastifyRequest, doc: Json, label: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'rounds-fhir-'));
  try {
    const file = path.join(dir, 'intake.json');
    await writeFile(file, JSON.stringify(doc), { mode: 0o600 });
    const actor = actorOf(req);
    const r = await importFhirReferralsAndDetect(ctx.database, file, {
      startedBy: actor.email,
      fileName: label,
      marketRefresh: 'background',
    });
    await recordAudit(ctx.database.db, {
      actorUserId: actor.id,
      actorLabel: actor.email,
      action: 'import',
      entity: 'import_job',
      entityId: r.jobId,
      ip: req.ip,
      detail: {
        kind: 'fhir-referrals',
        via: label,
        read: r.rowsRead,
        inserted: r.inserted,
        updated: r.updated,
        rejected: r.rejected,
      },
    });
    return r;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const summary = (r: {
  jobId: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}) =>
  `Import job ${r.jobId}: ${r.inserted} referral(s) added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected. Patient data is not stored.`;

export function registerFhirIntake(fhir: App, ctx: ServerContext) {
  const limits = { roles: STAFF, rateLimit: rateLimitFor('write', ctx.config) };

  fhir.post('/ServiceRequest', {
    config: limits,
    bodyLimit: 1024 * 1024,
    schema: {
      tags: ['fhir'],
      summary:
        'Send one referral as a ServiceRequest (US Core); stored as a Rounds referral without patient data',
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const body = req.body as Json | undefined;
      if (!body || typeof body !== 'object' || Array.isArray(body) || body.resourceType !== 'ServiceRequest')
        throw new HttpError(400, 'body: expected a ServiceRequest resource (resourceType "ServiceRequest")');
      const r = await importJson(ctx, req, body, 'POST /fhir/ServiceRequest');
      if (r.inserted + r.updated + r.unchanged === 0) {
        const why =
          r.errors.map((e) => `${e.field}: ${e.reason}`).join('; ') || r.message || 'not importable';
        return reply.status(422).type(FHIR_JSON).send(operationOutcome('processing', why));
      }
      return reply
        .status(201)
        .type(FHIR_JSON)
        .send(operationOutcome('informational', summary(r), 'information'));
    },
  });

  fhir.post('/', {
    config: limits,
    bodyLimit: 10 * 1024 * 1024,
    schema: {
      tags: ['fhir'],
      summary:
        'Process a transaction or batch Bundle of referral ServiceRequests (and the resources they reference)',
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const body = req.body as Json | undefined;
      if (
        !body ||
        typeof body !== 'object' ||
        body.resourceType !== 'Bundle' ||
        !['transaction', 'batch'].includes(String(body.type))
      )
        throw new HttpError(400, 'body: expected a Bundle of type "transaction" or "batch"');
      const entries = Array.isArray(body.entry) ? (body.entry as Json[]) : [];
      if (!entries.some((e) => (e.resource as Json | undefined)?.resourceType === 'ServiceRequest'))
        throw new HttpError(400, 'body: the Bundle holds no ServiceRequest to import');
      const r = await importJson(ctx, req, body, 'POST /fhir (Bundle)');
      const errorsByEntry = new Map<number, string[]>();
      for (const e of r.errors)
        errorsByEntry.set(e.line, [...(errorsByEntry.get(e.line) ?? []), `${e.field}: ${e.reason}`]);
      const response = entries.map((e, i) => {
        const res = e.resource as Json | undefined;
        const problems = errorsByEntry.get(i + 1);
        if (res?.resourceType !== 'ServiceRequest') return { response: { status: '200 OK' } }; // used for references only
        return problems
          ? {
              response: {
                status: '422 Unprocessable Entity',
                outcome: operationOutcome('processing', problems.join('; ')),
              },
            }
          : { response: { status: '201 Created' } };
      });
      return reply.type(FHIR_JSON).send({
        resourceType: 'Bundle',
        type: body.type === 'batch' ? 'batch-response' : 'transaction-response',
        entry: response,
        meta: { tag: [{ system: 'urn:rounds:import-job', code: String(r.jobId), display: summary(r) }] },
      });
    },
  });
}
