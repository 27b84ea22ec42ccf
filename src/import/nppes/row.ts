// One NPPES data row → a staged row (values in STAGE_COLUMNS order) or a row error.
import { inRegion, type Region } from '../../core/geo/region';
import { type ZipCentroid, zipCentroid } from '../../core/geo/zipCentroid';
import { npiProblem } from '../../core/npi';
import type { CopyValue } from '../copy';
import type { RowErrors } from '../jobs';
import { clean, digitsOnly, parseUsDate, searchText, splitZip } from '../values';
import type { AddressIndex, NppesHeader } from './header';
import { STAGE_COLUMNS } from './stageColumns';

/** One kept row: stage values (STAGE_COLUMNS order, then in_market and taxonomy_codes) and its child rows. */
export type StagedRow = { values: CopyValue[]; taxonomies: CopyValue[][]; names: CopyValue[][] };

export type RowContext = {
  header: NppesHeader;
  region: Region | null;
  knownTaxonomies: Set<string>;
  /** NPIs already in the directory: their rows are kept even outside the region (they moved away). */
  knownNpis: Set<string> | null;
  errors: RowErrors;
};

export type RowOutcome = 'staged' | 'rejected' | 'outside';

/** The ZIP of a US address (a foreign postal code is not one). */
function zipOf(f: (string | undefined)[], a: AddressIndex, country: string | null) {
  return !country || country === 'US' ? splitZip(clean(f[a.postal])) : { zip5: null, zip9: null };
}

function address(f: (string | undefined)[], a: AddressIndex) {
  const country = clean(f[a.country]);
  const { zip5, zip9 } = zipOf(f, a, country);
  return {
    line1: clean(f[a.line1]),
    line2: clean(f[a.line2]),
    city: clean(f[a.city]),
    state: clean(f[a.state])?.toUpperCase() ?? null,
    zip5,
    zip9,
    country: country ?? 'US',
    phone: digitsOnly(clean(f[a.phone])),
    fax: digitsOnly(clean(f[a.fax])),
  };
}

const SEX = new Set(['M', 'F', 'X', 'U']);

function dateField(f: (string | undefined)[], i: number, field: string, line: number, errors: RowErrors) {
  if (i < 0) return null;
  const d = parseUsDate(clean(f[i]));
  if (d === undefined) {
    errors.add(line, field, `"${f[i]}" is not a valid MM/DD/YYYY date`);
    return null;
  }
  return d;
}

function practiceInRegion(region: Region, state: string | null, zip5: string | null) {
  const centroid = zipCentroid(zip5);
  return inRegion(region, {
    state,
    zip5,
    countyFips: centroid?.countyFips ?? null,
    lat: centroid?.lat ?? null,
    lon: centroid?.lon ?? null,
  });
}

/** The columns earlyOutside reads: decoded first, so a row outside the region costs no more. */
export function earlyColumns(h: NppesHeader): number[] {
  const c = h.col;
  const p = h.practice;
  return [c.npi, c.entity, c.deactivationDate, c.reactivationDate, p.state, p.postal, p.country].filter(
    (i) => i >= 0,
  );
}

/**
 * True when stageNppesRow would return 'outside' for this record without reporting anything
 * (a well-formed row of an unknown NPI practising outside the region), judged from the
 * earlyColumns only. A region import of the national file skips most rows here, before the other
 * ≈ 110 mapped columns are decoded. False means: decode the rest and call stageNppesRow.
 */
export function earlyOutside(width: number, f: (string | undefined)[], ctx: RowContext): boolean {
  const { header: h, region } = ctx;
  if (!region || width !== h.width) return false;
  const npi = (f[h.col.npi] ?? '').trim();
  if (npiProblem(npi) || ctx.knownNpis?.has(npi)) return false;
  const entity = clean(f[h.col.entity]);
  if (entity !== '1' && entity !== '2') return false;
  for (const i of [h.col.deactivationDate, h.col.reactivationDate])
    if (i >= 0 && parseUsDate(clean(f[i])) === undefined) return false;
  const { zip5 } = zipOf(f, h.practice, clean(f[h.practice.country]));
  return !practiceInRegion(region, clean(f[h.practice.state])?.toUpperCase() ?? null, zip5);
}

/**
 * Validates and converts one record (`width` fields; `f` holds at least the mapped ones) and
 * pushes it to `out` when it is kept.
 */
