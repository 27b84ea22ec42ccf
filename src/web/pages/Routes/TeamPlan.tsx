// A proposed team day: every liaison's route on one map in their own colour, a card per liaison with the
// ordered stops, the team's totals, and the offices and targets that did not make it, with the reason.
import { useMemo } from 'react';
import { unassignedReasonText } from '../../../core/routing/reasonText';
import { Chip, EmptyState, LeafletMap, type MapLine, type MapMarker } from '../../ui';
import type { MapTone } from '../../ui/LeafletMap';
import { cssVar, useTheme } from '../../ui/theme';
import { hhmm } from './api';
import { TeamDayCard } from './TeamDayCard';
import type { TeamProposal } from './teamApi';

// Map tones whose colours tell routes apart; the stylesheet's variable of each colours the route line.
const PALETTE: { tone: MapTone; cssVar: string }[] = [
  { tone: 'accent', cssVar: '--accent' },
  { tone: 'affiliated', cssVar: '--st-affiliated' },
  { tone: 'medium', cssVar: '--sev-medium' },
  { tone: 'competitor', cssVar: '--st-competitor' },
  { tone: 'ours', cssVar: '--st-ours' },
  { tone: 'independent', cssVar: '--st-independent' },
];
const colourOf = (i: number) => PALETTE[i % PALETTE.length]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

export function TeamPlan({
  proposal,
  date,
  names,
  onOpenDay,
}: {
  proposal: TeamProposal;
  date: string;
  names: Map<string, string>;
  onOpenDay?: (liaison: string, date: string) => void;
}) {
  const theme = useTheme();
  const nameOf = (email: string) => names.get(email) ?? email;
  const { days, totals, travel } = proposal;
  const markers = useMemo<MapMarker[]>(
    () =>
      proposal.days.flatMap((d, i) =>
        d.visits.map((v) => ({
          id: `${d.liaison}-${v.stopId}`,
          lat: v.lat,
          lng: v.lon,
          label: `${names.get(d.liaison) ?? d.liaison} ${v.seq}. ${v.name} ${hhmm(v.start)}`,
          number: v.seq,
          tone: colourOf(i).tone,
        })),
      ),
    [proposal, names],
  );
  // The map paints its lines on a canvas, which takes a real colour, not var(): the colour is read from the
  // stylesheet, and read again when the theme changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: theme changes the colours cssVar reads
  const lines = useMemo<MapLine[]>(
    () =>
      proposal.days.map((d, i) => ({
        id: d.liaison,
        points: d.visits.map((v) => [v.lat, v.lon] as [number, number]),
        color: cssVar(colourOf(i).cssVar),
        // past six liaisons the colours repeat, dashed: up to twelve routes all look different
        dashed: i >= PALETTE.length,
      })),
    [proposal, theme],
  );

  return (
    <div className="route-team-plan">
      <p className="callout callout-info" role="note">
        A proposal for {date}: nothing is saved. A liaison’s day is saved when it is planned on the Day tab.
      </p>
      {travel ? (
        <p className="route-travel-note" data-testid="team-travel-label">
          {travel.estimate ? (
            <Chip tone="warn">straight-line estimate</Chip>
          ) : (
            <Chip tone="ok">road times</Chip>
          )}{' '}
          Travel times: {travel.label}.
        </p>
      ) : null}
      {totals ? (
        <p className="cell-sub" data-testid="team-totals">
          Team: {totals.stops} of {totals.planned} offices planned · {totals.travelMinutes} min driving ·{' '}
          {totals.km} km · {round1(days.reduce((s, d) => s + d.miles, 0))} mi · priority points{' '}
          {totals.priority} · solver {proposal.ms} ms,{' '}
          {proposal.feasible ? 'checked feasible' : 'NOT feasible'}.
        </p>
      ) : null}
      {days.length === 0 ? (
        <EmptyState icon="routes" title="Nothing to plan">
          None of the chosen liaisons has offices to visit from this source.
        </EmptyState>
      ) : (
        <>
          <LeafletMap
            label={`Team routes for ${date}: ${days.length} liaisons`}
            height={420}
            markers={markers}
            lines={lines}
          />
          <div className="team-days">
            {days.map((d, i) => (
              <TeamDayCard
                key={d.liaison}
                day={d}
                name={nameOf(d.liaison)}
                colour={colourOf(i).cssVar}
                onOpen={onOpenDay ? () => onOpenDay(d.liaison, date) : undefined}
              />
            ))}
          </div>
        </>
      )}
      {proposal.unassigned.length ? (
        <section className="route-left" aria-label="Offices left out">
          <h3>Left out ({proposal.unassigned.length})</h3>
          <ul>
            {proposal.unassigned.map((u) => (
              <li key={u.stopId} data-testid="team-left-out">
                <span className="cell-main">{u.name}</span>{' '}
                <Chip tone={u.reason === 'closed' ? 'danger' : u.reason === 'low-priority' ? 'info' : 'warn'}>
                  {u.reason.replace('-', ' ')}
                </Chip>
                <div className="cell-sub">{unassignedReasonText(u.reason)}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {proposal.skipped.length ? (
        <section className="route-left" aria-label="Not plannable">
          <h3>Not plannable ({proposal.skipped.length})</h3>
          <ul>
            {proposal.skipped.map((s, i) => (
              // the same target may be skipped for two liaisons, and one liaison may have two skips
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <li key={i} data-testid="team-skipped">
                <span className="cell-main">{nameOf(s.liaison)}</span>: {s.what}
                <div className="cell-sub">{s.reason}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
