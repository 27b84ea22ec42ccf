// One planned day: map with numbered stops and the route line, the ordered list with drag/pin, the stops left
// out with the reason, mileage for expense reports, and the exports (ICS, phone navigation, print).
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { Chip, Kpi, LeafletMap, type MapMarker, useToast } from '../../ui';
import { hhmm, type RoutePlan, useMarkDone, useReorder } from './api';
import { StopList } from './StopList';

const sameSpot = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  a.lat === b.lat && a.lon === b.lon;

const BUDGETS = [1, 2, 5, 10];
const SOURCE_LABEL = {
  'target-score': 'target scores',
  tier: 'relationship tier',
  default: 'no score: 1 each',
} as const;
/** Where the stop priorities came from, e.g. "target scores, no score: 1 each". */
const prioritySources = (plan: RoutePlan) =>
  [...new Set(plan.visits.map((v) => SOURCE_LABEL[v.prioritySource]))].join(', ');

export function DayView({ plan }: { plan: RoutePlan }) {
  const toast = useToast();
  const [order, setOrder] = useState(() => plan.visits.map((v) => v.stopId));
  const [pins, setPins] = useState(() => new Set(plan.visits.filter((v) => v.pinned).map((v) => v.stopId)));
  const [budget, setBudget] = useState(Math.max(1, Math.round(plan.solver.timeLimitMs / 1000)));
  const reorder = useReorder(plan.id);
  const done = useMarkDone(plan.id);
  const busy = reorder.isPending || done.isPending;
  const byId = useMemo(() => new Map(plan.visits.map((v) => [v.stopId, v])), [plan]);
  const visits = order.map((id) => byId.get(id)!).filter(Boolean);
  const dirty =
    order.join() !== plan.visits.map((v) => v.stopId).join() ||
    [...pins].sort().join() !==
      plan.visits
        .filter((v) => v.pinned)
        .map((v) => v.stopId)
        .sort()
        .join();

  const fail = (e: unknown) =>
    toast({
      tone: 'danger',
      title: 'Could not re-plan',
      detail: e instanceof ApiError ? e.detail : String(e),
    });
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || visits[to]?.done) return;
    const next = [...order];
    const [id] = next.splice(from, 1);
    next.splice(to, 0, id!);
    setOrder(next);
    // A stop moved by hand stays where it was put when the rest is re-optimised.
    setPins((p) => new Set(p).add(id!));
  };
  const togglePin = (id: string) =>
    setPins((p) => {
      const n = new Set(p);
      if (!n.delete(id)) n.add(id);
      return n;
    });
  const optimize = () =>
    reorder.mutate(
      { order, pinned: [...pins], timeLimitSec: budget, version: plan.version },
      { onError: fail },
    );
  const markDone = (stopId: string) => {
    const now = new Date();
    const isToday = now.toLocaleDateString('en-CA') === plan.date;
    const at = isToday
      ? `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`
      : undefined;
    done.mutate(
      { stopId, at },
      {
        onError: fail,
        onSuccess: () => toast({ tone: 'ok', title: 'Visit logged; the rest of the day was re-planned' }),
      },
    );
  };

  const markers: MapMarker[] = [
    ...visits.map((v, i) => ({
      id: v.stopId,
      lat: v.lat,
      lng: v.lon,
      label: `${i + 1}. ${v.name} ${hhmm(v.start)}`,
      number: i + 1,
      tone: v.done ? ('ours' as const) : ('accent' as const),
    })),
    ...plan.unassigned
      .filter((u) => u.lat !== null && u.lon !== null)
      .map((u) => ({
        id: u.stopId,
        lat: u.lat!,
        lng: u.lon!,
        label: `Left out: ${u.name} (${u.reasonText})`,
        tone: 'low' as const,
      })),
    {
      id: 'start',
      lat: plan.settings.start.lat,
      lng: plan.settings.start.lon,
      label: `Start: ${plan.settings.start.label}`,
      tone: 'independent' as const,
    },
    ...(sameSpot(plan.settings.start, plan.settings.end)
      ? []
      : [
          {
            id: 'end',
            lat: plan.settings.end.lat,
            lng: plan.settings.end.lon,
            label: `End: ${plan.settings.end.label}`,
            tone: 'independent' as const,
          },
        ]),
  ];
  const line: [number, number][] = [
    [plan.settings.start.lat, plan.settings.start.lon],
    ...visits.map((v) => [v.lat, v.lon] as [number, number]),
    [plan.settings.end.lat, plan.settings.end.lon],
  ];

  return (
    <div className="route-day">
      <div className="kpis">
        <Kpi label="Stops" value={`${plan.totals.stops} of ${plan.totals.planned}`} />
        <Kpi label="Day" value={`${hhmm(plan.departure)}–${hhmm(plan.returnAt)}`} />
        <Kpi label="Driving" value={`${plan.totals.travelMinutes} min`} />
        <Kpi label="Mileage" value={`${plan.mileage.km} km · ${plan.mileage.miles} mi`} />
      </div>
      <p className="route-travel-note" data-testid="travel-label">
        {plan.travel.estimate ? (
          <Chip tone="warn">straight-line estimate</Chip>
        ) : (
          <Chip tone="ok">road times</Chip>
        )}{' '}
        Travel times: {plan.travel.label}. Mileage basis: {plan.mileage.basis}.
        {plan.settings.startIsDefault
          ? ' Start/end: centre of the stops (no start point given).'
          : ` Start: ${plan.settings.start.label}. End: ${sameSpot(plan.settings.start, plan.settings.end) ? 'back to the start' : plan.settings.end.label}.`}
        {plan.lunch ? ` Lunch ${hhmm(plan.lunch.start)}–${hhmm(plan.lunch.end)}.` : ''}
      </p>
      <div className="route-toolbar no-print">
        <label className="route-budget">
          Time budget{' '}
          <select
            className="select"
            value={budget}
            onChange={(e) => setBudget(Number(e.target.value))}
            aria-label="Optimizer time budget"
          >
            {BUDGETS.map((b) => (
              <option key={b} value={b}>
                {b} s
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" onClick={optimize} disabled={busy}>
          {reorder.isPending ? 'Optimizing…' : dirty ? 'Optimize (keep pins)' : 'Optimize'}
        </button>
        <a className="btn" href={`/api/routes/${plan.id}/ics`} download={`rounds-route-${plan.date}.ics`}>
          Export ICS
        </a>
        {plan.links.google.map((g, i) => (
          <a key={g} className="btn" href={g} target="_blank" rel="noreferrer">
            Google Maps{plan.links.google.length > 1 ? ` (part ${i + 1})` : ''}
          </a>
        ))}
        <a className="btn" href={plan.links.apple} target="_blank" rel="noreferrer">
          Apple Maps
        </a>
        <button type="button" className="btn" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <div className="route-grid">
        <LeafletMap
          label={`Route for ${plan.date}: ${plan.visits.length} numbered stops`}
          height={480}
          markers={markers}
          lines={[{ id: 'route', points: line }]}
        />
        <div>
          <StopList
            visits={visits}
            pinned={pins}
            onMove={move}
            onTogglePin={togglePin}
            onDone={markDone}
            busy={busy}
            lunch={plan.lunch}
          />
          {plan.unassigned.length ? (
            <section className="route-left" aria-label="Stops left out">
              <h3>Left out ({plan.unassigned.length})</h3>
              <ul>
                {plan.unassigned.map((u) => (
                  <li key={u.stopId} data-testid="route-left-out">
                    <span className="cell-main">{u.name}</span>{' '}
                    <Chip
                      tone={u.reason === 'closed' ? 'danger' : u.reason === 'low-priority' ? 'info' : 'warn'}
                    >
                      {u.reason.replace('-', ' ')}
                    </Chip>
                    <div className="cell-sub">{u.reasonText}</div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {plan.skipped.length ? (
            <p className="cell-sub">
              Not plannable: {plan.skipped.map((s) => `${s.what} (${s.reason})`).join('; ')}
            </p>
          ) : null}
        </div>
      </div>
      <p className="cell-sub">
        Solver: {plan.solver.ms} ms of a {plan.solver.timeLimitMs / 1000} s budget, seed {plan.solver.seed},{' '}
        {plan.solver.feasible ? 'checked feasible' : 'NOT feasible'} · priority points planned{' '}
        {plan.totals.priority} of {plan.totals.priorityAvailable}
        {plan.visits.length ? ` (priorities from ${prioritySources(plan)})` : ''}.
      </p>
    </div>
  );
}
