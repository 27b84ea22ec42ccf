import { describe, expect, it } from 'vitest';
import { normalizeViewQuery } from './savedViews';

describe('normalizeViewQuery', () => {
  it('drops empty values, sorts keys, keeps a repeated key’s order and re-encodes', () => {
    expect(normalizeViewQuery('zip=&tier=A&county=Rutherford&overdue=true&q=')).toBe(
      'county=Rutherford&overdue=true&tier=A',
    );
    expect(normalizeViewQuery('?tier=B&line=cardiology&tier=A')).toBe('line=cardiology&tier=B&tier=A');
    expect(normalizeViewQuery('q=smith%20jones&a=%20')).toBe('q=smith+jones');
    expect(normalizeViewQuery('=x&name=O%27Brien&b')).toBe('name=O%27Brien');
    expect(normalizeViewQuery('')).toBe('');
  });
});
