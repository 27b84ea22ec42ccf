// A list page's filters kept in the URL's query string: a filtered list can be bookmarked, shared,
// reopened from the back button and saved as a view (its query string, app/SavedViews.tsx).
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type UrlFilters = {
  /** a filter's value ('' when not set) */
  get: (key: string) => string;
  /** sets (or, for '' / undefined, removes) filters, replacing the history entry */
  set: (patch: Record<string, string | undefined>) => void;
  /** every filter at once (opening a saved view) */
  replaceAll: (query: string) => void;
  /** the query string as it stands, without '?' */
  query: string;
};

export function useUrlFilters(): UrlFilters {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      // From the address bar, not the rendered params: two changes before the next render (two
      // filters set in a row) would otherwise each start from the same old query and the first be lost.
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      setParams(next, { replace: true });
    },
    [setParams],
  );
  const replaceAll = useCallback((query: string) => setParams(new URLSearchParams(query)), [setParams]);
  return { get: (k) => params.get(k) ?? '', set, replaceAll, query: params.toString() };
}
