// FHIR R4 provider directory under /fhir: Practitioner, PractitionerRole, Organization, Location
// read + search (US Core / Plan-Net parameters), searchset Bundles with paging links,
// OperationOutcome for every error, a public CapabilityStatement at /fhir/metadata, and
// referral intake (ServiceRequest create, transaction Bundles) through the referral importer.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { issueCodeFor, operationOutcome, searchsetBundle } from '../../../core/fhir/bundle';
import { capabilityStatement } from '../../../core/fhir/capability';
import { FhirSearchError, type ParsedSearch, parseSearch } from '../../../core/fhir/search';
import type { DirectoryType, Resource } from '../../../core/fhir/types';
import { ALL_ROLES } from '../../auth/guard';
import type { App, ServerContext } from '../../context';
import { HttpError } from '../../lib/errors';
import { isDatabaseUnavailable } from '../../lib/faults';
import { registerFhirIntake } from './intake';
import {
  type Page,
  searchLocations,
  searchOrganizations,
  searchPractitionerRoles,
  searchPractitioners,
} from './queries';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const TYPES: DirectoryType[] = ['Practitioner', 'PractitionerRole', 'Organization', 'Location'];
const idParam = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id') });

export function sendOutcome(reply: FastifyReply, status: number, diagnostics: string) {
  return reply
    .status(status)
    .type(FHIR_JSON)
    .send(operationOutcome(issueCodeFor(status), diagnostics));
}

function fhirErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof FhirSearchError)
    return reply.status(400).type(FHIR_JSON).send(operationOutcome(err.code, err.message));
  if (err instanceof HttpError) return sendOutcome(reply, err.status, err.message);
  if (isDatabaseUnavailable(err))
    return sendOutcome(
      reply.header('retry-after', '5'),
      503,
      'The database is unavailable; try again shortly.',
    );
  if (err.validation)
    return sendOutcome(
      reply,
      400,
      err.validation.map((v) => `${err.validationContext ?? 'request'}: ${v.message}`).join('; '),
    );
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) req.log.error({ err }, 'unhandled FHIR error');
  const code = (err as { code?: string }).code;
  const msg =
    code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
      ? 'Send application/fhir+json'
      : code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'body: too large'
        : status === 500
          ? 'Something went wrong on our side; it has been logged.'
          : `body: ${err.message}`;
  return sendOutcome(reply, code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 415 : status, msg);
}

export const searchers: Record<
  DirectoryType,
  (db: ServerContext['database']['db'], p: ParsedSearch) => Promise<Page>
> = {
  Practitioner: searchPractitioners,
  PractitionerRole: searchPractitionerRoles,
  Organization: searchOrganizations,
  Location: searchLocations,
};

const byIds = (ids: string[]): ParsedSearch => ({
  ids: [ids],
  lastUpdated: [],
  strings: {},
  tokens: {},
  refs: {},
  include: [],
  count: ids.length,
  offset: 0,
});

export default async function fhirRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const baseOf = (req: FastifyRequest) =>
    `${(ctx.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/$/, '')}/fhir`;

  await app.register(
    async (fhir) => {
      fhir.setErrorHandler(fhirErrorHandler);
      fhir.setNotFoundHandler((req, reply) =>
        sendOutcome(reply, 404, `No FHIR interaction ${req.method} ${req.url.split('?')[0]}`),
      );
      fhir.addContentTypeParser(
        ['application/fhir+json', 'application/json'],
        { parseAs: 'string' },
        (_req, body, done) => {
          try {
            done(null, JSON.parse(body as string));
          } catch {
            done(new HttpError(400, 'body: malformed JSON'), undefined);
          }
        },
      );

      fhir.get('/metadata', {
        config: { public: true },
        schema: { tags: ['fhir'], summary: 'FHIR CapabilityStatement (public)' },
        handler: async (req, reply) =>
          reply.type(FHIR_JSON).send(
            capabilityStatement({
              base: baseOf(req),
              version: process.env.npm_package_version ?? '0.1.0',
              date: '2026-11-27',
              intake: true,
            }),
          ),
      });

      for (const type of TYPES) {
        fhir.get(`/${type}`, {
          config: { roles: ALL_ROLES },
          schema: { tags: ['fhir'], summary: `Search ${type} (searchset Bundle)` },
          handler: async (req, reply) => {
            const query = req.query as Record<string, string | string[]>;
            const p = parseSearch(type, query);
            const page = await searchers[type](db, p);
            let includes: Resource[] = [];
            if (type === 'PractitionerRole' && p.include.length)
              includes = await includeFor(page.resources, p.include);
            const qs = new URLSearchParams();
            for (const [k, v] of Object.entries(query)) for (const x of [v].flat()) qs.append(k, String(x));
            return reply.type(FHIR_JSON).send(
              searchsetBundle({
                base: baseOf(req),
                type,
                query: qs,
                total: page.total,
                offset: p.offset,
                count: p.count,
                matches: page.resources,
                includes,
              }),
            );
          },
        });
        fhir.get(`/${type}/:id`, {
          config: { roles: ALL_ROLES },
          schema: { tags: ['fhir'], summary: `Read one ${type}`, params: idParam },
          handler: async (req, reply) => {
            const { id } = req.params as { id: string };
            const page = await searchers[type](db, byIds([id]));
            if (!page.resources.length) return sendOutcome(reply, 404, `${type}/${id} not found`);
            return reply.type(FHIR_JSON).send(page.resources[0]);
          },
        });
      }

      registerFhirIntake(fhir as unknown as App, ctx);
    },
    { prefix: '/fhir' },
  );

  /** Referenced Practitioners, Organizations and Locations of a page of PractitionerRoles. */
  async function includeFor(roles: Resource[], include: string[]): Promise<Resource[]> {
    const want = (field: string, type: DirectoryType) => {
      if (!include.includes(`PractitionerRole:${field}`)) return [];
      const ids = new Set<string>();
      for (const r of roles)
        for (const ref of [r[field]].flat() as { reference?: string }[])
          if (ref?.reference) ids.add(ref.reference.slice(type.length + 1));
      return [...ids];
    };
    const out: Resource[] = [];
    for (const [field, type] of [
      ['practitioner', 'Practitioner'],
      ['organization', 'Organization'],
      ['location', 'Location'],
    ] as const) {
      const ids = want(field, type);
      if (ids.length) out.push(...(await searchers[type](db, byIds(ids))).resources);
    }
    return out;
  }
}
