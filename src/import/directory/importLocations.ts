// locations.csv (docs/formats/locations.md): offices of organizations with hours and visit rules.
// Hours and visit rules are validated with the shared grammar (src/core/officeHours.ts).
import { sql } from 'kysely';
import { zipCentroid } from '../../core/geo/zipCentroid';
import { npiProblem } from '../../core/npi';
import { parseHours, parseVisitRules } from '../../core/officeHours';
import type { Database } from '../../db/connection';
import type { GeoPrecision } from '../../db/tables/directory';
import { headerIndex, type ImportOptions, runStagedImport } from '../stagedImport';
import { clean, digitsOnly } from '../values';
import { type DirectorySource, reject } from './importOrganizations';

export function importLocations(
  database: Database,
  file: string,
  opts: ImportOptions & { source?: DirectorySource; pointPrecision?: GeoPrecision } = {},
) {
  const source = opts.source ?? 'manual';
  // demo offices are jittered around ZIP centroids: synthetic points, never addresses
  const given: GeoPrecision = opts.pointPrecision ?? (source === 'demo' ? 'synthetic_point' : 'rooftop');
  return runStagedImport(
    database,
    file,
    {
      kind: 'locations',
      encoding: 'utf8',
      emptyMessage: 'is empty: expected locations.csv with a header row.',
      columns: {
        external_id: 'text',
        organization_npi: 'text',
        name: 'text',
        line1: 'text',
        city: 'text',
        state: 'text',
        zip5: 'text',
        county_fips: 'text',
        county_name: 'text',
        lat: 'double precision',
        lon: 'double precision',
        geo_precision: 'text',
        phone: 'text',
        hours: 'text',
        visit_rules: 'text',
      },
      header: (fields, label) => {
        const at = headerIndex(
          fields,
          ['location_id', 'organization_npi', 'name'],
          label,
          'a locations file (docs/formats/locations.md)',
        );
        return Object.fromEntries(
          [
            'location_id',
            'organization_npi',
            'name',
            'address_line1',
            'city',
            'state',
            'zip',
            'county_fips',
            'lat',
            'lon',
            'phone',
            'hours',
            'visit_rules',
          ].map((c) => [c, at(c)]),
        ) as Record<string, number>;
      },
      row: ({ line, fields: f }, h, errors) => {
        const get = (c: string) => (h[c]! >= 0 ? clean(f[h[c]!]) : null);
        const id = get('location_id');
        if (!id) return reject(errors, line, 'location_id', 'is empty');
        const org = get('organization_npi') ?? '';
        if (npiProblem(org)) return reject(errors, line, 'organization_npi', `"${org}" is not a valid NPI`);
        const name = get('name');
        if (!name) return reject(errors, line, 'name', 'is empty');
        const zip = get('zip');
        if (zip && !/^\d{5}$/.test(zip)) return reject(errors, line, 'zip', `"${zip}" is not 5 digits`);
        const hours = get('hours');
        const rules = get('visit_rules');
        try {
          parseHours(hours);
        } catch (e) {
          return reject(errors, line, 'hours', (e as Error).message);
        }
        try {
          parseVisitRules(rules);
        } catch (e) {
          return reject(errors, line, 'visit_rules', (e as Error).message);
        }
        const lat = get('lat') === null ? null : Number(get('lat'));
        const lon = get('lon') === null ? null : Number(get('lon'));
        if (
          (lat !== null && !(Math.abs(lat) <= 90)) ||
          (lon !== null && !(Math.abs(lon) <= 180)) ||
          (lat === null) !== (lon === null)
        )
          return reject(errors, line, 'lat', 'lat and lon must both be decimal degrees');
        const c = zipCentroid(zip);
        const point =
          lat !== null
            ? { lat, lon, p: given }
            : c
              ? { lat: c.lat, lon: c.lon, p: 'zip_centroid' }
              : { lat: null, lon: null, p: 'none' };
        return [
          id,
          org,
          name,
          get('address_line1'),
          get('city'),
          get('state')?.toUpperCase() ?? null,
          zip,
          get('county_fips') ?? c?.countyFips ?? null,
          c?.countyName ?? null,
          point.lat,
          point.lon,
          point.p,
          digitsOnly(get('phone')),
          hours,
          rules,
        ];
      },
      merge: async (tx, stage, _jobId, errors) => {
        const S = sql.raw(stage);
        await sql`delete from ${S} a using ${S} b where a.external_id = b.external_id and a.line < b.line`.execute(
          tx,
        );
        const unknown = await sql<{
          line: number;
          organization_npi: string;
        }>`select s.line, s.organization_npi from ${S} s
          where not exists (select 1 from organizations o where o.npi = s.organization_npi) order by s.line`.execute(
          tx,
        );
        for (const u of unknown.rows)
          errors.add(u.line, 'organization_npi', `${u.organization_npi} is not in the directory`);
        const cols =
          'name, line1, city, state, zip5, county_fips, county_name, lat, lon, geo_precision, phone, hours, visit_rules';
        const up = await sql<{ inserted: boolean }>`
          insert into locations as t (external_id, organization_id, ${sql.raw(cols)}, source)
          select s.external_id, o.id, ${sql.raw(
            cols
              .split(', ')
              .map((c) => `s.${c}`)
              .join(', '),
          )}, ${source}
          from ${S} s join organizations o on o.npi = s.organization_npi
          on conflict (external_id) do update set organization_id = excluded.organization_id,
            ${sql.raw(
              cols
                .split(', ')
                .map((c) => `${c} = excluded.${c}`)
                .join(', '),
            )},
            deleted_at = null, version = t.version + 1, updated_at = now()
          where (t.organization_id, ${sql.raw(
            cols
              .split(', ')
              .map((c) => `t.${c}`)
              .join(', '),
          )}, t.deleted_at is null)
            is distinct from (excluded.organization_id, ${sql.raw(
              cols
                .split(', ')
                .map((c) => `excluded.${c}`)
                .join(', '),
            )}, true)
          returning (xmax = 0) as inserted`.execute(tx);
        const total = Number(
          (await sql<{ n: number }>`select count(*) as n from ${S}`.execute(tx)).rows[0]?.n ?? 0,
        );
        const inserted = up.rows.filter((r) => r.inserted).length;
        return {
          inserted,
          updated: up.rows.length - inserted,
          unchanged: total - unknown.rows.length - up.rows.length,
          rejected: unknown.rows.length,
        };
      },
    },
    opts,
  );
}
