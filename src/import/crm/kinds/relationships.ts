// relationships.csv: tier, desired visit frequency, owner and tags per provider.

import { cleanTags } from '../../../commands/crm/relationships';
import { VISIT_FREQUENCIES } from '../../../core/crm/visitCadence';
import { STAFF } from '../../../server/auth/guard';
import { upsertByKey } from '../upsert';
import type { ImportKind } from './types';

type Rel = {
  provider_npi: string;
  tier: string | null;
  visit_frequency: string | null;
  owner_id: number | null;
  tags: string[];
};

export const relationshipsKind: ImportKind<Rel> = {
  kind: 'relationships',
  roles: STAFF,
  npiFields: ['provider_npi'],
  fields: [
    { field: 'provider_npi', required: true, synonyms: ['npi', 'physician npi'], help: 'provider NPI' },
    { field: 'tier', synonyms: ['priority', 'segment tier'], help: 'A | B | C' },
    {
      field: 'visit_frequency',
      synonyms: ['frequency', 'cadence', 'visit cadence'],
      help: VISIT_FREQUENCIES.join(' | '),
    },
    {
      field: 'owner_email',
      synonyms: ['owner', 'liaison', 'liaison email'],
      help: 'e-mail of the owning liaison',
    },
    { field: 'tags', synonyms: ['tag', 'labels'], help: ';-separated tags' },
  ],
  parse(c) {
    const npi = c.npi('provider_npi', { required: true });
    const row = {
      provider_npi: npi!,
      tier: c.oneOf('tier', ['A', 'B', 'C'] as const),
      visit_frequency: c.oneOf('visit_frequency', VISIT_FREQUENCIES),
      owner_id: c.user('owner_email', null),
      tags: cleanTags(c.list('tags')),
    };
    return npi ? row : null;
  },
  key: (v) => v.provider_npi,
  write: (db, rows) =>
    upsertByKey(
      db,
      'provider_relationships',
      'provider_npi',
      rows.map((r) => r.value),
    ),
};
