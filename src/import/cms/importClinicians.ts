// CMS Doctors and Clinicians national file (DAC_NationalDownloadableFile.csv, Latin-1): one row
// per NPI × enrollment × group practice × address. Links directory providers to their group
// practices (organizations keyed by PECOS `org_pac_id`). Providers outside the directory are skipped.
import { sql } from 'kysely';
import { npiProblem } from '../../core/npi';
import type { Database } from '../../db/connection';
import { headerIndex, type ImportOptions, runStagedImport } from '../stagedImport';
import { clean, searchText, splitZip } from '../values';

// current header names, then the pre-2023 spelling
const COLS = {
  npi: ['NPI'],
  orgPac: ['org_pac_id'],
  facility: ['Facility Name', 'org_nm'],
  members: ['num_org_mem'],
  city: ['City/Town', 'cty'],
  state: ['State', 'st'],
  zip: ['ZIP Code', 'zip'],
};

export function importCmsClinicians(database: Database, file: string, opts: ImportOptions = {}) {
  return runStagedImport(
    database,
    file,
    {
      kind: 'cms-clinicians',
      encoding: 'latin1',
      emptyMessage: 'is empty: expected the CMS Doctors and Clinicians national file.',
      columns: {
        npi: 'text',
        org_pac_id: 'text',
        facility_name: 'text',
        city: 'text',
        state: 'text',
        zip5: 'text',
        search_name: 'text',
      },
      header: (fields, label) => {
        const at = headerIndex(
          fields,
          ['NPI', 'org_pac_id'],
          label,
          'the CMS Doctors and Clinicians file (DAC_NationalDownloadableFile.csv)',
        );
        const pick = (names: string[]) => names.map(at).find((i) => i >= 0) ?? -1;
        return Object.fromEntries(Object.entries(COLS).map(([k, names]) => [k, pick(names)])) as Record<
          keyof typeof COLS,
          number
        >;
      },
      row: ({ line, fields: f }, h, errors) => {
        const npi = (f[h.npi] ?? '').trim();
        if (npiProblem(npi)) {
          errors.add(line, 'NPI', `"${npi}" is not a valid NPI`);
          return null;
        }
        const pac = clean(f[h.orgPac]);
        const name = h.facility >= 0 ? clean(f[h.facility]) : null;
        // clinicians not in a group practice have no org_pac_id: nothing to link, not an error
        return [
          npi,
          pac,
          name,
          h.city >= 0 ? clean(f[h.city]) : null,
          h.state >= 0 ? clean(f[h.state]) : null,
          h.zip >= 0 ? splitZip(clean(f[h.zip])).zip5 : null,
          searchText(name),
        ];
      },
      merge: async (tx, stage, jobId) => {
        const S = sql.raw(stage);
        await sql`delete from ${S} s where s.org_pac_id is null or s.facility_name is null
          or not exists (select 1 from providers p where p.npi = s.npi)`.execute(tx);
        const orgs = await sql`
          insert into organizations as t (pac_id, name, type, practice_city, practice_state, practice_zip5, search_name, source)
          select distinct on (s.org_pac_id) s.org_pac_id, s.facility_name, 'group', s.city, s.state, s.zip5, s.search_name, 'cms'
          from ${S} s order by s.org_pac_id, s.line
          on conflict (pac_id) do update set name = excluded.name, search_name = excluded.search_name, updated_at = now(), version = t.version + 1
          where t.source = 'cms' and t.name is distinct from excluded.name`.execute(tx);
        const links = await sql<{ inserted: boolean }>`
          insert into memberships as t (provider_npi, organization_id, role, source, job_id)
          select distinct on (s.npi, o.id) s.npi, o.id,
            case when s.zip5 is not distinct from p.practice_zip5 then 'primary' else 'secondary' end, 'cms', ${jobId}::bigint
          from ${S} s join organizations o on o.pac_id = s.org_pac_id join providers p on p.npi = s.npi
          order by s.npi, o.id, s.line
          on conflict (provider_npi, organization_id) do nothing
          returning true as inserted`.execute(tx);
        const kept = Number(
          (await sql<{ n: number }>`select count(*) as n from ${S}`.execute(tx)).rows[0]?.n ?? 0,
        );
        return {
          inserted: links.rows.length,
          updated: Number(orgs.numAffectedRows ?? 0),
          unchanged: kept - links.rows.length,
        };
      },
    },
    opts,
  );
}

/** Facility_Affiliation.csv: NPI → hospital CCN; links become 'affiliated' memberships. */
export function importCmsAffiliations(database: Database, file: string, opts: ImportOptions = {}) {
  return runStagedImport(
    database,
    file,
    {
      kind: 'cms-affiliations',
      encoding: 'latin1',
      emptyMessage: 'is empty: expected the CMS Facility_Affiliation file.',
      columns: { npi: 'text', facility_type: 'text', ccn: 'text' },
      header: (fields, label) => {
        const at = headerIndex(
          fields,
          ['NPI', 'Facility Affiliations Certification Number'],
          label,
          'the CMS Facility_Affiliation file',
        );
        return {
          npi: at('NPI'),
          type: at('facility_type'),
          ccn: at('Facility Affiliations Certification Number'),
        };
      },
      row: ({ line, fields: f }, h, errors) => {
        const npi = (f[h.npi] ?? '').trim();
        if (npiProblem(npi)) {
          errors.add(line, 'NPI', `"${npi}" is not a valid NPI`);
          return null;
        }
        const ccn = clean(f[h.ccn]);
        if (!ccn) {
          errors.add(line, 'Facility Affiliations Certification Number', 'is empty');
          return null;
        }
        return [npi, h.type >= 0 ? clean(f[h.type]) : null, ccn];
      },
      merge: async (tx, stage, jobId) => {
        const S = sql.raw(stage);
        await sql`delete from ${S} s where not exists (select 1 from providers p where p.npi = s.npi)`.execute(
          tx,
        );
        // a facility known only by its CCN is named for what the file says it is; an admin can rename it
        await sql`
          insert into organizations (ccn, name, type, search_name, source)
          select distinct on (s.ccn) s.ccn, coalesce(s.facility_type, 'Facility') || ' CCN ' || s.ccn,
            case when s.facility_type ilike '%hospital%' then 'hospital' else 'other' end,
            lower(coalesce(s.facility_type, 'facility') || ' ccn ' || s.ccn), 'cms'
          from ${S} s order by s.ccn, s.line
          on conflict (ccn) do nothing`.execute(tx);
        const links = await sql`
          insert into memberships (provider_npi, organization_id, role, source, job_id)
          select distinct s.npi, o.id, 'affiliated', 'cms', ${jobId}::bigint
          from ${S} s join organizations o on o.ccn = s.ccn
          on conflict (provider_npi, organization_id) do nothing`.execute(tx);
        const kept = Number(
          (await sql<{ n: number }>`select count(*) as n from ${S}`.execute(tx)).rows[0]?.n ?? 0,
        );
        const inserted = Number(links.numAffectedRows ?? 0);
        return { inserted, unchanged: kept - inserted };
      },
    },
    opts,
  );
}
