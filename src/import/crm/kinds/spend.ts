// spend.csv: non-monetary compensation per physician.
import { createHash } from 'node:crypto';
import { SPEND_CATEGORIES } from '../../../core/crm/spendLimit';
import { STAFF } from '../../../server/auth/guard';
import { upsertByKey } from '../upsert';
import type { ImportKind } from './types';

type Spend = Record<string, unknown> & { external_id: string };

export const spendKind: ImportKind<Spend> = {
  kind: 'spend',
  roles: STAFF,
  npiFields: ['provider_npi'],
  fields: [
    { field: 'external_id', synonyms: ['id'], help: 'source id (optional key)' },
    { field: 'provider_npi', required: true, synonyms: ['npi', 'physician npi'], help: 'physician NPI' },
    { field: 'date', required: true, synonyms: ['spent on', 'spend date'], help: 'YYYY-MM-DD' },
    { field: 'category', required: true, synonyms: ['type'], help: SPEND_CATEGORIES.join(' | ') },
    { field: 'amount_usd', required: true, synonyms: ['amount', 'value', 'usd', 'cost'], help: 'dollars' },
    { field: 'description', synonyms: ['details', 'notes'], help: 'what it was' },
    {
      field: 'owner_email',
      synonyms: ['owner', 'liaison', 'spent by'],
      help: 'e-mail of the liaison who spent it',
    },
  ],
  parse(c) {
    const row = {
      provider_npi: c.npi('provider_npi', { required: true }),
      spent_on: c.date('date', { required: true }),
      category: c.oneOf('category', SPEND_CATEGORIES, { required: true }),
      amount_usd: c.money('amount_usd'),
      description: c.text('description', { max: 500 }) ?? '',
      created_by: c.user('owner_email', c.ctx.actor.id),
      external_id: '',
    };
    // The spend log has no natural key: the row's content is one, so a re-import is harmless.
    row.external_id =
      c.text('external_id', { max: 120 }) ??
      `sha1:${createHash('sha1').update(JSON.stringify(row)).digest('hex').slice(0, 20)}`;
    return row.provider_npi && row.spent_on && row.category && row.amount_usd !== null ? row : null;
  },
  key: (v) => v.external_id,
  write: (db, rows) =>
    upsertByKey(
      db,
      'spend_entries',
      'external_id',
      rows.map((r) => r.value),
    ),
};
