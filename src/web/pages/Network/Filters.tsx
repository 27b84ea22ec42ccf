// Graph filters: service line, minimum edge weight, network status, community.
import { SERVICE_LINE_KEYS } from '../../../core/serviceLineList';
import type { GraphFilter } from './api';

// 'other' is a catch-all, not a line to filter the graph by
const LINES = SERVICE_LINE_KEYS.filter((k) => k !== 'other');

export function Filters({
  value,
  onChange,
  communities,
}: {
  value: GraphFilter;
  onChange: (f: GraphFilter) => void;
  /** the market's communities, named by their most influential member (none: no community filter) */
  communities?: Map<number, { label: string; size: number }>;
}) {
  return (
    <fieldset className="network-filters" aria-label="Graph filters">
      <label>
        Service line
        <select
          value={value.serviceLine ?? ''}
          onChange={(e) => onChange({ ...value, serviceLine: e.target.value || undefined })}
        >
          <option value="">All</option>
          {LINES.map((l) => (
            <option key={l} value={l}>
              {l.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Min weight
        <input
          type="number"
          min={0}
          value={value.minWeight ?? ''}
          onChange={(e) =>
            onChange({ ...value, minWeight: e.target.value ? Number(e.target.value) : undefined })
          }
        />
      </label>
      <label>
        Network
        <select
          value={value.networkStatus ?? ''}
          onChange={(e) => onChange({ ...value, networkStatus: e.target.value || undefined })}
        >
          <option value="">All</option>
          {['ours', 'affiliated', 'independent', 'competitor', 'unknown'].map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {communities ? (
        <label>
          Community
          <select
            value={value.community ?? ''}
            onChange={(e) =>
              onChange({ ...value, community: e.target.value ? Number(e.target.value) : undefined })
            }
          >
            <option value="">All</option>
            {[...communities]
              .sort((a, b) => b[1].size - a[1].size)
              .map(([id, c]) => (
                <option key={id} value={id}>
                  {c.label}
                </option>
              ))}
            {value.community !== undefined && !communities.has(value.community) ? (
              <option value={value.community}>#{value.community}</option>
            ) : null}
          </select>
        </label>
      ) : null}
    </fieldset>
  );
}
