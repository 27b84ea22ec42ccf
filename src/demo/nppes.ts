/** Writes npidata_pfile.csv (330-column NPPES layout, Latin-1, all values quoted) and pl_pfile.csv. */
import { join } from 'node:path';
import { marketZips, phoneFor, streetAddress, suiteLine } from './geography';
import type { Loc, Org, Params } from './model';
import { dayNumber, usDate } from './model';
import { OFFICIAL_TITLES, personName, SYSTEMS } from './names';
import { COL, NPPES_COLUMNS, PL_COLUMNS } from './nppesColumns';
import { type Rng, rngFor } from './prng';
import { LIFE_DEACTIVATED, LIFE_MOVED_IN, LIFE_NEW, type ProviderTable } from './providers';
import { SPECIALTIES } from './specialties';
import { nppesLine, Sink } from './writers';

const FIRST_DAY = dayNumber(2005, 5, 23);

function address(row: string[], l: Loc, mailing: boolean, rng: Rng): void {
  row[COL.prac1] = l.line1.toUpperCase();
  row[COL.prac2] = l.line2.toUpperCase();
  row[COL.pracCity] = l.city.toUpperCase();
  row[COL.pracState] = 'TN';
  row[COL.pracZip] = l.zip + l.zip4;
  row[COL.pracCountry] = 'US';
  row[COL.pracPhone] = l.phone;
  row[COL.pracFax] = rng.chance(0.8) ? l.fax : '';
  const po = mailing && rng.chance(0.25);
  row[COL.mail1] = po ? `PO BOX ${rng.intBetween(100, 99999)}` : row[COL.prac1]!;
  row[COL.mail2] = po ? '' : row[COL.prac2]!;
  row[COL.mailCity] = row[COL.pracCity]!;
  row[COL.mailState] = 'TN';
  row[COL.mailZip] = po ? l.zip + String(rng.intBetween(1000, 9899)) : row[COL.pracZip]!;
  row[COL.mailCountry] = 'US';
  row[COL.mailPhone] = l.phone;
  row[COL.mailFax] = row[COL.pracFax]!;
}

function soloLoc(p: Params, t: ProviderTable, i: number): Loc {
  const rng = rngFor(p.seed, 'solo', i);
  const z = marketZips()[t.zip[i]!]!;
  return {
    id: '',
    org: -1,
    name: '',
    line1: streetAddress(rng),
    line2: suiteLine(rng),
    city: z.city,
    zip: z.zip,
    zip4: String(rng.intBetween(1000, 9899)),
    countyIdx: z.countyIdx,
    countyFips: z.countyFips,
    lat: t.lat[i]!,
    lon: t.lon[i]!,
    phone: phoneFor(rng, z.countyIdx),
    fax: phoneFor(rng, z.countyIdx),
    hours: '',
    rules: '',
  };
}

function providerRow(
  p: Params,
  t: ProviderTable,
  i: number,
  locs: Loc[],
  endDay: number,
  windowStart: number,
): string[] {
  const row = new Array<string>(NPPES_COLUMNS.length).fill('');
  const rng = rngFor(p.seed, 'nppes', i);
  row[COL.npi] = String(t.npi[i]);
  if (t.life[i] === LIFE_DEACTIVATED) {
    row[COL.deact] = usDate(windowStart + rng.int(endDay - windowStart));
    return row;
  }
  const spec = SPECIALTIES[t.spec[i]!]!;
  const name = personName(rngFor(p.seed, 'pname', i));
  row[COL.entity] = '1';
  row[COL.last] = name.last.toUpperCase();
  row[COL.first] = name.first.toUpperCase();
  row[COL.middle] = name.middle;
  row[COL.cred] = rng.pick(spec.creds);
  if (spec.code.startsWith('20') && rng.chance(0.3)) row[COL.prefix] = 'DR.';
  if (rng.chance(0.03)) row[COL.suffix] = rng.pick(['JR.', 'III', 'II', 'SR.']);
  if (name.sex === 'F' && rng.chance(0.04)) {
    row[COL.otherLast] = personName(rng).last.toUpperCase();
    row[COL.otherFirst] = row[COL.first]!;
    row[COL.otherLastType] = '1';
  }
  row[COL.sex] = name.sex;
  const loc = t.loc[i]! >= 0 ? locs[t.loc[i]!]! : soloLoc(p, t, i);
  address(row, loc, true, rng);
  const life = t.life[i]!;
  const startDay = windowStart + 0;
  const monthDay = (m: number) =>
    dayNumber(Number(p.endMonth.slice(0, 4)), Number(p.endMonth.slice(5, 7)) - (p.months - 1 - m), 1);
  const enumDay =
    life === LIFE_NEW
      ? monthDay(t.start[i]!) + rng.int(28)
      : FIRST_DAY + rng.int(Math.max(1, startDay - FIRST_DAY - 200));
  const updDay =
    life === LIFE_NEW
      ? enumDay + rng.int(Math.max(1, endDay - enumDay))
      : life === LIFE_MOVED_IN
        ? monthDay(t.start[i]!) + rng.int(28)
        : enumDay + rng.int(Math.max(1, endDay - enumDay));
  row[COL.enum] = usDate(enumDay);
  row[COL.update] = usDate(Math.min(endDay, updDay));
  if (rng.chance(0.8)) row[COL.cert] = usDate(Math.min(endDay, updDay + rng.int(30)));
  const codes = [spec.code, ...spec.alt.filter(() => rng.chance(0.35))].slice(0, 3);
  const primarySlot = codes.length > 1 && rng.chance(0.2) ? 1 : 0;
  const licNo = spec.creds.some((c) => /NP|APRN/.test(c))
    ? `${rng.intBetween(1000, 39999)}`
    : spec.code.startsWith('20')
      ? `MD${rng.intBetween(20000, 69999)}`
      : `${rng.intBetween(1000, 99999)}`;
  codes.forEach((code, k) => {
    const [c, n] =
      k === 0 && primarySlot === 1
        ? [codes[1]!, 1]
        : k === 1 && primarySlot === 1
          ? [codes[0]!, 2]
          : [code, k + 1];
    row[COL.tax(n)] = c;
    row[COL.lic(n)] = licNo;
    row[COL.licState(n)] = 'TN';
    row[COL.sw(n)] = c === spec.code ? 'Y' : 'N';
  });
  if (rng.chance(0.25)) {
    row[COL.oid(1)] = String(rng.intBetween(1000000, 9999999));
    row[COL.oidType(1)] = '05';
    row[COL.oidState(1)] = 'TN';
  }
  row[COL.soleProp] = t.org[i]! < 0 ? 'Y' : rng.chance(0.1) ? 'X' : 'N';
  return row;
}

