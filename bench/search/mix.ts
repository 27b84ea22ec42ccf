// The bench's query mix: six kinds of search, in turn (run.ts times them, explain.ts plans them).
import type { SearchParams } from '../../src/commands/directory/providerSearch';

const NAMES = [
  'smith',
  'jonhson',
  'garcia maria',
  'wiliams',
  'nguyen',
  'robert tompson',
  'lopez',
  'katherine',
  'mary davis',
  'hernandez',
];
export const mix = (i: number): SearchParams => {
  switch (i % 6) {
    case 0:
      return { q: NAMES[i % NAMES.length] };
    case 1:
      return { q: NAMES[i % NAMES.length], facets: false, limit: 25 };
    case 2:
      return { near: ['37203', '37027', '37130', '37064'][i % 4], radiusMi: 5, serviceLine: 'cardiology' };
    case 3:
      return { specialty: '207Q00000X', zip: ['37203', '37027', '37212'][i % 3] };
    case 4:
      return { serviceLine: 'primary_care', city: 'FRANKLIN', sort: 'name' };
    default:
      return { q: '1000000004' };
  }
};

export const KINDS = [
  'name+facets',
  'name',
  'radius+serviceLine',
  'taxonomy+zip',
  'serviceLine+city by name',
  'npi',
];
