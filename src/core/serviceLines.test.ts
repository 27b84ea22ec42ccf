import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  deriveServiceLine,
  isServiceLineKey,
  SERVICE_LINE_KEYS,
  SERVICE_LINES,
  serviceLine,
  serviceLineForTaxonomy,
  TAXONOMY_SERVICE_LINE,
  taxonomyServiceLineRows,
} from './serviceLines';

const NUCC: { Code: string; Grouping: string; Classification: string; Specialization: string }[] = parse(
  readFileSync(new URL('../../data/nucc/nucc_taxonomy_251.csv', import.meta.url), 'utf8'),
  { columns: true },
);

describe('service lines', () => {
  it('has the 22 Rounds keys, each once, with labels', () => {
    expect(SERVICE_LINES.map((s) => s.key)).toEqual([...SERVICE_LINE_KEYS]);
    expect(new Set(SERVICE_LINE_KEYS).size).toBe(22);
    for (const s of SERVICE_LINES) expect(s.label.length).toBeGreaterThan(2);
  });
  it('marks primary care as a source, not a referral destination', () => {
    expect(serviceLine('primary_care')).toMatchObject({ referralDestination: false, primarySource: true });
    expect(serviceLine('cardiology')?.referralDestination).toBe(true);
    expect(serviceLine('other')?.referralDestination).toBe(false);
    expect(isServiceLineKey('cardiology')).toBe(true);
    expect(isServiceLineKey('cardio')).toBe(false);
  });
});

describe('serviceLineForTaxonomy', () => {
  it.each([
    ['207RC0000X', 'cardiology'],
    ['207RI0011X', 'cardiology'],
    ['207Q00000X', 'primary_care'],
    ['207R00000X', 'primary_care'],
    ['363LF0000X', 'primary_care'],
    ['363A00000X', 'primary_care'],
    ['208000000X', 'pediatrics'],
    ['207X00000X', 'orthopedics'],
    ['207XX0005X', 'orthopedics'],
    ['207RH0003X', 'oncology'],
    ['2085R0001X', 'oncology'],
    ['2084N0400X', 'neurology'],
    ['2084P0800X', 'behavioral_health'],
    ['103T00000X', 'behavioral_health'],
    ['207T00000X', 'neurosurgery'],
    ['207RG0100X', 'gastroenterology'],
    ['208600000X', 'general_surgery'],
    ['208800000X', 'urology'],
    ['207RP1001X', 'pulmonology'],
    ['207V00000X', 'obgyn'],
    ['2085R0202X', 'imaging'],
    ['261QR0200X', 'imaging'],
    ['207RN0300X', 'nephrology'],
    ['207RE0101X', 'endocrinology'],
    ['207N00000X', 'dermatology'],
    ['207Y00000X', 'ent'],
    ['207W00000X', 'ophthalmology'],
    ['225100000X', 'rehab'],
    ['208100000X', 'rehab'],
    ['207P00000X', 'emergency'],
    ['261QU0200X', 'emergency'],
    ['261QA1903X', 'general_surgery'],
    ['282N00000X', 'other'],
    ['207L00000X', 'other'],
    ['208M00000X', 'other'],
  ])('%s → %s', (code, key) => {
    expect(serviceLineForTaxonomy(code)).toBe(key);
  });
  it('is case/space tolerant and defaults to other', () => {
    expect(serviceLineForTaxonomy(' 207rc0000x ')).toBe('cardiology');
    expect(serviceLineForTaxonomy('999999999X')).toBe('other');
    expect(serviceLineForTaxonomy(null)).toBe('other');
    expect(
      serviceLineForTaxonomy('207ZZ0000X', {
        grouping: 'Allopathic & Osteopathic Physicians',
        classification: 'Urology',
        specialization: 'Something New',
      }),
    ).toBe('urology');
  });
});

describe('default mapping table vs NUCC v25.1', () => {
  const codes = new Set(NUCC.map((r) => r.Code));
  it('only uses real NUCC codes and valid keys', () => {
    for (const [code, key] of Object.entries(TAXONOMY_SERVICE_LINE)) {
      expect(codes.has(code), code).toBe(true);
      expect(isServiceLineKey(key)).toBe(true);
    }
  });
  it('equals the rule derivation for every NUCC code (other = not listed)', () => {
    for (const r of NUCC) {
      const derived = deriveServiceLine({
        grouping: r.Grouping,
        classification: r.Classification,
        specialization: r.Specialization,
      });
      expect(
        TAXONOMY_SERVICE_LINE[r.Code] ?? 'other',
        `${r.Code} ${r.Classification} / ${r.Specialization}`,
      ).toBe(derived);
    }
  });
  it('maps most physician codes to a clinical line', () => {
    const phys = NUCC.filter((r) => r.Grouping.startsWith('Allopathic'));
    const mapped = phys.filter((r) => TAXONOMY_SERVICE_LINE[r.Code]);
    expect(mapped.length / phys.length).toBeGreaterThan(0.7);
  });
  it('exports sorted seed rows', () => {
    const rows = taxonomyServiceLineRows();
    expect(rows.length).toBe(Object.keys(TAXONOMY_SERVICE_LINE).length);
    expect(rows.map((r) => r.code)).toEqual(rows.map((r) => r.code).sort());
  });
});
