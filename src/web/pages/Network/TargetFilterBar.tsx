// Narrow the Targets list: whose territory (managers), the physician's own service line, the line they
// leak in, the loyalty segment, and new to market / visit due / open issues. The filter lives in the URL
// (a filtered list can be bookmarked or shared); scores do not change, only who is listed.
import { SERVICE_LINES } from '../../../core/serviceLineList';
import { filterWords } from '../../../core/targets/filter';
import { useMe, useUsers } from '../../api/hooks';
import { type UrlFilters, useUrlFilters } from '../../app/urlFilters';
import type { TargetFilter } from './api';

const LINES = SERVICE_LINES.filter((l) => l.key !== 'other');
const SEGMENTS = [
  ['splitter', 'Splitters (10–50 % to us)'],
  ['opportunity', 'Opportunities (< 10 % to us)'],
  ['loyalist', 'Loyalists (≥ 50 % to us)'],
  ['low_volume', 'Low volume'],
] as const;
const FLAGS = [
  ['newToMarket', 'New to market'],
  ['visitDue', 'Visit due'],
  ['openIssues', 'Open issues'],
] as const;

export function targetFilterOf(f: UrlFilters): TargetFilter {
  const seg = f.get('segment');
  return {
    liaison: f.get('liaison') || undefined,
    serviceLine: f.get('serviceLine') || undefined,
    leakageLine: f.get('leakageLine') || undefined,
    segment: SEGMENTS.some(([k]) => k === seg) ? (seg as TargetFilter['segment']) : undefined,
    ...Object.fromEntries(FLAGS.filter(([k]) => f.get(k) === 'true').map(([k]) => [k, true])),
  };
}

const lineLabel = (k: string) => LINES.find((l) => l.key === k)?.label.toLowerCase() ?? k.replace(/_/g, ' ');

/** The filter in words ("cardiology physicians · splitters · visit due"), for the subtitle and a list name. */
export function targetFilterWords(t: TargetFilter, liaisonName?: string): string[] {
  return [
    ...(liaisonName ? [`${liaisonName}’s territory`] : []),
    ...(t.serviceLine ? [`${lineLabel(t.serviceLine)} physicians`] : []),
    ...filterWords({ ...t, leakageLine: undefined }),
    ...(t.leakageLine ? [`leaking in ${lineLabel(t.leakageLine)}`] : []),
  ];
}

export function useTargetFilter() {
  const f = useUrlFilters();
  return { url: f, filter: targetFilterOf(f) };
}

export function TargetFilterBar({ url }: { url: UrlFilters }) {
  const me = useMe().data;
  const users = useUsers();
  const liaisons = (users.data ?? []).filter((u) => u.role === 'liaison' && !u.disabled);
  const select = (
    key: string,
    label: string,
    options: readonly (readonly [string, string])[],
    any: string,
  ) => (
    <label className="target-filter">
      <span>{label}</span>
      <select
        className="select"
        aria-label={label}
        value={url.get(key)}
        onChange={(e) => url.set({ [key]: e.target.value })}
      >
        <option value="">{any}</option>
        {options.map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  const lines = LINES.map((l) => [l.key, l.label] as const);
  const active = url.query.length > 0;
  return (
    <form className="target-filters" aria-label="Filter targets" onSubmit={(e) => e.preventDefault()}>
      {me && me.role !== 'liaison'
        ? select(
            'liaison',
            'Territory of',
            liaisons.map((u) => [u.email, u.name || u.email] as const),
            'the whole market',
          )
        : null}
      {select('serviceLine', 'Physician’s line', lines, 'any')}
      {select('leakageLine', 'Leaking in', lines, 'any line')}
      {select('segment', 'Segment', SEGMENTS, 'any')}
      {FLAGS.map(([k, label]) => (
        <label key={k} className="target-flag">
          <input
            type="checkbox"
            checked={url.get(k) === 'true'}
            onChange={(e) => url.set({ [k]: e.target.checked ? 'true' : undefined })}
          />{' '}
          {label}
        </label>
      ))}
      {active ? (
        <button type="button" className="btn btn-ghost" onClick={() => url.replaceAll('')}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
