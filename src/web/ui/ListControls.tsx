// Small controls every results list shares: the table/map switch, "more" for paged lists, and
// its export links.
import type { ReactNode } from 'react';
import { type Query, withQuery } from '../api/client';

/** Switches a result list between its table and a map of the same rows. */
export function MapToggle({
  view,
  onChange,
}: {
  view: 'table' | 'map';
  onChange: (v: 'table' | 'map') => void;
}) {
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={view === 'map'}
      onClick={() => onChange(view === 'table' ? 'map' : 'table')}
    >
      {view === 'table' ? 'Show map' : 'Show table'}
    </button>
  );
}

/** A filter that is on or off ("New to market", "Overdue"), pressed when on. */
export function FilterToggle({
  on,
  onChange,
  title,
  children,
}: {
  on: boolean;
  onChange: (on: boolean) => void;
  title: string;
  children: ReactNode;
}) {
  return (
    <button type="button" className="btn" aria-pressed={on} title={title} onClick={() => onChange(!on)}>
      {children}
    </button>
  );
}

/** Loads the next page of an infinite query (hidden when there is none). */
export function MoreButton({
  pages,
  label,
}: {
  pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label: string;
}) {
  if (!pages.hasNextPage) return null;
  return (
    <button
      type="button"
      className="btn"
      onClick={() => pages.fetchNextPage()}
      disabled={pages.isFetchingNextPage}
    >
      {pages.isFetchingNextPage ? 'Loading…' : label}
    </button>
  );
}

/** "Export CSV" and "Excel" links downloading `path` with the list's current filters. */
export function ExportLinks({ path, query }: { path: string; query: Query }) {
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={format} className="btn" href={withQuery(path, { ...query, format })} download>
          {format === 'csv' ? 'Export CSV' : 'Excel'}
        </a>
      ))}
    </>
  );
}
