import { describe, expect, it } from 'vitest';
import { casedComposedName, casedName, personName } from './personName';

describe('casedName', () => {
  it.each([
    ['WILLIAM', 'William'],
    ["O'BRIEN", "O'Brien"],
    ['SMITH-JONES', 'Smith-Jones'],
    ['MCDONALD', 'McDonald'],
    ['SMITH-MCCOY', 'Smith-McCoy'],
    ['MACK', 'Mack'],
    ['MC', 'Mc'],
    ['DE LA CRUZ', 'De La Cruz'],
    ['CASTAÑO', 'Castaño'],
    ['ZOË', 'Zoë'],
    ['W', 'W'],
    ['W.', 'W.'],
    ['III', 'III'],
    ['JR.', 'Jr.'],
  ])('%s → %s', (raw, cased) => {
    expect(casedName(raw)).toBe(cased);
  });

  it('leaves a registrant’s own mixed case, and strings without letters, alone', () => {
    expect(casedName('DeShawn')).toBe('DeShawn');
    expect(casedName('van der Berg')).toBe('van der Berg');
    expect(casedName('1234')).toBe('1234');
    expect(casedName('')).toBe('');
  });
});

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
