// Market share of our network by county (choropleth on the offline basemap) or ZIP, with the table beside it.
import { errorMessage } from '../../api/client';
import { EmptyUnlessDemoLoading } from '../../app/demoLoading';
import { type Column, DataTable, EmptyState, LeafletMap, SkeletonRows, SourceNote } from '../../ui';
import { type AreaShare, pct, useShare } from './api';

export function ShareSection({
  serviceLine,
  period,
  by,
  onBy,
}: {
  serviceLine: string;
  period: string;
  by: 'county' | 'zip';
  onBy: (b: 'county' | 'zip') => void;
}) {
  const share = useShare(serviceLine, period, by);
  const d = share.data;
  const columns: Column<AreaShare>[] = [
    {
      id: 'area',
      header: by === 'county' ? 'County' : 'ZIP',
      cell: (a) => (a.name ? `${a.name} (${a.area})` : a.area),
      sortValue: (a) => a.name ?? a.area,
    },
    {
      id: 'share',
      header: 'Our share',
      cell: (a) => pct(a.share, 1),
      sortValue: (a) => a.share,
      align: 'right',
    },
    {
      id: 'total',
      header: 'Referrals',
      cell: (a) => a.total.toLocaleString(),
      sortValue: (a) => a.total,
      align: 'right',
    },
    {
      id: 'comp',
      header: 'To competitors',
      cell: (a) => a.competitor.toLocaleString(),
      sortValue: (a) => a.competitor,
      align: 'right',
      hideOnPhone: true,
    },
  ];
  const values = Object.fromEntries(
    (d?.areas ?? []).filter((a) => a.share !== null && /^\d{5}$/.test(a.area)).map((a) => [a.area, a.share!]),
  );
  return (
    <section className="card" aria-label="Market share">
      <div className="row market-section-head">
        <h2>
          Our share{' '}
          {d ? (
            <span className="muted">
              {pct(d.overall.share, 1)} of {d.overall.total.toLocaleString()} referrals
            </span>
          ) : null}
        </h2>
        <fieldset className="row market-toggle" aria-label="Geography">
          <button
            type="button"
            className={`btn${by === 'county' ? ' is-active' : ''}`}
            onClick={() => onBy('county')}
          >
            County
          </button>
          <button
            type="button"
            className={`btn${by === 'zip' ? ' is-active' : ''}`}
            onClick={() => onBy('zip')}
          >
            ZIP
          </button>
        </fieldset>
      </div>
      {share.error ? (
        <EmptyState title="Market share not available">{errorMessage(share.error)}</EmptyState>
      ) : null}
      {!d ? <SkeletonRows rows={6} /> : null}
      {d && d.areas.length === 0 ? (
        <EmptyUnlessDemoLoading
          fallback={
            <EmptyState title="No referrals in this period">
              Import referrals (Admin → Import jobs, or rounds import referrals).
            </EmptyState>
          }
        />
      ) : null}
      {d?.areas.length ? (
        <div className="market-share-grid">
          {by === 'county' ? (
            <LeafletMap
              label="Our share of referrals by county of the referring practice"
              height={360}
              choropleth={{ level: 'county', values, label: 'Our share', format: (v) => pct(v), steps: 5 }}
            />
          ) : (
            <p className="muted small">
              ZIP shares are listed in the table (the offline basemap draws county outlines).
            </p>
          )}
          <DataTable
            label="Share by area"
            columns={columns}
            rows={d.areas}
            rowKey={(a) => a.area}
            initialSort={{ id: 'total', dir: 'desc' }}
            maxHeight="300px"
          />
        </div>
      ) : null}
      {d ? (
        <SourceNote
          source={`${d.sources.join('+')} referrals ${d.period.from}–${d.period.to}; geography of the referring practice`}
          dataDate={d.dataDate}
        />
      ) : null}
    </section>
  );
}
