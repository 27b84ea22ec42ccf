// Goals: rings for every goal active on the chosen day (liaisons see their own), the table with pace,
// projection and its interval, the form managers use to set goals, and return on visit — the evidence
// that visits move referrals.
import '../dashboard/dashboard.css';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import { EmptyState, Page, SkeletonRows } from '../../ui';
import { isoToday, useGoals } from '../dashboard/api';
import { DownloadBar } from '../dashboard/DownloadBar';
import { GoalRing } from '../dashboard/GoalRing';
import { PanelCard } from '../dashboard/PanelCard';
import { GoalForm } from './GoalForm';
import { ReturnOnVisit } from './ReturnOnVisit';

export default function GoalsPage() {
  const me = useMe().data;
  const [date, setDate] = useState(isoToday());
  const goals = useGoals(date);
  const panel = goals.data;
  const manager = me?.role === 'admin' || me?.role === 'manager';
  // Rings for your own goals; everyone else's are in the table (a team has dozens).
  const rings = panel?.rows.filter((g) => g.owner_id === me?.id) ?? [];
  return (
    <Page
      loaded={!goals.isPending}
      title="Goals"
      subtitle="Progress to date, pace against the calendar, and where each goal will land at this rate."
      actions={
        <div className="row dash-exports">
          <input
            type="date"
            className="input"
            aria-label="Goals active on"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
          <DownloadBar name="goals" params={{ date }} pdfLabel="Monthly report (PDF)" />
        </div>
      }
      source={{ source: 'Goals; CRM activities and issues; internal referrals', dataDate: panel?.dataDate }}
    >
      {goals.error ? <EmptyState title="Goals not available">{errorMessage(goals.error)}</EmptyState> : null}
      {!panel && !goals.error ? <SkeletonRows rows={6} /> : null}
      <div className="dash-grid">
        {rings.length ? (
          <section className="dash-wide goal-rings" aria-label="Goal rings">
            {rings.map((g) => (
              <GoalRing key={String(g.id)} goal={g} />
            ))}
          </section>
        ) : null}
        <PanelCard panel={panel} params={{ date }} wide maxHeight="420px" onPickDate={setDate} />
        {manager ? <GoalForm /> : null}
        <ReturnOnVisit />
      </div>
    </Page>
  );
}
