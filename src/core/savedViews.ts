// Saved views: a list page's filters (its URL query string) kept under a name. Pure pieces shared by
// the command and its tests: which pages have views, and the one stored form of a query string.

/** The list pages whose filters can be saved (the page keeps them in its URL query string). */
export const VIEW_PAGES = ['providers', 'organizations'] as const;
export type ViewPage = (typeof VIEW_PAGES)[number];

export const VIEW_NAME_MAX = 80;
export const VIEW_QUERY_MAX = 2000;

/**
 * The stored form of a query string: empty values dropped (a cleared filter box leaves `q=`),
 * keys sorted (a repeated key keeps its values' order), re-serialized. Two views with the same
 * filters then store the same text, whatever order the page wrote them in. A leading '?' is dropped.
 */
export function normalizeViewQuery(query: string): string {
  const params = new URLSearchParams(query);
  const kept = new URLSearchParams();
  for (const [k, v] of params) if (k !== '' && v.trim() !== '') kept.append(k, v);
  kept.sort();
  return kept.toString();
}
