// NPPES companion files: secondary practice locations (pl_pfile) and organization other names
// (othername_pfile). Only NPIs already in the directory are kept (the market filter of the main file).
import { sql } from 'kysely';
import { zipCentroid } from '../../core/geo/zipCentroid';
import { npiProblem } from '../../core/npi';
import type { Database } from '../../db/connection';
import { dataDateFromFileName } from '../fileSource';
import { headerIndex, type ImportOptions, n, runStagedImport } from '../stagedImport';
import { clean, digitsOnly, searchText, splitZip } from '../values';

const PL = {
  npi: 'NPI',
  line1: 'Provider Secondary Practice Location Address- Address Line 1',
  line2: 'Provider Secondary Practice Location Address- Address Line 2',
  city: 'Provider Secondary Practice Location Address - City Name',
  state: 'Provider Secondary Practice Location Address - State Name',
  postal: 'Provider Secondary Practice Location Address - Postal Code',
  country: 'Provider Secondary Practice Location Address - Country Code (If outside U.S.)',
  phone: 'Provider Secondary Practice Location Address - Telephone Number',
  ext: 'Provider Secondary Practice Location Address - Telephone Extension',
  fax: 'Provider Practice Location Address - Fax Number',
};

const checkNpi = (npi: string, line: number, errors: { add(l: number, f: string, r: string): void }) => {
  const p = npiProblem(npi);
  if (p)
    errors.add(
      line,
      'NPI',
      p === 'format' ? `"${npi}" is not 10 digits` : `${npi} fails the NPI check digit`,
    );
  return !p;
};

export function importNppesLocations(database: Database, file: string, opts: ImportOptions = {}) {
  return runStagedImport(
    database,
    file,
    {
      kind: 'nppes-locations',
      encoding: 'latin1',
      emptyMessage: 'is empty: expected an NPPES pl_pfile with a header row.',
      columns: Object.fromEntries(
        [
          'npi',
          'address_key',
          'line1',
          'line2',
          'city',
          'state',
          'zip5',
          'zip9',
          'country',
          'phone',
          'phone_ext',
          'fax',
          'county_fips',
          'county_name',
          'geo_precision',
        ]
          .map((c) => [c, 'text'])
          .concat([
            ['lat', 'double precision'],
            ['lon', 'double precision'],
          ]),
      ),
      header: (fields, label) => {
        const at = headerIndex(
          fields,
          [PL.npi, PL.line1, PL.postal],
          label,
          'an NPPES secondary practice location file (pl_pfile)',
        );
        return Object.fromEntries(Object.entries(PL).map(([k, h]) => [k, at(h)])) as Record<
          keyof typeof PL,
          number
        >;
      },
      row: ({ line, fields: f }, h, errors) => {
        const npi = (f[h.npi] ?? '').trim();
        if (!checkNpi(npi, line, errors)) return null;
        const country = clean(f[h.country]) ?? 'US';
        const { zip5, zip9 } = country === 'US' ? splitZip(clean(f[h.postal])) : { zip5: null, zip9: null };
        const c = zipCentroid(zip5);
        const line1 = clean(f[h.line1]);
        if (!line1) {
          errors.add(line, PL.line1, 'is empty');
          return null;
        }
        const line2 = clean(f[h.line2]);
        const key = searchText(line1, line2, zip5 ?? clean(f[h.postal]));
        return [
          npi,
          key,
          line1,
          line2,
          clean(f[h.city]),
          clean(f[h.state])?.toUpperCase() ?? null,
          zip5,
          zip9,
          country,
          digitsOnly(clean(f[h.phone])),
          clean(f[h.ext]),
          digitsOnly(clean(f[h.fax])),
          c?.countyFips ?? null,
          c?.countyName ?? null,
          c ? 'zip_centroid' : 'none',
          c?.lat ?? null,
          c?.lon ?? null,
        ];
      },
      dataDate: dataDateFromFileName,
      merge: async (tx, stage, jobId) => {
        const S = sql.raw(stage);
        await sql`delete from ${S} a using ${S} b where a.npi = b.npi and a.address_key = b.address_key and a.line < b.line`.execute(
          tx,
        );
        // the file lists every secondary location of an NPI: locations no longer listed go
        const removed = await sql`delete from provider_locations x where x.npi in (select npi from ${S})
          and not exists (select 1 from ${S} s where s.npi = x.npi and s.address_key = x.address_key)`.execute(
          tx,
        );
        const up = await sql<{ inserted: boolean }>`
          insert into provider_locations as t (npi, address_key, line1, line2, city, state, zip5, zip9, country, phone, phone_ext, fax,
            county_fips, county_name, lat, lon, geo_precision, source, data_date, job_id)
          select s.npi, s.address_key, s.line1, s.line2, s.city, s.state, s.zip5, s.zip9, s.country, s.phone, s.phone_ext, s.fax,
            s.county_fips, s.county_name, s.lat, s.lon, s.geo_precision, 'nppes_pl', ${dataDateFromFileName(opts.label ?? file)}::date, ${jobId}::bigint
          from ${S} s where exists (select 1 from providers p where p.npi = s.npi)
          on conflict (npi, address_key) do update set line1 = excluded.line1, line2 = excluded.line2, city = excluded.city,
            state = excluded.state, zip9 = excluded.zip9, phone = excluded.phone, phone_ext = excluded.phone_ext, fax = excluded.fax,
            data_date = excluded.data_date, job_id = excluded.job_id
          where (t.line1, t.line2, t.city, t.state, t.zip9, t.phone, t.phone_ext, t.fax)
            is distinct from (excluded.line1, excluded.line2, excluded.city, excluded.state, excluded.zip9, excluded.phone, excluded.phone_ext, excluded.fax)
          returning (xmax = 0) as inserted`.execute(tx);
        const inserted = up.rows.filter((r) => r.inserted).length;
        const matched = Number(
          (
            await sql<{
              n: number;
            }>`select count(*) as n from ${S} s where exists (select 1 from providers p where p.npi = s.npi)`.execute(
              tx,
            )
          ).rows[0]?.n ?? 0,
        );
        return {
          inserted,
          updated: up.rows.length - inserted + n(removed),
          unchanged: matched - up.rows.length,
        };
      },
    },
    opts,
  );
}

