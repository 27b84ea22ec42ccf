// organizations.csv (docs/formats/organizations.md): upsert by NPI with type, network status,
// parent (may reference a later row), facility code and service lines.
import { sql } from 'kysely';
import { npiProblem } from '../../core/npi';
import { isServiceLineKey } from '../../core/serviceLines';
import type { Database } from '../../db/connection';
import { NETWORK_STATUSES, ORGANIZATION_TYPES } from '../../db/tables/directory';
import type { RowErrors } from '../jobs';
import { headerIndex, type ImportOptions, runStagedImport } from '../stagedImport';
import { clean, searchText } from '../values';

export const reject = (errors: RowErrors, line: number, field: string, reason: string): null => {
  errors.add(line, field, reason);
  return null;
};

export type DirectorySource = 'manual' | 'demo';

export function importOrganizations(
  database: Database,
  file: string,
  opts: ImportOptions & { source?: DirectorySource } = {},
) {
  const source = opts.source ?? 'manual';
  return runStagedImport(
    database,
    file,
    {
      kind: 'organizations',
      encoding: 'utf8',
      emptyMessage: 'is empty: expected organizations.csv with a header row.',
      columns: {
        npi: 'text',
        name: 'text',
        type: 'text',
        network_status: 'text',
        parent_npi: 'text',
        facility_code: 'text',
        service_lines: 'text[]',
        search_name: 'text',
      },
      header: (fields, label) => {
        const at = headerIndex(
          fields,
          ['npi', 'name', 'type', 'network_status', 'parent_npi'],
          label,
          'an organizations file (docs/formats/organizations.md)',
        );
        return {
          npi: at('npi'),
          name: at('name'),
          type: at('type'),
          status: at('network_status'),
          parent: at('parent_npi'),
          code: at('facility_code'),
          lines: at('service_lines'),
        };
      },
      row: ({ line, fields: f }, h, errors) => {
        const npi = (f[h.npi] ?? '').trim();
        const p = npiProblem(npi);
        if (p)
          return reject(
            errors,
            line,
            'npi',
            p === 'format' ? `"${npi}" is not 10 digits` : `${npi} fails the NPI check digit`,
          );
        const name = clean(f[h.name]);
        if (!name) return reject(errors, line, 'name', 'is empty');
        const type = (clean(f[h.type]) ?? 'other').toLowerCase();
        if (!ORGANIZATION_TYPES.includes(type as never))
          return reject(errors, line, 'type', `"${type}" is not one of ${ORGANIZATION_TYPES.join(', ')}`);
        const status = (clean(f[h.status]) ?? 'independent').toLowerCase();
        if (!NETWORK_STATUSES.includes(status as never))
          return reject(
            errors,
            line,
            'network_status',
            `"${status}" is not one of ${NETWORK_STATUSES.join(', ')}`,
          );
        const parent = clean(f[h.parent]);
        if (parent && npiProblem(parent))
          return reject(errors, line, 'parent_npi', `"${parent}" is not a valid NPI`);
        const lines = (h.lines >= 0 ? (clean(f[h.lines]) ?? '') : '')
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean);
        const bad = lines.find((l) => !isServiceLineKey(l));
        if (bad) return reject(errors, line, 'service_lines', `"${bad}" is not a service-line key`);
        return [
          npi,
          name,
          type,
          status,
          parent,
          h.code >= 0 ? clean(f[h.code]) : null,
          `{${lines.join(',')}}`,
          searchText(name),
        ];
      },
      merge: async (tx, stage, _jobId, errors) => {
        const S = sql.raw(stage);
        await sql`delete from ${S} a using ${S} b where a.npi = b.npi and a.line < b.line`.execute(tx);
        const up = await sql<{ npi: string; inserted: boolean }>`
          insert into organizations as t (npi, name, type, network_status, facility_code, service_lines, search_name, source)
          select s.npi, s.name, s.type, s.network_status, s.facility_code, s.service_lines, s.search_name, ${source} from ${S} s
          on conflict (npi) do update set name = excluded.name, type = excluded.type, network_status = excluded.network_status,
            facility_code = excluded.facility_code, service_lines = excluded.service_lines, search_name = excluded.search_name,
            deleted_at = null, version = t.version + 1, updated_at = now()
          where (t.name, t.type, t.network_status, t.facility_code, t.service_lines, t.deleted_at is null)
            is distinct from (excluded.name, excluded.type, excluded.network_status, excluded.facility_code, excluded.service_lines, true)
          returning t.npi, (xmax = 0) as inserted`.execute(tx);
        const missing = await sql<{
          line: number;
          parent_npi: string;
        }>`select s.line, s.parent_npi from ${S} s
          where s.parent_npi is not null and not exists (select 1 from organizations o where o.npi = s.parent_npi) order by s.line`.execute(
          tx,
        );
        for (const m of missing.rows)
          errors.add(
            m.line,
            'parent_npi',
            `${m.parent_npi} is not an organization in the file or the directory`,
          );
        const self = await sql<{ line: number }>`select line from ${S} where parent_npi = npi`.execute(tx);
        for (const m of self.rows) errors.add(m.line, 'parent_npi', 'is the organization itself');
        const parents = await sql<{
          npi: string;
        }>`update organizations o set parent_id = p.id, version = o.version + 1, updated_at = now()
          from ${S} s left join organizations p on p.npi = s.parent_npi and s.parent_npi <> s.npi
          where o.npi = s.npi and o.parent_id is distinct from p.id
            and (s.parent_npi is null or p.id is not null)
          returning o.npi`.execute(tx);
        const inserted = new Set(up.rows.filter((r) => r.inserted).map((r) => r.npi));
        const updated = new Set(
          [...up.rows.map((r) => r.npi), ...parents.rows.map((r) => r.npi)].filter((x) => !inserted.has(x)),
        );
        const total = Number(
          (await sql<{ n: number }>`select count(*) as n from ${S}`.execute(tx)).rows[0]?.n ?? 0,
        );
        return {
          inserted: inserted.size,
          updated: updated.size,
          unchanged: total - inserted.size - updated.size,
        };
      },
    },
    opts,
  );
}
