// KPI tile (label, value, source note) and Stat (value with a trend arrow).
import type { ReactNode } from 'react';
import { Icon } from './icons';
import { SourceNote } from './SourceNote';

export function Kpi({
  label,
  value,
  trend,
  source,
}: {
  label: string;
  value: ReactNode;
  trend?: { delta: number; format?: (n: number) => string; goodWhen?: 'up' | 'down'; label?: string };
  source?: { source: string; dataDate?: string | null };
}) {
  return (
    <div className="card kpi">
      <div className="kpi-label">{label}</div>
      <div className="row" style={{ alignItems: 'baseline', gap: 10 }}>
        <div className="kpi-value">{value}</div>
        {trend ? <Trend {...trend} /> : null}
      </div>
      {source ? <SourceNote {...source} /> : null}
    </div>
  );
}

export function Stat({
  value,
  trend,
}: {
  value: ReactNode;
  trend?: { delta: number; format?: (n: number) => string; goodWhen?: 'up' | 'down'; label?: string };
}) {
  return (
    <span className="row" style={{ gap: 6 }}>
      <span className="num" style={{ fontWeight: 600 }}>
        {value}
      </span>
      {trend ? <Trend {...trend} /> : null}
    </span>
  );
}

/** An arrow and signed change; green when the change is good (up by default), red when bad. */
export function Trend({
  delta,
  format = (n) => n.toLocaleString(),
  goodWhen = 'up',
  label,
}: {
  delta: number;
  format?: (n: number) => string;
  goodWhen?: 'up' | 'down';
  label?: string;
}) {
  const dir = delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
  const cls = dir === 'flat' ? 'trend-flat' : dir === goodWhen ? 'trend-up' : 'trend-down';
  const words = dir === 'flat' ? 'unchanged' : `${dir} ${format(Math.abs(delta))}`;
  return (
    <span className={`stat-trend ${cls}`} title={label ? `${words} ${label}` : words}>
      {dir === 'flat' ? null : <Icon name={dir === 'up' ? 'arrowUp' : 'arrowDown'} size={13} />}
      <span aria-hidden="true">{dir === 'flat' ? '±0' : format(Math.abs(delta))}</span>
      <span className="sr-only">{words}</span>
      {label ? (
        <span className="muted" style={{ fontWeight: 400 }}>
          {label}
        </span>
      ) : null}
    </span>
  );
}