export function importNppesOtherNames(database: Database, file: string, opts: ImportOptions = {}) {
  return runStagedImport(
    database,
    file,
    {
      kind: 'nppes-othernames',
      encoding: 'latin1',
      emptyMessage: 'is empty: expected an NPPES othername_pfile with a header row.',
      columns: { npi: 'text', name: 'text', type_code: 'text' },
      header: (fields, label) => {
        const at = headerIndex(
          fields,
          ['NPI', 'Provider Other Organization Name'],
          label,
          'an NPPES other-name file (othername_pfile)',
        );
        return {
          npi: at('NPI'),
          name: at('Provider Other Organization Name'),
          type: at('Provider Other Organization Name Type Code'),
        };
      },
      row: ({ line, fields: f }, h, errors) => {
        const npi = (f[h.npi] ?? '').trim();
        if (!checkNpi(npi, line, errors)) return null;
        const name = clean(f[h.name]);
        if (!name) {
          errors.add(line, 'Provider Other Organization Name', 'is empty');
          return null;
        }
        return [npi, name, clean(f[h.type])];
      },
      dataDate: dataDateFromFileName,
      merge: async (tx, stage) => {
        const S = sql.raw(stage);
        const up = await sql<{ inserted: boolean }>`
          insert into organization_other_names as t (organization_id, name, type_code, source)
          select distinct on (o.id, s.name) o.id, s.name, s.type_code, 'nppes'
          from ${S} s join organizations o on o.npi = s.npi order by o.id, s.name, s.line desc
          on conflict (organization_id, name) do update set type_code = excluded.type_code
          where t.type_code is distinct from excluded.type_code
          returning (xmax = 0) as inserted`.execute(tx);
        const matched = Number(
          (
            await sql<{
              n: number;
            }>`select count(*) as n from ${S} s join organizations o on o.npi = s.npi`.execute(tx)
          ).rows[0]?.n ?? 0,
        );
        const inserted = up.rows.filter((r) => r.inserted).length;
        return { inserted, updated: up.rows.length - inserted, unchanged: matched - up.rows.length };
      },
    },
    opts,
  );
}