export function stageNppesRow(
  line: number,
  width: number,
  f: (string | undefined)[],
  ctx: RowContext,
  out: StagedRow[],
): RowOutcome {
  const { header: h, errors } = ctx;
  if (width !== h.width) {
    errors.add(line, 'row', `has ${width} columns, expected ${h.width} as in the header`);
    return 'rejected';
  }
  const npi = (f[h.col.npi] ?? '').trim();
  const problem = npiProblem(npi);
  if (problem) {
    errors.add(
      line,
      'NPI',
      problem === 'format' ? `"${npi}" is not 10 digits` : `${npi} fails the NPI check digit`,
    );
    return 'rejected';
  }
  const entityText = clean(f[h.col.entity]);
  const deactivationDate = dateField(f, h.col.deactivationDate, 'NPI Deactivation Date', line, errors);
  const reactivationDate = dateField(f, h.col.reactivationDate, 'NPI Reactivation Date', line, errors);
  if (!entityText) {
    // a deactivated NPI's row carries only the NPI and the deactivation date
    if (!deactivationDate) {
      errors.add(line, 'Entity Type Code', 'is empty and the row is not a deactivation');
      return 'rejected';
    }
    const v: CopyValue[] = new Array(STAGE_COLUMNS.length).fill(null);
    v[0] = line;
    v[1] = npi;
    v[2] = 0;
    v[16] = deactivationDate;
    v[17] = clean(f[h.col.deactivationReason]);
    v[18] = reactivationDate;
    v[3] = hash(v, [], []);
    v.push(true, null);
    out.push({ values: v, taxonomies: [], names: [] });
    return 'staged';
  }
  if (entityText !== '1' && entityText !== '2') {
    errors.add(line, 'Entity Type Code', `"${entityText}" is not 1 (individual) or 2 (organization)`);
    return 'rejected';
  }
  const practice = address(f, h.practice);
  const centroid = zipCentroid(practice.zip5);
  const countyFips = centroid?.countyFips ?? null;
  const inMarket = !ctx.region || practiceInRegion(ctx.region, practice.state, practice.zip5);
  if (!inMarket && !ctx.knownNpis?.has(npi)) return 'outside';
  const mailing = address(f, h.mailing);

  // child rows: (line, npi, slot, ...) in TAXONOMY_STAGE_COLUMNS / NAME_STAGE_COLUMNS order
  const taxonomies: CopyValue[][] = [];
  let primary: string | null = null;
  for (let i = 0; i < h.taxonomy.length; i++) {
    const t = h.taxonomy[i]!;
    const code = clean(f[t.code])?.toUpperCase();
    if (!code) continue;
    if (!ctx.knownTaxonomies.has(code))
      errors.add(line, `Healthcare Provider Taxonomy Code_${i + 1}`, `"${code}" is not a NUCC taxonomy code`);
    const isPrimary = clean(f[t.primary])?.toUpperCase() === 'Y';
    if (isPrimary && !primary) primary = code;
    taxonomies.push([
      line,
      npi,
      i + 1,
      code,
      t.license >= 0 ? clean(f[t.license]) : null,
      t.state >= 0 ? clean(f[t.state]) : null,
      isPrimary,
      t.group >= 0 ? clean(f[t.group]) : null,
    ]);
  }
  // no "Y" switch (some rows carry X): the single or first code stands in as primary
  primary ??= (taxonomies[0]?.[3] as string | undefined) ?? null;

  const c = h.col;
  const individual = entityText === '1';
  const last = clean(f[c.lastName]);
  const first = clean(f[c.firstName]);
  const middle = clean(f[c.middleName]);
  const orgName = clean(f[c.orgName]);
  const names: CopyValue[][] = [];
  if (individual) {
    if (clean(f[c.otherLastName]) || clean(f[c.otherFirstName]))
      names.push([
        line,
        npi,
        1,
        clean(f[c.otherLastName]),
        clean(f[c.otherFirstName]),
        clean(f[c.otherMiddleName]),
        clean(f[c.otherPrefix]),
        clean(f[c.otherSuffix]),
        clean(f[c.otherCredential]),
        clean(f[c.otherLastNameType]),
        null,
      ]);
  } else {
    const other = clean(f[c.otherOrgName]);
    if (other)
      names.push([line, npi, 1, null, null, null, null, null, null, clean(f[c.otherOrgNameType]), other]);
  }
  const sexCode = h.sex >= 0 ? clean(f[h.sex])?.toUpperCase() : undefined;
  const sole = clean(f[c.soleProprietor])?.toUpperCase();
  const v: CopyValue[] = [
    line,
    npi,
    individual ? 1 : 2,
    null,
    orgName,
    last,
    first,
    middle,
    clean(f[c.prefix]),
    clean(f[c.suffix]),
    clean(f[c.credential]),
    individual && sexCode && SEX.has(sexCode) ? sexCode : null,
    primary,
    dateField(f, c.enumerationDate, 'Provider Enumeration Date', line, errors),
    dateField(f, c.lastUpdateDate, 'Last Update Date', line, errors),
    dateField(f, h.certificationDate, 'Certification Date', line, errors),
    deactivationDate,
    clean(f[c.deactivationReason]),
    reactivationDate,
    sole === 'Y' ? true : sole === 'N' ? false : null,
    practice.line1,
    practice.line2,
    practice.city,
    practice.state,
    practice.zip5,
    practice.zip9,
    practice.country,
    practice.phone,
    practice.fax,
    countyFips,
    centroid?.countyName ?? null,
    mailing.line1,
    mailing.line2,
    mailing.city,
    mailing.state,
    mailing.zip5,
    mailing.zip9,
    mailing.country,
    mailing.phone,
    mailing.fax,
    centroid ? coordinates(centroid)[0] : null,
    centroid ? coordinates(centroid)[1] : null,
    centroid ? 'zip_centroid' : 'none',
    individual ? null : clean(f[c.officialLast]),
    individual ? null : clean(f[c.officialFirst]),
    individual ? null : clean(f[c.officialTitle]),
    individual ? null : digitsOnly(clean(f[c.officialPhone])),
    individual ? searchText(last, first, middle) : searchText(orgName),
  ];
  if (individual && !last) errors.add(line, 'Provider Last Name (Legal Name)', 'is empty');
  if (!individual && !orgName) {
    errors.add(line, 'Provider Organization Name (Legal Business Name)', 'is empty');
    return 'rejected';
  }
  v[3] = hash(v, taxonomies, names);
  // providers.taxonomy_codes (the specialty filter), in slot order; not part of the hash (it repeats the slots)
  v.push(inMarket, individual ? codesArray(taxonomies) : null);
  // organizations keep only their primary taxonomy (on the row)
  out.push({ values: v, taxonomies: individual ? taxonomies : [], names });
  return inMarket ? 'staged' : 'outside';
}

