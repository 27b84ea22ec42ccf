import { describe, expect, it } from 'vitest';
import { NPPES_LAYOUT_329, NPPES_LAYOUT_330 } from '../../src/import/nppes/layout';

describe('NPPES layouts', () => {
  it('has 330 and 329 columns with the sex/gender column in position 42', () => {
    expect(NPPES_LAYOUT_330).toHaveLength(330);
    expect(NPPES_LAYOUT_329).toHaveLength(329);
    expect(NPPES_LAYOUT_330[41]).toBe('Provider Sex Code');
    expect(NPPES_LAYOUT_329[41]).toBe('Provider Gender Code');
    expect(NPPES_LAYOUT_330[329]).toBe('Certification Date');
    expect(NPPES_LAYOUT_330[47]).toBe('Healthcare Provider Taxonomy Code_1');
    expect(NPPES_LAYOUT_330[307]).toBe('Is Sole Proprietor');
    expect(NPPES_LAYOUT_330[314]).toBe('Healthcare Provider Taxonomy Group_1');
  });
});
