// The day's visits in order, beside the map: drag handle (or move buttons) to reorder, a pin toggle to keep a
// stop where it is when re-optimising, "Done" to log the visit and re-plan the rest from there.
import { useState } from 'react';
import { Chip, Icon } from '../../ui';
import { hhmm, type Visit } from './api';

const TYPE_LABEL: Record<Visit['visitType'], string> = {
  drop_in: 'Drop-in',
  visit: 'Visit',
  lunch_and_learn: 'Lunch-and-learn',
};

export function StopList({
  visits,
  pinned,
  onMove,
  onTogglePin,
  onDone,
  busy,
  lunch,
}: {
  lunch?: { start: number; end: number } | null;
  visits: Visit[];
  pinned: Set<string>;
  onMove: (from: number, to: number) => void;
  onTogglePin: (stopId: string) => void;
  onDone: (stopId: string) => void;
  busy: boolean;
}) {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  // Lunch is shown before the first visit that starts after it (it is placed by the planner, not dragged).
  const lunchBefore = lunch ? visits.findIndex((v) => v.start >= lunch.end) : -1;
  return (
    <ol className="route-list" aria-label="Visits in order">
      {visits.map((v, i) => {
        const isPinned = pinned.has(v.stopId);
        const stop = (
          <li
            key={v.stopId}
            className={`route-stop${v.done ? ' is-done' : ''}${dragFrom === i ? ' is-dragging' : ''}`}
            data-testid="route-stop"
            data-stop-id={v.stopId}
            draggable={!v.done}
            onDragStart={(e) => {
              setDragFrom(i);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragFrom !== null && dragFrom !== i) onMove(dragFrom, i);
              setDragFrom(null);
            }}
            onDragEnd={() => setDragFrom(null)}
          >
            <span className="route-handle" aria-hidden="true" title="Drag to reorder">
              ⋮⋮
            </span>
            <span className="route-num">{i + 1}</span>
            <div className="route-body">
              <div className="cell-main">{v.name}</div>
              <div className="cell-sub">
                <span className="num">
                  {hhmm(v.start)}–{hhmm(v.end)}
                </span>
                {v.waitMin > 0
                  ? ` · arrive ${hhmm(v.arrival)}, wait ${v.waitMin} min`
                  : ` · arrive ${hhmm(v.arrival)}`}
                {` · ${TYPE_LABEL[v.visitType]} ${v.durationMin} min`}
                {v.appointmentAt !== null ? ' · fixed appointment' : ''}
              </div>
              {v.providers.length ? (
                <div className="cell-sub">
                  {v.providers.map((p) => p.name).join('; ')} · priority {v.priority}
                  {v.prioritySource === 'target-score'
                    ? ' (target score)'
                    : v.prioritySource === 'tier'
                      ? ' (tier)'
                      : ''}
                </div>
              ) : null}
              {v.why[0] ? <div className="cell-sub">{v.why[0]}</div> : null}
            </div>
            <div className="route-actions no-print">
              {v.done ? (
                <Chip tone="ok">Done</Chip>
              ) : (
                <>
                  <button
                    type="button"
                    className="btn btn-ghost btn-icon"
                    aria-label={`Move ${v.name} up`}
                    disabled={busy || i === 0}
                    onClick={() => onMove(i, i - 1)}
                  >
                    <Icon name="arrowUp" size={16} />
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-icon"
                    aria-label={`Move ${v.name} down`}
                    disabled={busy || i === visits.length - 1}
                    onClick={() => onMove(i, i + 1)}
                  >
                    <Icon name="arrowDown" size={16} />
                  </button>
                  <button
                    type="button"
                    className={`btn btn-ghost route-pin${isPinned ? ' is-pinned' : ''}`}
                    aria-pressed={isPinned}
                    aria-label={`Pin ${v.name} at stop ${i + 1}`}
                    onClick={() => onTogglePin(v.stopId)}
                    disabled={busy}
                  >
                    {isPinned ? 'Pinned' : 'Pin'}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    onClick={() => onDone(v.stopId)}
                    disabled={busy}
                    aria-label={`Mark ${v.name} done`}
                  >
                    <Icon name="check" size={16} /> Done
                  </button>
                </>
              )}
            </div>
          </li>
        );
        if (i !== lunchBefore || !lunch) return stop;
        return [
          <li key="lunch" className="route-break" data-testid="route-lunch">
            Lunch {hhmm(lunch.start)}–{hhmm(lunch.end)}
          </li>,
          stop,
        ];
      })}
    </ol>
  );
}
