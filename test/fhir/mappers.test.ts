// Pure FHIR mapping: every directory example in test/fixtures (copied from the US Core / Plan-Net
// examples) round-trips FHIR → Rounds row → FHIR keeping NPI, names, address, phone and position,
// and what Rounds emits is valid R4; search-parameter parsing worked out by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  locationFromFhir,
  organizationFromFhir,
  providerFromPractitioner,
} from '../../src/core/fhir/fromFhir';
import { location, organization, practitioner } from '../../src/core/fhir/resources';
import { FhirSearchError, parseDateBound, parseSearch, parseToken } from '../../src/core/fhir/search';
import { fhirSchemaErrors } from './validate';

type J = Record<string, any>;
const fixtures = readdirSync('test/fhir/fixtures').map((f) => ({
  f,
  r: JSON.parse(readFileSync(`test/fhir/fixtures/${f}`, 'utf8')) as J,
}));
const resources = fixtures.flatMap(({ f, r }) =>
  r.resourceType === 'Bundle' ? (r.entry as J[]).map((e) => ({ f, r: e.resource as J })) : [{ f, r }],
);
const npi = (r: J) => r.identifier?.find((i: J) => i.system === 'http://hl7.org/fhir/sid/us-npi')?.value;
const work = (r: J) =>
  Array.isArray(r.address) ? (r.address.find((a: J) => a.use === 'work') ?? r.address[0]) : r.address;
const addrKey = (a: J | undefined) =>
  a
    ? {
        line: a.line?.slice(0, 2),
        city: a.city,
        state: a.state,
        zip: String(a.postalCode ?? '')
          .replace(/\D/g, '')
          .slice(0, 5),
      }
    : undefined;
const phones = (r: J) =>
  (r.telecom ?? [])
    .filter((t: J) => t.system === 'phone')
    .slice(0, 1)
    .map((t: J) => t.value);

describe('directory examples round-trip through Rounds rows', () => {
  it('has every example resource accounted for', () => {
    const types = resources.map(({ r }) => r.resourceType).sort();
    expect(types).toEqual([
      'Endpoint',
      'Location',
      'Organization',
      'Organization',
      'Organization',
      'Practitioner',
      'Practitioner',
      'Practitioner',
      'PractitionerRole',
      'ServiceRequest',
      'ServiceRequest',
    ]);
  });

  it.each(
    resources
      .filter(({ r }) => r.resourceType === 'Practitioner')
      .map(({ f, r }) => [`${f}#${r.id}`, r] as const),
  )('Practitioner %s', (_n, src) => {
    const { row, taxonomies } = providerFromPractitioner(src);
    const out = practitioner(row, taxonomies) as J;
    expect(fhirSchemaErrors(out)).toEqual([]);
    expect(npi(out)).toBe(npi(src));
    const [a, b] = [src.name[0], out.name[0]];
    expect({ family: b.family, given: b.given, prefix: b.prefix }).toEqual({
      family: a.family,
      given: a.given,
      prefix: a.prefix,
    });
    expect(addrKey(work(out))).toEqual(addrKey(work(src)));
    expect(phones(out)).toEqual(phones(src));
    expect(providerFromPractitioner(out).row).toEqual({ ...row, updated_at: null }); // stable on a second trip
  });

  it.each(
    resources
      .filter(({ r }) => r.resourceType === 'Organization')
      .map(({ f, r }) => [`${f}#${r.id}`, r] as const),
  )('Organization %s', (_n, src) => {
    const out = organization(organizationFromFhir(src, 7)) as J;
    expect(fhirSchemaErrors(out)).toEqual([]);
    expect(npi(out)).toBe(npi(src));
    expect(out.name).toBe(src.name);
    expect(addrKey(work(out))).toEqual(addrKey(work(src)));
    expect(phones(out)).toEqual(phones(src));
  });

  it.each(
    resources
      .filter(({ r }) => r.resourceType === 'Location')
      .map(({ f, r }) => [`${f}#${r.id}`, r] as const),
  )('Location %s', (_n, src) => {
    const out = location(locationFromFhir(src, 3)) as J;
    expect(fhirSchemaErrors(out)).toEqual([]);
    expect(out.name).toBe(src.name);
    expect(addrKey(out.address as J)).toEqual(addrKey(src.address));
    if (src.position)
      expect(out.position).toEqual({ latitude: src.position.latitude, longitude: src.position.longitude });
    expect(phones(out)).toEqual(phones(src));
  });

  it('the source examples are themselves valid R4 (so the checks above compare like with like)', () => {
    for (const { f, r } of fixtures) expect(fhirSchemaErrors(r), f).toEqual([]);
  });
});

describe('search parameter parsing', () => {
  it('tokens, strings with modifiers, AND across repeats and OR within a value', () => {
    expect(parseToken('http://hl7.org/fhir/sid/us-npi|123')).toEqual({
      system: 'http://hl7.org/fhir/sid/us-npi',
      code: '123',
    });
    expect(parseToken('|123')).toEqual({ system: null, code: '123' });
    expect(parseToken('123')).toEqual({ system: undefined, code: '123' });
    const p = parseSearch('Practitioner', {
      family: ['smi', 'smith,jones'],
      'given:exact': 'Ann\\,Marie',
      _count: '500',
      _offset: '40',
    });
    expect(p.strings.family).toEqual([
      { mode: 'start', values: ['smi'] },
      { mode: 'start', values: ['smith', 'jones'] },
    ]);
    expect(p.strings.given).toEqual([{ mode: 'exact', values: ['Ann,Marie'] }]);
    expect([p.count, p.offset]).toEqual([100, 40]); // _count capped at 100
  });

  it('dates cover their precision', () => {
    const month = parseDateBound('2026-02', '_lastUpdated');
    expect([month.op, month.start.toISOString(), month.end.toISOString()]).toEqual([
      'eq',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
    const day = parseDateBound('gt2026-12-31', '_lastUpdated');
    expect([day.op, day.end.toISOString()]).toEqual(['gt', '2027-01-01T00:00:00.000Z']);
    expect(() => parseDateBound('ne2026', 'x')).toThrow(/not supported/);
    expect(() => parseDateBound('2026-13-01', 'x')).toThrow(FhirSearchError);
  });

  it('refuses unknown parameters, wrong reference types and unsupported includes', () => {
    expect(() => parseSearch('Location', { name: 'x' })).toThrow(
      /Unknown search parameter "name" for Location/,
    );
    expect(() => parseSearch('PractitionerRole', { practitioner: 'Organization/1' })).toThrow(
      /not a Practitioner reference/,
    );
    expect(
      parseSearch('PractitionerRole', { practitioner: 'https://x.example/fhir/Practitioner/1234567893' }).refs
        .practitioner,
    ).toEqual([['1234567893']]);
    expect(() => parseSearch('Organization', { _include: 'Organization:partof' })).toThrow(
      /not supported for Organization/,
    );
  });
});
