// Field app home: today's route with the next stop up front (check in, log visit, navigate), the rest
// of the stops, mileage from the planned route, and the liaison's top targets. Works offline from the
// cached day bundle; visits saved on this phone show as saved until the server has them.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../api/hooks';
import type { Me } from '../../api/types';
import { EmptyState, Page, SkeletonRows, SourceNote, useToast } from '../../ui';
import { checkIn, checkinFor, formatDistance } from './checkin';
import { type Bundle, fieldShifts, useFieldBundle, useOutbox, type Visit } from './fieldApi';
import { OfflineBanner } from './SyncStatus';
import './field.css';

type StopState = 'done' | 'saved' | 'next' | 'later';

function NextStop({ bundle, visit, me }: { bundle: Bundle; visit: Visit; me: Me }) {
  const toast = useToast();
  const planId = bundle.route!.id;
  const stored = bundle.checkins?.find((c) => c.stopId === visit.stopId);
  const [mark, setMark] = useState(
    () =>
      checkinFor(planId, visit.stopId) ??
      (stored?.distanceM != null ? { key: stored.key, distanceM: stored.distanceM, at: stored.at } : null),
  );
  const [busy, setBusy] = useState(false);
  const doCheckIn = async () => {
    setBusy(true);
    try {
      const m = await checkIn(me.id, planId, visit);
      setMark(m);
      toast({ title: `Checked in ${formatDistance(m.distanceM)} from the office` });
    } catch (e) {
      toast({ tone: 'danger', title: 'Could not check in', detail: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="fld-card" aria-labelledby="next-stop" data-testid="next-stop">
      <p className="fld-muted">
        Next stop · {visit.seq} of {bundle.route!.visits.length} · {visit.times.start}
      </p>
      <h2 id="next-stop">{visit.name}</h2>
      <p className="fld-muted">{visit.address}</p>
      {visit.providers.length ? <p>{visit.providers.map((p) => p.name).join('; ')}</p> : null}
      {visit.hours || visit.visitRules ? (
        <p className="fld-muted">{[visit.hours, visit.visitRules].filter(Boolean).join(' · ')}</p>
      ) : null}
      {mark ? (
        <p role="status">
          Checked in {formatDistance(mark.distanceM)} from the office at{' '}
          {new Date(mark.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
        </p>
      ) : null}
      <div className="fld-actions">
        <button type="button" className="btn" onClick={() => void doCheckIn()} disabled={busy || !!mark}>
          {mark ? 'Checked in' : busy ? 'Reading location…' : 'Check in'}
        </button>
        <Link className="btn btn-primary" to={`/field/log?stop=${visit.stopId}`}>
          Log visit
        </Link>
        <a
          className="btn btn-ghost"
          href={`https://www.google.com/maps/dir/?api=1&destination=${visit.lat},${visit.lon}`}
          target="_blank"
          rel="noreferrer"
        >
          Navigate
        </a>
      </div>
    </section>
  );
}

export default function FieldToday() {
  const me = useMe().data as Me;
  const bundle = useFieldBundle();
  const outbox = useOutbox();
  const b = bundle.data;
  const savedStops = new Set(
    outbox
      .filter((i) => i.kind === 'activity' && typeof i.payload.stopId === 'string')
      .map((i) => i.payload.stopId as string),
  );
  const stateOf = (v: Visit, next: Visit | undefined): StopState =>
    v.done ? 'done' : savedStops.has(v.stopId) ? 'saved' : v === next ? 'next' : 'later';
  const next = b?.route?.visits.find((v) => !v.done && !savedStops.has(v.stopId));
  const pendingTasks = outbox.filter((i) => i.kind === 'task' && i.state === 'pending').length;
  return (
    <Page
      title="Today"
      subtitle={
        b
          ? `${new Date(`${b.date}T12:00:00`).toLocaleDateString([], { weekday: 'long', month: 'short', day: 'numeric' })} · data from ${new Date(b.generatedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
          : undefined
      }
      source={
        b
          ? {
              source: b.referralSource.source,
              dataDate: b.referralSource.dataDate
                ? `through ${b.referralSource.dataDate}`
                : 'no referral data loaded',
            }
          : undefined
      }
    >
      <div className="fld">
        <OfflineBanner />
        {bundle.isPending ? <SkeletonRows /> : null}
        {bundle.isError && !b ? (
          <EmptyState icon="alert" title="Today’s data is not on this phone yet">
            Open this page once while online; the route, targets and cards are then kept for offline use.
          </EmptyState>
        ) : null}
        {b && !b.route ? (
          <EmptyState
            icon="routes"
            title="No route planned for today"
            action={
              <Link className="btn" to="/routes">
                Plan my day
              </Link>
            }
          >
            Plan the day in the route planner; it then shows here with the next stop first.
          </EmptyState>
        ) : null}
        {b?.route && next ? <NextStop bundle={b} visit={next} me={me} /> : null}
        {b?.route && !next ? (
          <p className="fld-card" role="status">
            {b.route.visits.length === 1
              ? 'Today’s 1 stop is done or logged.'
              : `All ${b.route.visits.length} stops are done or logged.`}
          </p>
        ) : null}
        {b?.route ? (
          <section className="fld-card" aria-labelledby="route-h">
            <h3 id="route-h">Route · {b.route.visits.length} stops</h3>
            <p data-testid="mileage">
              {b.route.mileage.miles} mi planned ({b.route.mileage.km} km), {b.route.totals.travelMinutes} min
              driving
            </p>
            <SourceNote source={`Route planner plan #${b.route.id}`} dataDate={b.route.mileage.basis} />
            <ol className="fld-list">
              {b.route.visits.map((v) => {
                const st = stateOf(v, next);
                return (
                  <li key={v.stopId} className="fld-stop" data-state={st} data-testid="field-stop">
                    <span className="fld-seq" aria-hidden="true">
                      {v.seq}
                    </span>
                    <span>
                      <Link to={`/field/log?stop=${v.stopId}`}>{v.name}</Link>
                      <br />
                      <span className="fld-muted">
                        {v.times.start} ·{' '}
                        {st === 'done'
                          ? 'visited'
                          : st === 'saved'
                            ? 'saved on this phone'
                            : v.providers.map((p) => p.name).join('; ') || v.address}
                      </span>
                    </span>
                    <span className="fld-muted">
                      {st === 'done' ? '✓ done' : st === 'saved' ? 'saved' : ''}
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        ) : null}
        {b ? (
          <nav className="fld-actions" aria-label="Field">
            <Link className="btn" to="/field/tasks">
              Tasks ({b.tasks.length + pendingTasks})
            </Link>
            <Link className="btn" to="/field/alerts">
              Alerts ({fieldShifts(b.alerts).length})
            </Link>
          </nav>
        ) : null}
        {b?.targets.length ? (
          <section className="fld-card" aria-labelledby="targets-h">
            <h3 id="targets-h">Who to see next</h3>
            <ol className="fld-list">
              {b.targets.slice(0, 10).map((t) => (
                <li key={t.npi}>
                  <Link to={`/field/provider/${t.npi}`}>{t.name}</Link>
                  <span className="fld-muted">
                    {' '}
                    · score {t.priority.toFixed(2)}
                    {t.dueVisit ? ' · visit due' : ''}
                  </span>
                  {t.why[0] ? <div className="fld-muted">{t.why[0]}</div> : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
    </Page>
  );
}
