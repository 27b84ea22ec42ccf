import { describe, expect, it } from 'vitest';
import { casedName } from './capitals';

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
    // places go through the same function (web/ui/format.ts placeName)
    ['MOUNT JULIET', 'Mount Juliet'],
    ['MCMINNVILLE', 'McMinnville'],
    ['WINSTON-SALEM', 'Winston-Salem'],
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
