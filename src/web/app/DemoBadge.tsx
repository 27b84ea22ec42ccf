// "Demo data — synthetic" in the top bar whenever the server runs on the generated demo market.
// A button (not a hover tooltip) so the seed and data date are reachable by touch and keyboard.
import { useState } from 'react';
import { useSystemInfo } from '../api/hooks';
import { formatDate, formatDateTime } from '../ui';
import { useRefreshWhenDemoLoaded } from './demoLoading';

export function DemoBadge() {
  const info = useSystemInfo();
  useRefreshWhenDemoLoaded();
  const [open, setOpen] = useState(false);
  const demo = info.data?.demo;
  if (!demo) return null;
  const details = `Synthetic demo market, seed ${demo.seed}; data date ${formatDate(demo.dataDate)}; loaded ${formatDateTime(demo.loadedAt)}`;
  return (
    <div className="menu">
      <button
        type="button"
        className="chip tone-warn demo-badge"
        title={details}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onBlur={() => setOpen(false)}
      >
        <span className="demo-badge-long">
          {demo.loading ? `Demo data — synthetic · loading ${demo.loading}…` : 'Demo data — synthetic'}
        </span>
        {/* a phone's top bar has room for two words; still says synthetic */}
        <span className="demo-badge-short">{demo.loading ? 'Synthetic · loading…' : 'Synthetic demo'}</span>
      </button>
      {open ? (
        <div className="menu-panel" role="note" style={{ padding: 12, width: 280 }}>
          <strong>Synthetic demo market</strong>
          <p className="muted" style={{ marginTop: 4 }}>
            Every person, practice and referral here is generated. Nothing is real patient or provider data.
          </p>
          <dl className="props" style={{ marginTop: 8 }}>
            <dt>Seed</dt>
            <dd className="num">{demo.seed}</dd>
            <dt>Data date</dt>
            <dd>{formatDate(demo.dataDate)}</dd>
            <dt>Loaded</dt>
            <dd>{demo.loading ? `still loading the ${demo.loading}` : formatDateTime(demo.loadedAt)}</dd>
          </dl>
        </div>
      ) : null}
    </div>
  );
}
