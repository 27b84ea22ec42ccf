// An organization search's results as CSV or XLSX: the same filters and order as the
// Organizations page, every page up to 10,000 rows. Audited like every export.
import type { Kysely } from 'kysely';
import { type OrganizationSearch, searchOrganizations } from '../../db/queries/directory/organizations';
import type { DB } from '../../db/schema';
import type { Actor } from '../crm/errors';
import { allPages, auditedExport, type ExportFormat } from '../exportFile';

type Hit = Awaited<ReturnType<typeof searchOrganizations>>['items'][number];
const MAX_ROWS = 10_000;

const COLUMNS: [string, (o: Hit) => unknown][] = [
  ['id', (o) => o.id],
  ['name', (o) => o.name],
  ['npi', (o) => o.npi],
  ['type', (o) => o.type],
  ['network_status', (o) => o.networkStatus],
  ['status', (o) => o.status],
  ['parent', (o) => o.parent?.name],
  ['city', (o) => o.city],
  ['state', (o) => o.state],
  ['service_lines', (o) => o.serviceLines.join(';')],
  ['providers', (o) => o.providerCount],
  ['lat', (o) => o.location?.lat],
  ['lon', (o) => o.location?.lon],
  ['point_precision', (o) => o.location?.precision],
  ['match_score', (o) => o.score],
];

export async function exportOrganizations(
  db: Kysely<DB>,
  actor: Actor,
  format: ExportFormat,
  search: Omit<OrganizationSearch, 'cursor' | 'limit'>,
) {
  const { rows, truncated } = await allPages(
    (cursor) => searchOrganizations(db, { ...search, cursor, limit: 200 }),
    MAX_ROWS,
  );
  const file = await auditedExport(db, actor, {
    name: 'organizations',
    format,
    columns: COLUMNS,
    rows,
    filters: search,
  });
  return { ...file, truncated };
}
