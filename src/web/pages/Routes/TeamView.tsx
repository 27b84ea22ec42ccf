// Team (managers and admins): one proposed day for several liaisons at once. The stops of the chosen
// liaisons are pooled, so an office may go to whichever liaison passes it best; nothing is saved.
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { EmptyState, SkeletonRows, useToast } from '../../ui';
import { dayName, isWeekend, nextWorkday } from './dates';
import { TeamPlan } from './TeamPlan';
import { MAX_TEAM, useLiaisons, usePlanTeam } from './teamApi';

export function TeamView({
  date: initialDate,
  onOpenDay,
}: {
  date: string;
  onOpenDay?: (liaison: string, date: string) => void;
}) {
  const toast = useToast();
  const liaisons = useLiaisons();
  const planTeam = usePlanTeam();
  const [date, setDate] = useState(initialDate);
  const [source, setSource] = useState<'due' | 'list'>('due');
  const [limit, setLimit] = useState(25);
  // The unchecked ones are kept, not the checked: every liaison starts checked, one added later too.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const all = liaisons.data ?? [];
  const chosen = all.filter((u) => !excluded.has(u.email));
  const names = new Map(all.map((u) => [u.email, u.name]));
  const toggle = (email: string) =>
    setExcluded((x) => {
      const n = new Set(x);
      if (!n.delete(email)) n.add(email);
      return n;
    });

  const submit = () =>
    planTeam.mutate(
      { date, liaisons: chosen.map((u) => u.email), targets: source, limit },
      {
        onError: (e) =>
          toast({
            tone: 'danger',
            title: 'Could not plan the team’s day',
            detail: e instanceof ApiError ? e.detail : String(e),
          }),
      },
    );

  return (
    <div className="route-team">
      <form
        className="route-form no-print"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="team-pick">
          <legend>
            Liaisons ({chosen.length} of {all.length})
          </legend>
          {liaisons.isLoading ? <span className="cell-sub">Loading…</span> : null}
          {all.map((u) => (
            <label key={u.id} className="team-check">
              <input type="checkbox" checked={!excluded.has(u.email)} onChange={() => toggle(u.email)} />{' '}
              {u.name}
            </label>
          ))}
        </fieldset>
        <label>
          Date{' '}
          <input
            className="input"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            required
            aria-label="Team date"
          />
        </label>
        <label>
          Stops from{' '}
          <select
            className="select"
            value={source}
            onChange={(e) => setSource(e.target.value as 'due' | 'list')}
            aria-label="Team stops from"
          >
            <option value="due">their visits due</option>
            <option value="list">their top targets</option>
          </select>
        </label>
        <label>
          Targets per liaison{' '}
          <input
            className="input"
            type="number"
            min={1}
            max={200}
            value={limit}
            onChange={(e) => setLimit(Number(e.target.value))}
            aria-label="Targets per liaison"
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={planTeam.isPending || chosen.length === 0 || chosen.length > MAX_TEAM}
        >
          {planTeam.isPending ? 'Planning…' : 'Plan the team’s day'}
        </button>
        {chosen.length > MAX_TEAM ? (
          <span className="cell-sub">At most {MAX_TEAM} liaisons in one team day.</span>
        ) : null}
      </form>
      {isWeekend(date) ? (
        <p className="callout callout-info" role="status">
          {dayName(date)}: most offices are closed.{' '}
          <button type="button" className="btn" onClick={() => setDate(nextWorkday(date))}>
            Use {dayName(nextWorkday(date))}
          </button>
        </p>
      ) : null}
      {planTeam.isPending ? (
        <SkeletonRows rows={6} />
      ) : planTeam.data ? (
        <TeamPlan
          proposal={planTeam.data}
          date={planTeam.variables?.date ?? date}
          names={names}
          onOpenDay={onOpenDay}
        />
      ) : liaisons.data && all.length === 0 ? (
        <EmptyState icon="routes" title="No liaisons to plan for">
          A team day is planned for users with the liaison role; an admin adds them under Admin → Users.
        </EmptyState>
      ) : (
        <EmptyState icon="routes" title={`No team day planned for ${date}`}>
          Tick the liaisons, choose where their stops come from and press “Plan the team’s day”. The result is
          a proposal: nothing is saved.
        </EmptyState>
      )}
    </div>
  );
}
