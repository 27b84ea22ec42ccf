// A fast streaming generator of an NPPES-layout file (330 columns, Latin-1, all values quoted)
// with synthetic providers in Tennessee and its neighbours (names and places: syntheticPeople.ts).
// Deterministic for a given row count.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { npiCheckDigit } from '../../src/core/npi';
import { NPPES_LAYOUT_330 } from '../../src/import/nppes/layout';
import { syntheticPeople } from './syntheticPeople';

const TAX = [
  '207Q00000X',
  '207R00000X',
  '207RC0000X',
  '207X00000X',
  '208600000X',
  '207V00000X',
  '2084N0400X',
  '207RG0100X',
  '208000000X',
  '363L00000X',
  '367500000X',
  '207RE0101X',
  '2085R0202X',
  '207L00000X',
  '208800000X',
];
const col = new Map(NPPES_LAYOUT_330.map((c, i) => [c, i]));
const at = (name: string) => col.get(name)!;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateNppesFile(file: string, rows: number, onProgress?: (n: number) => void) {
  const out = createWriteStream(file);
  const rand = rng(rows);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const people = syntheticPeople(rand);
  const empty = NPPES_LAYOUT_330.map(() => '');
  let buf = `${NPPES_LAYOUT_330.map((c) => `"${c}"`).join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const v = empty.slice();
    const first9 = String(100000000 + i * 7);
    v[at('NPI')] = first9 + npiCheckDigit(first9);
    const org = i % 10 === 9;
    v[at('Entity Type Code')] = org ? '2' : '1';
    const place = people.place();
    if (org) {
      v[at('Provider Organization Name (Legal Business Name)')] =
        `${people.surname()} ${pick(['CLINIC', 'MEDICAL GROUP', 'HEALTH PLLC', 'IMAGING CENTER'])} ${i}`;
      v[at('Authorized Official Last Name')] = people.surname();
      v[at('Authorized Official First Name')] = people.firstName();
      v[at('Authorized Official Title or Position')] = 'ADMINISTRATOR';
      v[at('Authorized Official Telephone Number')] = '6155550100';
      v[at('Healthcare Provider Taxonomy Code_1')] = pick(['261QP2300X', '193200000X', '261QR0200X']);
      v[at('Healthcare Provider Primary Taxonomy Switch_1')] = 'Y';
    } else {
      v[at('Provider Last Name (Legal Name)')] = people.surname();
      v[at('Provider First Name')] = people.firstName();
      v[at('Provider Middle Name')] = rand() < 0.5 ? people.firstName() : '';
      v[at('Provider Credential Text')] = pick(['M.D.', 'MD', 'D.O.', 'NP', 'PA-C']);
      v[at('Provider Sex Code')] = rand() < 0.5 ? 'F' : 'M';
      const n = 1 + Math.floor(rand() * 3);
      for (let t = 1; t <= n; t++) {
        v[at(`Healthcare Provider Taxonomy Code_${t}`)] = pick(TAX);
        v[at(`Provider License Number_${t}`)] = `MD${i}${t}`;
        v[at(`Provider License Number State Code_${t}`)] = place.state;
        v[at(`Healthcare Provider Primary Taxonomy Switch_${t}`)] = t === 1 ? 'Y' : 'N';
      }
      v[at('Is Sole Proprietor')] = rand() < 0.2 ? 'Y' : 'N';
    }
    v[at('Employer Identification Number (EIN)')] = '<UNAVAIL>';
    v[at('Provider First Line Business Mailing Address')] = `${100 + (i % 9000)} MAIN ST`;
    v[at('Provider Business Mailing Address City Name')] = place.city;
    v[at('Provider Business Mailing Address State Name')] = place.state;
    v[at('Provider Business Mailing Address Postal Code')] = `${place.zip}1234`;
    v[at('Provider Business Mailing Address Country Code (If outside U.S.)')] = 'US';
    v[at('Provider First Line Business Practice Location Address')] = `${100 + (i % 9000)} CHURCH ST`;
    v[at('Provider Second Line Business Practice Location Address')] = rand() < 0.3 ? `SUITE ${i % 500}` : '';
    v[at('Provider Business Practice Location Address City Name')] = place.city;
    v[at('Provider Business Practice Location Address State Name')] = place.state;
    v[at('Provider Business Practice Location Address Postal Code')] = place.zip;
    v[at('Provider Business Practice Location Address Country Code (If outside U.S.)')] = 'US';
    v[at('Provider Business Practice Location Address Telephone Number')] =
      `615${String(i % 10000000).padStart(7, '0')}`;
    v[at('Provider Enumeration Date')] =
      `0${1 + (i % 9)}/1${i % 9}/20${String(5 + (i % 20)).padStart(2, '0')}`;
    v[at('Last Update Date')] = '06/01/2025';
    v[at('Certification Date')] = '06/01/2025';
    buf += `"${v.join('","')}"\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(Buffer.from(buf, 'latin1'))) await once(out, 'drain');
      buf = '';
      onProgress?.(i + 1);
    }
  }
  out.end(Buffer.from(buf, 'latin1'));
  await once(out, 'finish');
}
