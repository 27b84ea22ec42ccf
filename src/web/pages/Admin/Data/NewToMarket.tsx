// Providers newly enumerated or newly arrived in the market in the latest NPPES import: the list a
// liaison acts on (introduce yourself before a competitor does).
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import { type Column, DataTable, EmptyState, formatNumber, SkeletonRows } from '../../../ui';
import type { ProviderHit, SearchResult } from '../../Providers/types';

const columns: Column<ProviderHit>[] = [
  {
    id: 'name',
    header: 'Provider',
    alwaysVisible: true,
    sortValue: (r) => r.name,
    cell: (r) => <Link to={`/providers/${r.npi}`}>{r.name}</Link>,
  },
  { id: 'npi', header: 'NPI', hideOnPhone: true, cell: (r) => <span className="mono">{r.npi}</span> },
  {
    id: 'specialty',
    header: 'Specialty',
    sortValue: (r) => r.primaryTaxonomy?.name ?? r.primaryTaxonomy?.code ?? '',
    cell: (r) => r.primaryTaxonomy?.name ?? r.primaryTaxonomy?.code ?? '—',
  },
  {
    id: 'place',
    header: 'Practice',
    sortValue: (r) => r.address.city ?? '',
    cell: (r) => [r.address.line1, r.address.city, r.address.zip5].filter(Boolean).join(', '),
  },
];

export function NewToMarket() {
  const list = useQuery({
    queryKey: ['providers', 'new-to-market'],
    queryFn: () => api<SearchResult>('/api/providers/new-to-market', { query: { limit: 200 } }),
  });
  return (
    <section className="stack" aria-labelledby="ntm-h">
      <h2 id="ntm-h" style={{ fontSize: 'var(--fs-md)' }}>
        New to market
        {list.data ? ` (${formatNumber(list.data.total)}${list.data.totalIsExact ? '' : '+'})` : ''}
      </h2>
      <p className="muted">
        Newly enumerated or newly arrived since the previous NPPES import. The first NPPES import is the
        baseline and lists nobody.
      </p>
      {list.isPending ? (
        <SkeletonRows rows={3} />
      ) : list.isError ? (
        <EmptyState icon="alert" title="New to market could not be loaded">
          {list.error.message}
        </EmptyState>
      ) : (
        <DataTable
          label="New to market"
          columns={columns}
          rows={list.data.items}
          rowKey={(r) => r.npi}
          initialSort={{ id: 'name', dir: 'asc' }}
          chooserKey="admin-new-to-market"
          empty={<EmptyState title="Nobody new">No provider arrived in the latest NPPES import.</EmptyState>}
        />
      )}
    </section>
  );
}
