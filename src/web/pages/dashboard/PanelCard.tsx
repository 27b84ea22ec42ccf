// One dashboard panel: a title that opens the rows behind it, an optional chart, the table of rows
// (physicians link to their profile), CSV/XLSX downloads of exactly those rows, the source and its
// data date, and the definition for anyone who asks "what does this count?".
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Query } from '../../api/client';
import { type Column, DataTable, EmptyState, formatDate, formatNumber, SourceNote } from '../../ui';
import { type Panel, type PanelColumn, type PanelRow, panelFileUrl, pct } from './api';

/** The app path behind a row: the panel's link with {field} filled from the row, or null. */
export function rowLink(panel: Panel, row: PanelRow): string | null {
  if (!panel.link) return null;
  let missing = false;
  const to = panel.link.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = row[k];
    if (v === null || v === undefined || v === '') missing = true;
    return encodeURIComponent(String(v));
  });
  return missing ? null : to;
}

export function formatCell(c: PanelColumn, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  switch (c.kind) {
    case 'number':
      return typeof v === 'number' ? formatNumber(Math.round(v * 100) / 100) : String(v);
    case 'percent':
      return pct(v, 1);
    case 'money':
      return typeof v === 'number' ? `$${formatNumber(Math.round(v))}` : String(v);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? formatDate(`${v}T12:00:00`) : String(v);
    default:
      return String(v).replace(/_/g, ' ');
  }
}

export function ExportLinks({ id, params }: { id: string; params?: Query }) {
  return (
    <span className="row dash-exports">
      <a className="btn btn-sm" href={panelFileUrl(id, 'csv', params)} download>
        CSV
      </a>
      <a className="btn btn-sm" href={panelFileUrl(id, 'xlsx', params)} download>
        XLSX
      </a>
    </span>
  );
}

export function PanelCard({
  panel,
  params,
  chart,
  table = true,
  maxHeight = '320px',
  wide,
  onPickDate,
}: {
  panel: Panel | undefined;
  params?: Query;
  chart?: ReactNode;
  table?: boolean;
  maxHeight?: string;
  wide?: boolean;
  /** Lets an empty panel's hint move the page to a day that has rows. */
  onPickDate?: (date: string) => void;
}) {
  const navigate = useNavigate();
  if (!panel) return null;
  const staticLink = panel.link && !panel.link.includes('{') ? panel.link : null;
  const first = panel.columns.find((c) => (c.kind ?? 'text') === 'text')?.key;
  const columns: Column<PanelRow>[] = panel.columns.map((c) => ({
    id: c.key,
    header: c.label,
    align: c.kind && c.kind !== 'text' && c.kind !== 'date' ? 'right' : 'left',
    sortValue: (r) => {
      const v = r[c.key];
      return typeof v === 'number' || typeof v === 'string' ? v : null;
    },
    cell: (r) => {
      const text = formatCell(c, r[c.key]);
      const to = rowLink(panel, r);
      if (to && c.key === first) return <Link to={to}>{text}</Link>;
      if (staticLink && c.kind === 'number' && typeof r[c.key] === 'number')
        return <Link to={staticLink}>{text}</Link>;
      return text;
    },
  }));
  return (
    <section
      className={`card dash-panel${wide ? ' dash-wide' : ''}`}
      id={`panel-${panel.id}`}
      aria-label={panel.title}
    >
      <div className="row dash-panel-head">
        <h2>
          {staticLink ? <Link to={staticLink}>{panel.title}</Link> : panel.title}{' '}
          <span className="muted small">({panel.rows.length})</span>
        </h2>
        <ExportLinks id={panel.id} params={params} />
      </div>
      {chart && panel.rows.length ? chart : null}
      {table ? (
        panel.rows.length ? (
          <DataTable
            label={panel.title}
            columns={columns}
            rows={panel.rows}
            rowKey={(r) => JSON.stringify(panel.columns.map((c) => r[c.key])) + String(r.id ?? '')}
            onRowClick={(r) => {
              const to = rowLink(panel, r);
              if (to) navigate(to);
            }}
            maxHeight={maxHeight}
            rowHeight={36}
          />
        ) : (
          <EmptyState title="Nothing here">
            No rows for this panel as of its data date.
            {panel.emptyHint ? <EmptyHint hint={panel.emptyHint} onPickDate={onPickDate} /> : null}
          </EmptyState>
        )
      ) : null}
      <SourceNote source={panel.source} dataDate={panel.dataDate ? `data through ${panel.dataDate}` : null} />
      {panel.definition ? (
        <details className="dash-definition">
          <summary>How this is counted</summary>
          <p className="small">{panel.definition}</p>
        </details>
      ) : null}
    </section>
  );
}

/** "The latest goal period ended on …" with a button that shows that day. */
export function EmptyHint({
  hint,
  onPickDate,
}: {
  hint: { text: string; date: string };
  onPickDate?: (date: string) => void;
}) {
  return (
    <span className="empty-hint">
      {' '}
      {hint.text}{' '}
      {onPickDate ? (
        <button type="button" className="btn btn-ghost" onClick={() => onPickDate(hint.date)}>
          Show {hint.date}
        </button>
      ) : null}
    </span>
  );
}
