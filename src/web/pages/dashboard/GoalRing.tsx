// A goal as a ring: the arc is progress toward the target, its color the pace (on track or behind), and
// under it the actual, target, projection and the day the data runs through. Clicking opens the goal's
// row on the Goals page.
import { Link } from 'react-router-dom';
import type { GoalStatus, PanelRow } from './api';
import { pct } from './api';

const R = 40;
const C = 2 * Math.PI * R;

export const fmtGoalValue = (v: unknown, unit: unknown) =>
  typeof v !== 'number' ? '—' : unit === 'fraction' ? pct(v) : Math.round(v * 10) / 10;

export function GoalRing({ goal }: { goal: PanelRow }) {
  const progress = Math.max(0, Math.min(1, Number(goal.progress ?? 0)));
  const status = String(goal.status) as GoalStatus;
  const unit = goal.unit;
  const label = `${goal.metric}${goal.service_line ? ` (${String(goal.service_line).replace(/_/g, ' ')})` : ''}`;
  return (
    <Link
      className="card goal-ring"
      to={`/goals#goal-${goal.id}`}
      title={String(goal.definition ?? '')}
      aria-label={`${label}: ${fmtGoalValue(goal.value, unit)} of ${fmtGoalValue(goal.target, unit)}, ${status.replace('_', ' ')}`}
    >
      <svg viewBox="0 0 100 100" aria-hidden="true">
        <circle className="goal-ring-track" cx="50" cy="50" r={R} fill="none" strokeWidth="10" />
        <circle
          className={`ring-${status}`}
          cx="50"
          cy="50"
          r={R}
          fill="none"
          strokeWidth="10"
          strokeLinecap="round"
          strokeDasharray={`${progress * C} ${C}`}
          transform="rotate(-90 50 50)"
        />
        <text x="50" y="55" textAnchor="middle" fontSize="18" fill="currentColor">
          {pct(Number(goal.progress ?? 0))}
        </text>
      </svg>
      <span className="goal-ring-label">{label}</span>
      <span className="num">
        {fmtGoalValue(goal.value, unit)} / {fmtGoalValue(goal.target, unit)}
      </span>
      <span className="muted small">
        {status.replace('_', ' ')} · projected {fmtGoalValue(goal.projection, unit)}
      </span>
      <span className="muted small">through {String(goal.as_of)}</span>
    </Link>
  );
}
