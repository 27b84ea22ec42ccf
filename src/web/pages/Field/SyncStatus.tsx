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
  return (
    <Link
      to="/field/outbox"
      className="fld-sync"
      data-offline={!online}
      data-testid="sync-status"
      aria-label={`${text}${syncing ? ', syncing' : ''}. Open the unsynced list`}
    >
      <span role="status">
        {text}
        {syncing ? ' · syncing…' : ''}
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
