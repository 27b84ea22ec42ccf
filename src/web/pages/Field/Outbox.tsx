// Everything saved on this phone that the server has not stored: waiting items, and the ones that need
// a decision — a conflict (the record changed on the server since the phone saw it) or a rejection.
// Nothing leaves this list without the user seeing it.
import { useMe } from '../../api/hooks';
import type { Me } from '../../api/types';
import { removeFromOutbox, type StoredItem } from '../../pwa/outbox';
import { requestSync } from '../../pwa/sync';
import { EmptyState, Page, useToast } from '../../ui';
import { queue, useOutbox, useSyncState } from './fieldApi';
import { OfflineBanner } from './SyncStatus';
import './field.css';

function Item({ item, me }: { item: StoredItem; me: Me }) {
  const toast = useToast();
  const current = item.current as { version?: number } | undefined;
  const changed = Array.isArray(item.changedFields) ? (item.changedFields as string[]) : [];
  const discard = () =>
    void removeFromOutbox(item.idempotencyKey).then(() =>
      toast({ tone: 'info', title: `Discarded: ${item.label}` }),
    );
  const applyAgain = async () => {
    // A new key: this is a new decision (my change on top of the current version), not a replay.
    await queue(me.id, item.kind, item.label, item.payload, { baseVersion: current?.version });
    await removeFromOutbox(item.idempotencyKey);
  };
  return (
    <li
      className={`fld-card${item.state === 'conflict' ? ' fld-conflict' : ''}`}
      data-testid="outbox-item"
      data-state={item.state}
    >
      <strong>{item.label}</strong>
      <span className="fld-muted">
        Saved {new Date(item.createdAt).toLocaleString()} ·{' '}
        {item.state === 'pending' ? `waiting${item.attempts ? `, ${item.attempts} tries` : ''}` : item.state}
      </span>
      {item.detail ? <p role={item.state === 'pending' ? undefined : 'alert'}>{item.detail}</p> : null}
      {changed.length ? <p className="fld-muted">Changed on the server: {changed.join(', ')}</p> : null}
      {item.state !== 'pending' ? (
        <div className="fld-actions">
          {item.state === 'conflict' && current?.version !== undefined ? (
            <button type="button" className="btn btn-primary" onClick={() => void applyAgain()}>
              Apply mine to the current version
            </button>
          ) : null}
          <button type="button" className="btn btn-danger" onClick={discard}>
            Discard mine
          </button>
        </div>
      ) : null}
    </li>
  );
}

export default function Outbox() {
  const me = useMe().data as Me;
  const items = useOutbox();
  const { online, syncing, lastReport } = useSyncState();
  return (
    <Page
      title="Unsynced"
      actions={
        <button
          type="button"
          className="btn"
          disabled={!online || syncing || !items.length}
          onClick={() => void requestSync()}
        >
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
      }
    >
      <div className="fld">
        <OfflineBanner />
        <p className="fld-muted">{`${items.length} item${items.length === 1 ? '' : 's'} on this phone`}</p>
        {lastReport?.stopped && online ? (
          <p className="fld-muted">Last sync stopped: {lastReport.stopped}</p>
        ) : null}
        {items.length ? (
          <ul className="fld-list">
            {items.map((i) => (
              <Item key={i.idempotencyKey} item={i} me={me} />
            ))}
          </ul>
        ) : (
          <EmptyState icon="check" title="Everything is synced">
            Visits, notes and tasks you save on this phone appear here until the server has them.
          </EmptyState>
        )}
      </div>
    </Page>
  );
}
