// A small hand-checkable market: our health system (with a subsidiary heart hospital that inherits
// "ours" through parent_id), a competitor, an independent clinic, two referrers and two receivers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { npiCheckDigit } from '../../src/core/npi';
import type { DB } from '../../src/db/schema';

export const npi = (first9: string) => `${first9}${npiCheckDigit(first9)}`;

export const N = {
  R1: npi('100000001'),
  R2: npi('100000002'),
  C1: npi('100000003'),
  O1: npi('100000004'),
  SYS: npi('190000001'),
  OHH: npi('190000002'),
  RIV: npi('190000003'),
  IND: npi('190000004'),
  OPC: npi('190000005'),
  UNKNOWN: npi('155555555'),
};

export async function seedMarket(db: Kysely<DB>) {
  const org = async (v: {
    npi: string;
    name: string;
    type: 'health_system' | 'hospital' | 'clinic' | 'practice';
    network_status: 'ours' | 'affiliated' | 'independent' | 'competitor';
    parent_id?: number;
    facility_code?: string;
    service_lines?: string[];
  }) =>
    (
      await db
        .insertInto('organizations')
        .values({ ...v, service_lines: v.service_lines ?? [] } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const sys = await org({
    npi: N.SYS,
    name: 'Our Health System',
    type: 'health_system',
    network_status: 'ours',
    service_lines: ['cardiology', 'orthopedics'],
  });
  const ohh = await org({
    npi: N.OHH,
    name: 'Our Heart Hospital',
    type: 'hospital',
    network_status: 'independent',
    parent_id: sys,
    facility_code: 'OHH',
    service_lines: ['cardiology'],
  });
  const riv = await org({
    npi: N.RIV,
    name: 'Rival Hospital',
    type: 'hospital',
    network_status: 'competitor',
    facility_code: 'RIV',
  });
  const ind = await org({ npi: N.IND, name: 'Indie Clinic', type: 'clinic', network_status: 'independent' });
  const opc = await org({ npi: N.OPC, name: 'Our Primary Care', type: 'practice', network_status: 'ours' });
  const prov = (npiValue: string, last: string, line: string, county: string, zip: string) =>
    db
      .insertInto('providers')
      .values({
        npi: npiValue,
        last_name: last,
        first_name: 'Pat',
        primary_service_line: line,
        county_fips: county,
        county_name: `County ${county}`,
        practice_zip5: zip,
      } as never)
      .execute();
  await prov(N.R1, 'Referrer', 'primary_care', '12001', '32601');
  await prov(N.R2, 'Second', 'primary_care', '12003', '32603');
  await prov(N.C1, 'Heart', 'cardiology', '12001', '32601');
  await prov(N.O1, 'Bones', 'orthopedics', '12001', '32601');
  const member = (p: string, o: number) =>
    db
      .insertInto('memberships')
      .values({ provider_npi: p, organization_id: o, role: 'primary', source: 'manual' } as never)
      .execute();
  await member(N.R1, opc);
  await member(N.C1, ohh);
  await member(N.O1, riv);
  return { sys, ohh, riv, ind, opc };
}

export function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-ref-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

export const HEADER =
  'referring_npi,receiving_npi,receiving_facility,service_line,referral_date,status,count';

/** Lines 2–14. Valid: 2, 3, 4, 5, 6, 7 and 14 (a second identical referral to line 2). */
export const REFERRALS_CSV = [
  HEADER,
  `${N.R1},${N.C1},,cardiology,2025-01-10,completed,2`,
  `${N.R1},,OHH,cardiology,2025-01-20,,`,
  `${N.R1},${N.O1},,207X00000X,2025-02-05,scheduled,3`,
  `${N.R1},,${N.RIV},cardiology,2025-03-01,lost,1`,
  `${N.R1},,${N.IND},dermatology,2025-03-02,completed,4`,
  `${N.R2},${N.C1},,cardiology,2025-03-15,pending,5`,
  `123,${N.C1},,cardiology,2025-03-15,pending,5`,
  `${N.R1},${N.UNKNOWN},,cardiology,2025-03-15,pending,1`,
  `${N.R1},${N.C1},,nonsense_line,2025-03-15,pending,1`,
  `${N.R1},${N.C1},,cardiology,2025-02-30,completed,1`,
  `${N.R1},${N.C1},,cardiology,2025-02-03,done,1`,
  `${N.R1},${N.C1},,cardiology,2025-02-03,completed,0`,
  `${N.R1},${N.C1},,cardiology,2025-01-10,completed,2`,
].join('\n');
