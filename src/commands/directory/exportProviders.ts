// A provider search's results as CSV or XLSX — the same filters and order as the Providers page,
// every page of it up to the search's cap of 10,000 — with each row's source and data date and
// the liaison's own fields (tier, owner, last visit, overdue).
// Audited like every export.
import type { Kysely } from 'kysely';
import { listRelationships } from '../../db/queries/crm/relationships';
import { TOTAL_CAP } from '../../db/queries/directory/searchMatched';
import type { DB } from '../../db/schema';
import type { Actor } from '../crm/errors';
import { allPages, auditedExport, type ExportFormat } from '../exportFile';
import { findProviders, type SearchParams } from './providerSearch';

type Hit = Awaited<ReturnType<typeof findProviders>>['items'][number] & { rel?: Relationship };
type Relationship = Awaited<ReturnType<typeof listRelationships>>[number];

const COLUMNS: [string, (h: Hit) => unknown][] = [
  ['npi', (h) => h.npi],
  ['name', (h) => h.name],
  ['credential', (h) => h.credential],
  ['taxonomy_code', (h) => h.primaryTaxonomy?.code],
  ['specialty', (h) => h.primaryTaxonomy?.name],
  ['service_line', (h) => h.serviceLine],
  ['status', (h) => h.status],
  ['address', (h) => [h.address.line1, h.address.line2].filter(Boolean).join(', ')],
  ['city', (h) => h.address.city],
  ['state', (h) => h.address.state],
  ['zip', (h) => h.address.zip5],
  ['county', (h) => h.address.countyName],
  ['phone', (h) => h.phone],
  ['organization', (h) => h.organization?.name],
  ['network_status', (h) => h.organization?.networkStatus],
  ['lat', (h) => h.location?.lat],
  ['lon', (h) => h.location?.lon],
  ['point_precision', (h) => h.location?.precision],
  ['distance_mi', (h) => h.distanceMi],
  ['arrival', (h) => h.arrivalReason],
  ['tier', (h) => h.rel?.tier],
  ['owner', (h) => h.rel?.owner_name],
  ['visit_frequency', (h) => h.rel?.visit_frequency],
  ['last_visit', (h) => h.rel?.visit.lastVisit],
  ['overdue', (h) => (h.rel?.visit.overdue ? 'yes' : '')],
];

/** Each row's relationship fields (tier, owner, last visit), read for the rows in pages of 500. */
async function withRelationships(db: Kysely<DB>, hits: Hit[]): Promise<Hit[]> {
  const byNpi = new Map<string, Relationship>();
  for (let i = 0; i < hits.length; i += 500)
    for (const r of await listRelationships(db, { npis: hits.slice(i, i + 500).map((h) => h.npi) }))
      byNpi.set(r.npi, r);
  return hits.map((h) => ({ ...h, rel: byNpi.get(h.npi) }));
}

export async function exportProviders(
  db: Kysely<DB>,
  actor: Actor,
  format: ExportFormat,
  search: Omit<SearchParams, 'cursor' | 'limit' | 'facets'>,
) {
  let dataDate: string | null = null;
  const { rows, truncated } = await allPages(async (cursor) => {
    const page = await findProviders(db, { ...search, cursor, limit: 200, facets: false }, actor);
    dataDate = page.dataDate;
    return page;
  }, TOTAL_CAP);
  const file = await auditedExport(db, actor, {
    name: 'providers',
    format,
    columns: COLUMNS,
    rows: await withRelationships(db, rows),
    filters: search,
    extra: [
      ['source', 'NPPES'],
      ['data_date', dataDate],
    ],
  });
  return { ...file, truncated };
}
