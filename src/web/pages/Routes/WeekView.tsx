// The week: the saved plan of each day, or a proposal that spreads the due / top targets over Mon–Fri, each
// office on a day it is open. One colour-free line per day on the map; a table with mileage per day.
import { useState } from 'react';
import { unassignedReasonText } from '../../../core/routing/reasonText';
import { EmptyState, LeafletMap, type MapLine, type MapMarker, SkeletonRows } from '../../ui';
import { hhmm, useWeek } from './api';

export function WeekView({
  liaison,
  monday,
  onOpenDay,
  settings,
  settingsText,
}: {
  liaison?: string;
  monday: string;
  onOpenDay: (date: string) => void;
  /** the Day settings as the week query takes them; a proposal plans each day with them */
  settings?: Record<string, string | undefined>;
  settingsText?: string;
}) {
  const [targets, setTargets] = useState<'' | 'due' | 'list'>('');
  const week = useWeek(liaison, monday, targets, settings);
  if (week.isLoading) return <SkeletonRows rows={5} />;
  if (week.error || !week.data) return <EmptyState title="Could not load the week" />;
  const w = week.data;
  const days = w.proposal
    ? w.proposal.days.map((d) => ({
        date: d.date ?? '',
        weekday: d.weekday,
        stops: d.visits.length,
        km: d.km,
        miles: d.miles,
        minutes: d.travelMinutes,
        visits: d.visits,
        saved: false,
      }))
    : w.saved.map((d) => ({
        date: d.date,
        weekday: d.weekday,
        stops: d.stops,
        km: d.km,
        miles: d.miles,
        minutes: d.travelMinutes,
        visits: d.visits,
        saved: true,
      }));
  const markers: MapMarker[] = days.flatMap((d) =>
    d.visits.map((v) => ({
      id: `${d.date}-${v.stopId}`,
      lat: v.lat,
      lng: v.lon,
      label: `${d.weekday} ${v.seq}. ${v.name} ${hhmm(v.start)}`,
      number: v.seq,
    })),
  );
  const lines: MapLine[] = days.map((d, i) => ({
    id: d.date,
    points: d.visits.map((v) => [v.lat, v.lon] as [number, number]),
    dashed: i % 2 === 1,
  }));
  const travel = w.proposal?.travel ?? w.saved[0]?.travel;
  return (
    <div>
      <div className="route-toolbar no-print">
        <label>
          Show{' '}
          <select
            className="select"
            value={targets}
            onChange={(e) => setTargets(e.target.value as '' | 'due' | 'list')}
            aria-label="Week source"
          >
            <option value="">saved day plans</option>
            <option value="due">proposal: visits due</option>
            <option value="list">proposal: top targets</option>
          </select>
        </label>
        {travel ? <span className="cell-sub">Travel: {travel.label}</span> : null}
      </div>
      {w.proposal && settingsText ? (
        <p className="cell-sub" data-testid="week-settings">
          Each day: {settingsText}.
        </p>
      ) : null}
      {days.length === 0 ? (
        <EmptyState title="No days planned this week">
          Plan a day, or show a proposal from your visits due.
        </EmptyState>
      ) : (
        <div className="route-grid">
          <LeafletMap label={`Week of ${monday}`} height={420} markers={markers} lines={lines} />
          <table className="dt" aria-label="Days of the week">
            <thead>
              <tr>
                <th>Day</th>
                <th className="num">Stops</th>
                <th className="num">Driving</th>
                <th className="num">km</th>
                <th className="num">mi</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.date} data-testid="week-day">
                  <td>
                    {d.weekday} {d.date}
                  </td>
                  <td className="num">{d.stops}</td>
                  <td className="num">{d.minutes} min</td>
                  <td className="num">{d.km}</td>
                  <td className="num">{d.miles}</td>
                  <td>
                    <button type="button" className="btn btn-ghost" onClick={() => onOpenDay(d.date)}>
                      {d.saved ? 'Open day' : 'Plan this day'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {w.proposal?.unassigned.length ? (
        <p className="cell-sub">
          Not fitting this week:{' '}
          {w.proposal.unassigned.map((u) => `${u.name} (${unassignedReasonText(u.reason)})`).join('; ')}
        </p>
      ) : null}
    </div>
  );
}
