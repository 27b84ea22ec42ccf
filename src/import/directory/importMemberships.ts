// memberships.csv (docs/formats/memberships.md): provider ↔ organization, role primary/secondary.
import { sql } from 'kysely';
import { npiProblem } from '../../core/npi';
import type { Database } from '../../db/connection';
import { headerIndex, type ImportOptions, runStagedImport } from '../stagedImport';
import { clean } from '../values';
import { type DirectorySource, reject } from './importOrganizations';

export function importMemberships(
  database: Database,
  file: string,
  opts: ImportOptions & { source?: DirectorySource } = {},
) {
  const source = opts.source ?? 'manual';
  return runStagedImport(
    database,
    file,
    {
      kind: 'memberships',
      encoding: 'utf8',
      emptyMessage: 'is empty: expected memberships.csv with a header row.',
      columns: { provider_npi: 'text', organization_npi: 'text', role: 'text' },
      header: (fields, label) => {
        const at = headerIndex(
          fields,
          ['provider_npi', 'organization_npi'],
          label,
          'a memberships file (docs/formats/memberships.md)',
        );
        return { p: at('provider_npi'), o: at('organization_npi'), role: at('role') };
      },
      row: ({ line, fields: f }, h, errors) => {
        const p = (f[h.p] ?? '').trim();
        const o = (f[h.o] ?? '').trim();
        if (npiProblem(p)) return reject(errors, line, 'provider_npi', `"${p}" is not a valid NPI`);
        if (npiProblem(o)) return reject(errors, line, 'organization_npi', `"${o}" is not a valid NPI`);
        const role = (h.role >= 0 ? clean(f[h.role]) : null)?.toLowerCase() ?? 'primary';
        if (role !== 'primary' && role !== 'secondary')
          return reject(errors, line, 'role', `"${role}" is not primary or secondary`);
        return [p, o, role];
      },
      merge: async (tx, stage, jobId, errors) => {
        const S = sql.raw(stage);
        const unknown = await sql<{ line: number; field: string; npi: string }>`
          select s.line, 'provider_npi' as field, s.provider_npi as npi from ${S} s
            where not exists (select 1 from providers p where p.npi = s.provider_npi)
          union all
          select s.line, 'organization_npi', s.organization_npi from ${S} s
            where not exists (select 1 from organizations o where o.npi = s.organization_npi)
          order by 1`.execute(tx);
        for (const u of unknown.rows) errors.add(u.line, u.field, `${u.npi} is not in the directory`);
        const up = await sql<{ inserted: boolean }>`
          insert into memberships as t (provider_npi, organization_id, role, source, job_id)
          select distinct on (s.provider_npi, o.id) s.provider_npi, o.id, s.role, ${source}, ${jobId}::bigint
          from ${S} s join organizations o on o.npi = s.organization_npi join providers p on p.npi = s.provider_npi
          order by s.provider_npi, o.id, s.line desc
          on conflict (provider_npi, organization_id) do update set role = excluded.role
          where t.role is distinct from excluded.role
          returning (xmax = 0) as inserted`.execute(tx);
        const total = Number(
          (await sql<{ n: number }>`select count(*) as n from ${S}`.execute(tx)).rows[0]?.n ?? 0,
        );
        const badLines = new Set(unknown.rows.map((u) => u.line)).size;
        const inserted = up.rows.filter((r) => r.inserted).length;
        return {
          inserted,
          updated: up.rows.length - inserted,
          unchanged: total - badLines - up.rows.length,
          rejected: badLines,
        };
      },
    },
    opts,
  );
}
