// Graph filters: service line, minimum edge weight, network status, community.
import { SERVICE_LINE_KEYS } from '../../../core/serviceLineList';
import type { GraphFilter } from './api';

// 'other' is a catch-all, not a line to filter the graph by
const LINES = SERVICE_LINE_KEYS.filter((k) => k !== 'other');

export function Filters({
  value,
  onChange,
  community = true,
}: {
  value: GraphFilter;
  onChange: (f: GraphFilter) => void;
  community?: boolean;
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
      {community ? (
        <label>
          Community
          <input
            type="number"
            min={0}
            value={value.community ?? ''}
            onChange={(e) =>
              onChange({ ...value, community: e.target.value ? Number(e.target.value) : undefined })
            }
          />
        </label>
      ) : null}
    </fieldset>
  );
}
