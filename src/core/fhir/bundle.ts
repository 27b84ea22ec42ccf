// searchset Bundles with paging links, and OperationOutcome errors. Pure.
import type { Resource } from './types';

export function searchsetBundle(opts: {
  base: string; // e.g. https://rounds.example.org/fhir
  type: string;
  query: URLSearchParams; // the request's parameters, without _offset
  total: number;
  offset: number;
  count: number;
  matches: Resource[];
  includes?: Resource[];
}): Resource {
  const link = (rel: string, offset: number) => {
    const q = new URLSearchParams(opts.query);
    q.delete('_offset');
    q.set('_count', String(opts.count));
    if (offset > 0) q.set('_offset', String(offset));
    return { relation: rel, url: `${opts.base}/${opts.type}?${q.toString()}` };
  };
  const links = [link('self', opts.offset)];
  if (opts.count > 0) {
    links.push(link('first', 0));
    if (opts.offset + opts.count < opts.total) links.push(link('next', opts.offset + opts.count));
    if (opts.offset > 0) links.push(link('previous', Math.max(0, opts.offset - opts.count)));
    if (opts.total > 0) links.push(link('last', Math.floor((opts.total - 1) / opts.count) * opts.count));
  }
  const entry = [
    ...opts.matches.map((r) => ({
      fullUrl: `${opts.base}/${r.resourceType}/${r.id}`,
      resource: r,
      search: { mode: 'match' },
    })),
    ...(opts.includes ?? []).map((r) => ({
      fullUrl: `${opts.base}/${r.resourceType}/${r.id}`,
      resource: r,
      search: { mode: 'include' },
    })),
  ];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    meta: { lastUpdated: new Date().toISOString() },
    total: opts.total,
    link: links,
    ...(entry.length ? { entry } : {}),
  };
}

export type IssueCode =
  | 'informational'
  | 'invalid'
  | 'not-found'
  | 'not-supported'
  | 'forbidden'
  | 'login'
  | 'exception'
  | 'throttled'
  | 'too-costly'
  | 'processing'
  | 'transient';

export function operationOutcome(
  code: IssueCode,
  diagnostics: string,
  severity: 'error' | 'fatal' | 'warning' | 'information' = 'error',
): Resource {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

/** The FHIR issue code for an HTTP status. */
export function issueCodeFor(status: number): IssueCode {
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413) return 'too-costly';
  if (status === 429) return 'throttled';
  if (status === 503) return 'transient';
  if (status >= 500) return 'exception';
  return 'invalid';
}
