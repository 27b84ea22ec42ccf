// "Show the next 200": the pages after a search's first, fetched with its keyset cursor and kept while
// the search stays the same (a new search starts again from its own first page).
import { useState } from 'react';

type Page<T> = { items: T[]; nextCursor: string | null };

export function useMoreResults<T>(
  key: string,
  firstCursor: string | null | undefined,
  fetchPage: (cursor: string) => Promise<Page<T>>,
) {
  const [state, setState] = useState<{ key: string; items: T[]; next: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mine = state?.key === key ? state : null;
  const next = mine ? mine.next : (firstCursor ?? null);
  const loadMore = async () => {
    if (!next || loading) return;
    setLoading(true);
    setError(null);
    try {
      const r = await fetchPage(next);
      setState({ key, items: [...(mine?.items ?? []), ...r.items], next: r.nextCursor });
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  return { items: mine?.items ?? [], next, loading, error, loadMore };
}
