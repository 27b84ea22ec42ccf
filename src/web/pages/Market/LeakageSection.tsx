// Leakage by referrer (top 50) with the value estimate, and risers & fallers.
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { type Column, DataTable, EmptyState, SkeletonRows, SourceNote } from '../../ui';
import { type LeakingReferrer, lineLabel, type Mover, money, pct, useLeakage, useMovers } from './api';

const who = (r: { referringNpi: string; name?: string }) => (
  <Link to={`/referrals/base/${r.referringNpi}`}>{r.name || r.referringNpi}</Link>
);

export function LeakageSection({
  serviceLine,
  period,
  scope,
  onScope,
}: {
  serviceLine: string;
  period: string;
  scope: 'network' | 'all';
  onScope: (s: 'network' | 'all') => void;
}) {
  const q = useLeakage(serviceLine, period, scope);
  const d = q.data;
  const columns: Column<LeakingReferrer>[] = [
    { id: 'who', header: 'Referrer', cell: who, sortValue: (r) => r.name ?? r.referringNpi },
    {
      id: 'leak',
      header: 'To competitors',
      cell: (r) => r.leakage.toLocaleString(),
      sortValue: (r) => r.leakage,
      align: 'right',
    },
    {
      id: 'share',
      header: 'of their referrals',
      cell: (r) => pct(r.leakageShare),
      sortValue: (r) => r.leakageShare,
      align: 'right',
      hideOnPhone: true,
    },
    {
      id: 'value',
      header: 'Est. value',
      cell: (r) => money(r.estimatedValue),
      sortValue: (r) => r.estimatedValue,
      align: 'right',
    },
    {
      id: 'lines',
      header: 'Lines',
      cell: (r) =>
        r.byServiceLine
          .slice(0, 3)
          .map((l) => `${lineLabel(l.serviceLine)} ${l.leakage}`)
          .join(', '),
      hideOnPhone: true,
    },
  ];
  return (
    <section className="card" aria-label="Leakage by referrer">
      <div className="row market-section-head">
        <h2>
          Leakage{' '}
          {d ? (
            <span className="muted">{d.totalLeakage.toLocaleString()} referrals to competitors</span>
          ) : null}
        </h2>
        <select
          aria-label="Which referrers"
          value={scope}
          onChange={(e) => onScope(e.target.value as 'network' | 'all')}
        >
          <option value="network">Referrers in or aligned with our network</option>
          <option value="all">All referrers</option>
        </select>
      </div>
      {q.error ? <EmptyState title="Leakage not available">{errorMessage(q.error)}</EmptyState> : null}
      {!d ? (
        <SkeletonRows rows={6} />
      ) : (
        <DataTable
          label="Top leaking referrers"
          columns={columns}
          rows={d.items}
          rowKey={(r) => r.referringNpi}
          initialSort={{ id: 'value', dir: 'desc' }}
          maxHeight="420px"
          empty={<EmptyState title="No leakage">No referrals to competitors in lines we offer.</EmptyState>}
        />
      )}
      {d ? (
        <SourceNote
          source={`${d.sources.join('+')} referrals ${d.period.from}–${d.period.to}; value = cases × value per case${d.valuePerCaseIsDefault ? ' (planning defaults — set yours in Admin → settings)' : ''}`}
          dataDate={d.dataDate}
        />
      ) : null}
    </section>
  );
}

export function MoversSection({ serviceLine }: { serviceLine: string }) {
  const q = useMovers(serviceLine, 3);
  const d = q.data;
  const columns: Column<Mover>[] = [
    { id: 'who', header: 'Referrer', cell: who },
    { id: 'prior', header: 'Before', cell: (m) => m.prior, align: 'right' },
    { id: 'recent', header: 'Recent', cell: (m) => m.recent, align: 'right' },
    { id: 'change', header: 'Change', cell: (m) => `${m.change > 0 ? '+' : ''}${m.change}`, align: 'right' },
  ];
  return (
    <section className="card" aria-label="Risers and fallers">
      <h2>
        Risers & fallers{' '}
        {d ? (
          <span className="muted small">
            to our network, {d.recent.from}–{d.recent.to} vs {d.prior.from}–{d.prior.to}
          </span>
        ) : null}
      </h2>
      {q.error ? <EmptyState title="Movers not available">{errorMessage(q.error)}</EmptyState> : null}
      {!d ? (
        <SkeletonRows rows={4} />
      ) : (
        <div className="market-movers">
          {(
            [
              ['Risers', 'more referrals to us', d.risers],
              ['Fallers', 'fewer referrals to us', d.fallers],
            ] as const
          ).map(([label, what, rows]) => (
            <div key={label}>
              <h3 className="movers-head">
                {label} <span className="muted small">{what}</span>
              </h3>
              <DataTable
                label={label}
                columns={columns}
                rows={[...rows]}
                rowKey={(m) => m.referringNpi}
                maxHeight="300px"
                empty={<EmptyState title={`No ${label.toLowerCase()}`} />}
              />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
