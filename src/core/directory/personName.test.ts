import { describe, expect, it } from 'vitest';
import { casedComposedName, personName } from './personName';

describe('personName', () => {
  it('re-cases the name parts and keeps the credential as written', () => {
    expect(
      personName({ first: 'AARON', middle: 'W', last: 'ADAMS', suffix: 'JR.', credential: 'M.D.' }),
    ).toBe('Aaron W Adams Jr., M.D.');
    expect(personName({ first: 'EMILY', last: 'ADAMS', credential: 'PMHNP-BC' })).toBe(
      'Emily Adams, PMHNP-BC',
    );
  });

  it('skips empty parts', () => {
    expect(personName({ first: ' ', last: 'ADAMS', credential: '' })).toBe('Adams');
    expect(personName({ credential: 'MD' })).toBe('MD');
    expect(personName({})).toBe('');
  });
});

describe('casedComposedName', () => {
  it('re-cases before the first comma only', () => {
    expect(casedComposedName('WILLIAM FOSTER, NP')).toBe('William Foster, NP');
    expect(casedComposedName('SARAH JOHNSON')).toBe('Sarah Johnson');
    expect(casedComposedName('ANA ALVAREZ, M.D., PH.D.')).toBe('Ana Alvarez, M.D., PH.D.');
    expect(casedComposedName(null)).toBe(null);
    expect(casedComposedName('')).toBe('');
  });
});
