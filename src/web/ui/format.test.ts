import { describe, expect, it } from 'vitest';
import { placeName } from './format';

describe('placeName', () => {
  it('writes registry capitals as people write place names', () => {
    expect(placeName('MOUNT JULIET')).toBe('Mount Juliet');
    expect(placeName('WINSTON-SALEM')).toBe('Winston-Salem');
    expect(placeName("COEUR D'ALENE")).toBe("Coeur D'Alene");
    expect(placeName('ST. LOUIS')).toBe('St. Louis');
    expect(placeName('CAÑON CITY')).toBe('Cañon City');
  });
  it('leaves mixed case and empty values alone', () => {
    expect(placeName('McMinnville')).toBe('McMinnville');
    expect(placeName('')).toBe('');
    expect(placeName(null)).toBe('');
  });
});
