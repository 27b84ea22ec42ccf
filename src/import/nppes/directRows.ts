// A first load into an empty directory COPYs individuals straight into `providers`, and their
// name words into `provider_name_tokens`, instead of staging them and inserting them with SQL
// (firstLoad.ts): the stage COPY and the INSERT … SELECT of a million wide rows cost the database
// about twice the COPY alone. This builds those rows in the reader. It must give exactly what
// merge.ts's insertProviders and bulkNameTokens.ts's wordsFrom give (STATUS, the service line,
// the arrival columns, the words) — test/directory/firstLoadOverlap.test.ts compares every column.
import type { CopyValue } from '../copy';
import { PROVIDER_COLUMNS, STAGE_COLUMNS } from './stageColumns';

/** What the rows need from the import (taken inside its transaction). */
export type DirectInput = {
  jobId: number;
  dataDate: string;
  /** no earlier NPPES import succeeded: nobody "arrived" */
  baseline: boolean;
  previousDataDate: string | null;
  /** the transaction's now(), as PostgreSQL printed it (arrived_at) */
  now: string;
  /** service_line_map: taxonomy code → service line */
  serviceLines: [string, string | null][];
};

const at = (c: string) => STAGE_COLUMNS.indexOf(c as (typeof STAGE_COLUMNS)[number]);
const FROM_STAGE = PROVIDER_COLUMNS.map(at);
const [NPI, TAXONOMY, ENUMERATED, DEACTIVATED, REACTIVATED] = [
  'npi',
  'primary_taxonomy',
  'enumeration_date',
  'deactivation_date',
  'reactivation_date',
].map(at) as [number, number, number, number, number];
const [LAT, LON, PRECISION, HASH] = ['lat', 'lon', 'geo_precision', 'row_hash'].map(at) as [
  number,
  number,
  number,
  number,
];

// in a providers row: npi, PROVIDER_COLUMNS (search_name last), status, …
const ROW_SEARCH = PROVIDER_COLUMNS.length;
const ROW_STATUS = ROW_SEARCH + 1;

export function directRows(d: DirectInput) {
  const lines = new Map(d.serviceLines);
  return {
    /** a staged individual's values (stage order, then in_market and taxonomy_codes) → a providers row (PROVIDER_INSERT_COLUMNS) */
    provider(v: CopyValue[]): CopyValue[] {
      const out: CopyValue[] = [v[NPI]];
      for (const i of FROM_STAGE) out.push(v[i]);
      // merge.ts STATUS: dates are YYYY-MM-DD, so string order is date order
      const deactivated = v[DEACTIVATED] as string | null;
      const reactivated = v[REACTIVATED] as string | null;
      const status = deactivated && (!reactivated || reactivated < deactivated) ? 'deactivated' : 'active';
      const arrives = !d.baseline && status === 'active';
      const enumerated = v[ENUMERATED] as string | null;
      out.push(
        status,
        lines.get(v[TAXONOMY] as string) ?? 'other',
        v[LAT],
        v[LON],
        v[PRECISION],
        d.jobId,
        arrives ? d.now : null,
        arrives ? d.jobId : null,
        !arrives
          ? null
          : d.previousDataDate && enumerated && enumerated > d.previousDataDate
            ? 'enumerated'
            : 'moved_in',
        'nppes',
        d.dataDate,
        v[HASH],
        v[STAGE_COLUMNS.length + 1] ?? '{}',
      );
      return out;
    },
    /** the distinct non-empty words of an active provider's search name (none for a deactivated one) */
    words(row: CopyValue[]): string[] {
      if (row[ROW_STATUS] !== 'active') return [];
      const seen = new Set<string>();
      for (const w of (row[ROW_SEARCH] as string).split(' ')) if (w) seen.add(w);
      return [...seen];
    },
  };
}