function orgRow(p: Params, o: Org, orgs: Org[], locs: Loc[], endDay: number): string[] {
  const row = new Array<string>(NPPES_COLUMNS.length).fill('');
  const rng = rngFor(p.seed, 'nppes-org', o.idx);
  row[COL.npi] = String(o.npi);
  row[COL.entity] = '2';
  row[COL.ein] = '<UNAVAIL>';
  row[COL.orgName] = o.legalName;
  if (o.legalName.replace(/ (PLLC|PC|LLC|INC|P\.C\.)$/, '') !== o.name.toUpperCase()) {
    row[COL.otherOrg] = o.name.toUpperCase();
    row[COL.otherOrgType] = '3';
  }
  address(row, locs[o.locations[0]!]!, true, rng);
  row[COL.enum] = usDate(o.enumerationDay);
  row[COL.update] = usDate(o.enumerationDay + rng.int(Math.max(1, endDay - o.enumerationDay)));
  const ao = personName(rngFor(p.seed, 'official', o.idx));
  row[COL.aoLast] = ao.last.toUpperCase();
  row[COL.aoFirst] = ao.first.toUpperCase();
  row[COL.aoMiddle] = ao.middle;
  row[COL.aoTitle] = (
    o.type === 'practice' ? rng.pick(OFFICIAL_TITLES.slice(1)) : rng.pick(OFFICIAL_TITLES)
  ).toUpperCase();
  row[COL.aoPhone] = locs[o.locations[0]!]!.phone;
  if (rng.chance(0.3)) {
    row[COL.aoPrefix] = 'DR.';
    row[COL.aoCred] = 'MD';
  }
  row[COL.tax(1)] = o.taxonomy;
  row[COL.lic(1)] = o.type === 'hospital' ? `H${rng.intBetween(100, 999)}` : '';
  row[COL.licState(1)] = o.type === 'hospital' ? 'TN' : '';
  row[COL.sw(1)] = 'Y';
  row[COL.subpart] = o.parent >= 0 ? 'Y' : 'N';
  if (o.parent >= 0) row[COL.parentLbn] = SYSTEMS[orgs[o.parent]!.system]!.legal;
  return row;
}

export async function writeNppes(
  p: Params,
  t: ProviderTable,
  orgs: Org[],
  locs: Loc[],
  outDir: string,
  endDay: number,
  windowStart: number,
  progress?: (d: number) => void,
) {
  const main = new Sink(join(outDir, 'npidata_pfile.csv'), 'latin1', '\r\n');
  const pl = new Sink(join(outDir, 'pl_pfile.csv'), 'latin1', '\r\n');
  main.push(nppesLine(NPPES_COLUMNS as string[]));
  pl.push(nppesLine(PL_COLUMNS as string[]));
  for (let i = 0; i < t.n; i++) {
    const f = main.push(nppesLine(providerRow(p, t, i, locs, endDay, windowStart)));
    if (f) await f;
    if (t.loc2[i]! >= 0 && t.life[i] !== LIFE_DEACTIVATED) {
      const l = locs[t.loc2[i]!]!;
      const g = pl.push(
        nppesLine([
          String(t.npi[i]),
          l.line1.toUpperCase(),
          l.line2.toUpperCase(),
          l.city.toUpperCase(),
          'TN',
          l.zip + l.zip4,
          'US',
          l.phone,
          '',
          l.fax,
        ]),
      );
      if (g) await g;
    }
    if (progress && i % 20_000 === 0) progress(i);
  }
  for (const o of orgs) {
    const f = main.push(nppesLine(orgRow(p, o, orgs, locs, endDay)));
    if (f) await f;
  }
  await main.close();
  await pl.close();
  return { npidata: { rows: main.rows - 1, bytes: main.bytes }, pl: { rows: pl.rows - 1, bytes: pl.bytes } };
}