// A ZIP's coordinates as text, formatted once per ZIP: the row hash and the COPY encoder would
// each turn the two numbers into strings for every row (4M number formats per 1M rows).
const COORDINATES = new WeakMap<ZipCentroid, [string, string]>();
function coordinates(c: ZipCentroid): [string, string] {
  let t = COORDINATES.get(c);
  if (!t) {
    t = [String(c.lat), String(c.lon)];
    COORDINATES.set(c, t);
  }
  return t;
}

const PLAIN_CODE = /^[0-9A-Z]+$/;
/** A PostgreSQL array literal of the rows' codes (a code with other characters is quoted). */
function codesArray(taxonomies: CopyValue[][]): string {
  let out = '';
  for (const t of taxonomies) {
    const code = t[3] as string;
    if (out) out += ',';
    out += PLAIN_CODE.test(code) ? code : `"${code.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  }
  return `{${out}}`;
}

/**
 * Hash of everything but the line number (the stage row's and its child rows'): equal hashes mean
 * the NPI's data did not change. 64 bits (two multiply-xor lanes with a final avalanche, as in
 * cyrb53), fed value by value: it only compares one NPI's row with its own previous version, so
 * there is no practical chance of missing a change, at a fraction of MD5's cost per row.
 */
function hash(v: CopyValue[], taxonomies: CopyValue[][], names: CopyValue[][]): string {
  H[0] = 0xdeadbeef;
  H[1] = 0x41c6ce57;
  for (let i = 1; i < v.length; i++) if (i !== 3) feed(v[i]);
  for (const kids of [taxonomies, names]) {
    mix(2);
    for (const k of kids) for (let i = 2; i < k.length; i++) feed(k[i]);
  }
  const h1 = Math.imul(H[0]! ^ (H[0]! >>> 16), 2246822507) ^ Math.imul(H[1]! ^ (H[1]! >>> 13), 3266489909);
  const h2 = Math.imul(H[1]! ^ (H[1]! >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

// the two lanes live in a typed array: as plain numbers outside the small-integer range, every
// step would allocate a boxed number (a third of the hash's time, and garbage)
const H = new Int32Array(2);
function mix(c: number) {
  H[0] = Math.imul(H[0]! ^ c, 2654435761);
  H[1] = Math.imul(H[1]! ^ c, 1597334677);
}
function feed(value: CopyValue) {
  let a = H[0]!;
  let b = H[1]!;
  if (value !== null && value !== undefined) {
    const t = typeof value === 'string' ? value : String(value);
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      a = Math.imul(a ^ c, 2654435761);
      b = Math.imul(b ^ c, 1597334677);
    }
  } else {
    a = Math.imul(a, 2654435761);
    b = Math.imul(b, 1597334677);
  }
  // separator: ('ab', 'c') and ('a', 'bc') differ
  H[0] = Math.imul(a ^ 1, 2654435761);
  H[1] = Math.imul(b ^ 1, 1597334677);
}
