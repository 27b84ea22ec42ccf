// Small controls every results list shares: the table/map switch and "more" for paged lists.

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
