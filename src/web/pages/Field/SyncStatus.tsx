// In the shell's top bar: "Offline" while there is no connection and the count of items saved on this
// phone that the server has not stored yet (conflicts and rejections included until the user decides).
import { Link } from 'react-router-dom';
import { useMe } from '../../api/hooks';
import { useOutbox, useSyncState } from './fieldApi';
import './field.css';

export function SyncStatus() {
  const me = useMe().data;
  const { online, syncing } = useSyncState();
  const items = useOutbox();
  if (!me) return null;
  const waiting = items.length;
  const attention = items.filter((i) => i.state !== 'pending').length;
  if (online && !waiting) return null;
  const text = [
    online ? null : 'Offline',
    waiting ? `${waiting} unsynced` : null,
    attention ? `${attention} need${attention === 1 ? 's' : ''} you` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const full = `${text}${syncing ? ' · syncing…' : ''}`;
  // Phones have ~50 px left in the top bar: an icon and the count there, the words on wider screens;
  // screen readers always get the full sentence (live region), never the two visual forms.
  return (
    <Link
      to="/field/outbox"
      className="fld-sync"
      data-offline={!online}
      data-attention={attention > 0}
      data-testid="sync-status"
      aria-label={`${full}. Open the unsynced list`}
    >
      <span className="sr-only" role="status">
        {full}
      </span>
      <span className="fld-sync-long" aria-hidden="true">
        {full}
      </span>
      <span className="fld-sync-short" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2">
          {online ? (
            <path d="M12 17V5m-6 6 6-6 6 6M5 20h14" />
          ) : (
            <path d="m3 3 18 18M6 8.2A5 5 0 0 0 8 18h9.5m3-2A4 4 0 0 0 17 10h-1.2A6 6 0 0 0 9.6 6" />
          )}
        </svg>
        {waiting || null}
      </span>
    </Link>
  );
}

/** The field pages' banner while offline. */
export function OfflineBanner() {
  const { online } = useSyncState();
  if (online) return null;
  return (
    <p className="fld-banner" role="status" data-testid="offline-banner">
      You are offline. What you save stays on this phone and syncs when the connection returns.
    </p>
  );
}
