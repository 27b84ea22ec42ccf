// Team (manager): activity by liaison and week, activity by type, territory coverage map, A-tier
// physicians overdue, open issues by age, goal attainment and the leaderboard. Every chart has its
// table beside it, and every panel downloads as CSV or XLSX; the whole page as XLSX or the team PDF.
import '../dashboard/dashboard.css';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import { EChart, EmptyState, Page, preloadCharts, SkeletonRows } from '../../ui';
// Not in the ui index: it brings d3-geo, which only pages with a choropleth should load.
import { ChoroplethMap } from '../../ui/ChoroplethMap';
import { DASHBOARD_DEFAULTS, panelOf, pct, useTeam } from '../dashboard/api';
import { DownloadBar } from '../dashboard/DownloadBar';
import { PanelCard } from '../dashboard/PanelCard';
import { barOption, byTypeOption, heatmapOption } from './charts';

const WEEKS = [4, 8, 12, 26];
// The chart library loads while the data is on its way, not after it.
preloadCharts();

export default function TeamPage() {
  const [weeks, setWeeks] = useState(DASHBOARD_DEFAULTS.teamWeeks);
  const team = useTeam(weeks);
  const navigate = useNavigate();
  const d = team.data;
  const p = (id: string) => panelOf(d?.panels, id);
  const params = { weeks };
  const heat = p('team-activity-heatmap');
  const byType = p('team-activity-by-type');
  const coverage = p('team-coverage');
  const ages = p('team-issues-by-age');
  // Memoized: a new choropleth object would redraw the map (and hold the render gate) on every render.
  const choropleth = useMemo(
    () => ({
      level: 'county' as const,
      values: Object.fromEntries(
        (coverage?.rows ?? []).map((r) => [String(r.county_fips), Number(r.coverage)]),
      ),
      label: 'Visited (90 days)',
      format: (v: number) => pct(v),
    }),
    [coverage],
  );
  return (
    <Page
      loaded={!team.isPending}
      title="Team"
      subtitle={
        d ? `Liaison activity and coverage, ${d.from} to ${d.asOf}.` : 'Liaison activity and coverage.'
      }
      actions={
        <div className="row dash-exports">
          <select aria-label="Weeks" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEKS.map((w) => (
              <option key={w} value={w}>
                Last {w} weeks
              </option>
            ))}
          </select>
          <DownloadBar
            name="team"
            params={{ ...params, month: d?.asOf.slice(0, 7) }}
            pdfLabel="Team report (PDF)"
          />
        </div>
      }
      source={{
        source: 'CRM activities, relationships and issues; goals',
        dataDate: d ? `activities through ${d.dataDates.activities ?? '—'}` : null,
      }}
    >
      {team.error ? (
        <EmptyState title="Team dashboard not available">{errorMessage(team.error)}</EmptyState>
      ) : null}
      {!d && !team.error ? <SkeletonRows rows={10} /> : null}
      {d ? (
        <div className="dash-grid">
          <PanelCard
            panel={heat}
            params={params}
            wide
            maxHeight="200px"
            chart={
              heat ? (
                <EChart
                  label="Visits per liaison and week"
                  height={Math.max(200, 40 * new Set(heat.rows.map((r) => r.liaison)).size + 114)}
                  option={heatmapOption(heat.rows)}
                  onClick={() => navigate('/activities')}
                />
              ) : null
            }
          />
          <PanelCard
            panel={byType}
            params={params}
            chart={
              byType ? (
                <EChart
                  label="Activities by type per liaison"
                  height={Math.max(200, 36 * byType.rows.length + 60)}
                  option={byTypeOption(byType.rows, byType.columns.slice(1))}
                />
              ) : null
            }
          />
          <PanelCard
            panel={coverage}
            params={params}
            chart={
              <ChoroplethMap
                label="Share of book physicians visited in the last 90 days, by county"
                height={300}
                choropleth={choropleth}
              />
            }
          />
          <PanelCard panel={p('team-leaderboard')} params={params} />
          <PanelCard panel={p('team-goal-attainment')} params={params} />
          <PanelCard panel={p('team-overdue-a-tier')} params={params} />
          <PanelCard
            panel={ages}
            params={params}
            chart={
              ages ? (
                <EChart
                  label="Open physician issues by age"
                  height={200}
                  option={barOption(
                    ages.rows.map((r) => String(r.age)),
                    ages.rows.map((r) => Number(r.open)),
                    'Open issues',
                  )}
                  onClick={() => navigate('/issues')}
                />
              ) : null
            }
          />
          <PanelCard panel={p('team-issues-open')} params={params} />
        </div>
      ) : null}
    </Page>
  );
}
