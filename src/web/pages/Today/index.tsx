// Today (liaison): goal rings, today's route (or a link to plan it), follow-ups due, A-tier physicians
// overdue for a visit, new shifting-referrer alerts in the territory and physicians new to the market.
// Managers open a liaison's Today from the Team leaderboard (?liaisonId=).
import '../dashboard/dashboard.css';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import { EmptyState, Page, SkeletonRows } from '../../ui';
import { isoToday, panelOf, useGoals, useToday } from '../dashboard/api';
import { DownloadBar } from '../dashboard/DownloadBar';
import { GoalRing } from '../dashboard/GoalRing';
import { EmptyHint, PanelCard } from '../dashboard/PanelCard';
import { CalendarFeed } from './CalendarFeed';

export default function TodayPage() {
  const [search] = useSearchParams();
  const liaisonId = Number(search.get('liaisonId')) || undefined;
  const me = useMe().data;
  const [date, setDate] = useState(search.get('date') ?? isoToday());
  const today = useToday(date, liaisonId);
  const goals = useGoals(date, liaisonId ?? me?.id ?? undefined);
  const d = today.data;
  const params = { date, liaisonId };
  const mine = !liaisonId || liaisonId === me?.id;
  return (
    <Page
      loaded={!today.isPending && !goals.isPending}
      title={d?.user && !mine ? `Today — ${d.user.name}` : 'Today'}
      subtitle="Your route, follow-ups, physicians due a visit, new alerts and goal progress."
      actions={
        <div className="row dash-exports">
          <input
            type="date"
            className="input"
            aria-label="Day"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
          <DownloadBar name="today" params={params} pdfLabel="Monthly report (PDF)" />
        </div>
      }
      source={{
        source: 'CRM, route planner, internal referrals, NPPES',
        dataDate: d
          ? `activities through ${d.dataDates.activities ?? '—'}, referrals through ${d.dataDates.referrals ?? '—'}`
          : null,
      }}
    >
      {today.error ? (
        <EmptyState title="Today is not available">{errorMessage(today.error)}</EmptyState>
      ) : null}
      <section className="card dash-panel" aria-label="Goal progress">
        <div className="row dash-panel-head">
          <h2>
            <Link to="/goals">Goals</Link>
          </h2>
          {goals.data ? <span className="muted small">{goals.data.title}</span> : null}
        </div>
        {!goals.data ? <SkeletonRows rows={2} /> : null}
        {goals.data && goals.data.rows.length === 0 ? (
          <p className="muted small">
            No goals are active on {date}.
            {goals.data.emptyHint ? <EmptyHint hint={goals.data.emptyHint} onPickDate={setDate} /> : null}
          </p>
        ) : null}
        <div className="goal-rings">
          {goals.data?.rows.map((g) => (
            <GoalRing key={String(g.id)} goal={g} />
          ))}
        </div>
      </section>
      {!d && !today.error ? <SkeletonRows rows={8} /> : null}
      {d ? (
        <div className="dash-grid" style={{ marginTop: 16 }}>
          <div className="dash-wide">
            {d.hasRoute ? null : (
              <p className="callout callout-info">
                No route is saved for {date}. <Link to="/routes">Plan my day</Link>
              </p>
            )}
          </div>
          {/* without a saved route the callout above says so; an empty route card repeated it */}
          {d.hasRoute ? <PanelCard panel={panelOf(d.panels, 'today-route')} params={params} wide /> : null}
          <PanelCard panel={panelOf(d.panels, 'today-follow-ups')} params={params} />
          <PanelCard panel={panelOf(d.panels, 'today-overdue')} params={params} />
          <PanelCard panel={panelOf(d.panels, 'today-alerts')} params={params} />
          <PanelCard panel={panelOf(d.panels, 'today-new-to-market')} params={params} />
          {mine ? <CalendarFeed /> : null}
        </div>
      ) : null}
    </Page>
  );
}
