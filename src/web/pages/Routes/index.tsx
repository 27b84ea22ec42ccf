// Routes: "Plan my day" from the liaison's visits due / top targets, the planned day (map + ordered list with
// drag and pins, re-optimise, mark done, exports) and the week across days.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/hooks';
import { EmptyState, Page, SkeletonRows, Tabs, useToast } from '../../ui';
import { useDayPlans, useHomeBase, usePlanDay, useRoutePlan, useSetHomeBase } from './api';
import { DaySettingsPanel } from './DaySettingsPanel';
import { DayView } from './DayView';
import { dayName, nextWorkday } from './dates';
import {
  type DaySettings,
  loadSettings,
  saveSettings,
  settingsBody,
  settingsProblems,
  settingsSummary,
  weekQueryOf,
} from './daySettings';
import { TeamView } from './TeamView';
import { WeekView } from './WeekView';
import './routes.css';

const isoToday = () => new Date().toLocaleDateString('en-CA');
function mondayOf(date: string) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export default function RoutesPage() {
  const me = useMe().data;
  const toast = useToast();
  const [view, setView] = useState<'day' | 'week' | 'team'>('day');
  // "Add to route" links elsewhere open /routes?locations=1,2,3 (office ids) and optionally &date=YYYY-MM-DD.
  const [params] = useSearchParams();
  const linked = (params.get('locations') ?? '')
    .split(',')
    .map((x) => Number(x))
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  const [date, setDate] = useState(() => params.get('date') ?? isoToday());
  const [source, setSource] = useState<'due' | 'list' | 'linked'>(linked.length ? 'linked' : 'due');
  const [limit, setLimit] = useState(25);
  const [liaisonInput, setLiaisonInput] = useState('');
  const [settings, setSettingsState] = useState(() => loadSettings(globalThis.localStorage));
  const setSettings = (s: DaySettings) => {
    setSettingsState(s);
    saveSettings(globalThis.localStorage, s);
  };
  const [budget, setBudget] = useState(2);
  const liaison = me?.role === 'liaison' ? undefined : liaisonInput.trim() || undefined;
  const isManager = me?.role === 'manager' || me?.role === 'admin';
  const [teamOpened, setTeamOpened] = useState(false);
  useEffect(() => {
    if (view === 'team') setTeamOpened(true);
  }, [view]);
  const list = useDayPlans(liaison, date);
  const homeBase = useHomeBase(liaison);
  const setHomeBase = useSetHomeBase(liaison);
  const [planId, setPlanId] = useState<number | null>(null);
  const plan = useRoutePlan(planId);
  const planDay = usePlanDay();

  useEffect(() => {
    setPlanId(list.data?.items[0]?.id ?? null);
  }, [list.data]);

  const submit = (day = date) => {
    const problems = settingsProblems(settings);
    if (problems.length)
      return toast({ tone: 'danger', title: 'Check the day settings', detail: problems.join(' ') });
    planDay.mutate(
      {
        liaison,
        date: day,
        ...(source === 'linked' ? { locationIds: linked } : { targets: source, limit }),
        ...settingsBody(settings),
        timeLimitSec: budget,
      },
      {
        onSuccess: (p) => setPlanId(p.id),
        onError: (e) =>
          toast({
            tone: 'danger',
            title: 'Could not plan the day',
            detail: e instanceof ApiError ? e.detail : String(e),
          }),
      },
    );
  };

  return (
    <Page
      title="Routes"
      subtitle="Plan the most efficient day and week: office hours, visit rules, appointments and priorities."
    >
      <Tabs
        label="Route view"
        value={view}
        onChange={setView}
        tabs={[
          { id: 'day', label: 'Day' },
          { id: 'week', label: 'Week' },
          // the team day is a manager's tool (POST /api/routes/team takes managers and admins)
          ...(isManager ? [{ id: 'team' as const, label: 'Team' }] : []),
        ]}
      />
      <form
        className="route-form no-print"
        hidden={view === 'team'}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label>
          Date{' '}
          <input
            className="input"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            required
            aria-label="Date"
          />
        </label>
        {me && me.role !== 'liaison' ? (
          <label>
            Liaison{' '}
            <input
              className="input"
              placeholder="e-mail (you when empty)"
              value={liaisonInput}
              onChange={(e) => setLiaisonInput(e.target.value)}
              aria-label="Liaison"
            />
          </label>
        ) : null}
        <label>
          Stops from{' '}
          <select
            className="select"
            value={source}
            onChange={(e) => setSource(e.target.value as 'due' | 'list' | 'linked')}
            aria-label="Stops from"
          >
            <option value="due">my visits due</option>
            <option value="list">my top targets</option>
            {linked.length ? (
              <option value="linked">{linked.length} offices added to the route</option>
            ) : null}
          </select>
        </label>
        <label>
          How many targets{' '}
          <input
            className="input"
            type="number"
            min={1}
            max={200}
            value={limit}
            onChange={(e) => setLimit(Number(e.target.value))}
            aria-label="How many targets"
          />
        </label>
        <label>
          Budget{' '}
          <select
            className="select"
            value={budget}
            onChange={(e) => setBudget(Number(e.target.value))}
            aria-label="Planning time budget"
          >
            {[1, 2, 5, 10].map((b) => (
              <option key={b} value={b}>
                {b} s
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={planDay.isPending}>
          {planDay.isPending ? 'Planning…' : 'Plan my day'}
        </button>
      </form>
      {view !== 'team' ? (
        <DaySettingsPanel
          value={settings}
          onChange={setSettings}
          forWeek={view === 'week'}
          homeBase={homeBase.data?.label ?? null}
          onHomeBase={(place) =>
            setHomeBase.mutate(place, {
              onSuccess: (r) =>
                toast({ title: r.homeBase ? `Home base: ${r.homeBase.label}` : 'Home base cleared' }),
              onError: (e) =>
                toast({
                  tone: 'danger',
                  title: 'Could not set the home base',
                  detail: e instanceof ApiError ? e.detail : String(e),
                }),
            })
          }
        />
      ) : null}
      {isManager && teamOpened ? (
        // once opened, kept mounted while another tab shows: the team's proposal is still there on coming back
        <div hidden={view !== 'team'}>
          <TeamView
            date={date}
            onOpenDay={(email, day) => {
              setLiaisonInput(email);
              setDate(day);
              setView('day');
            }}
          />
        </div>
      ) : null}
      {view === 'team' ? null : view === 'week' ? (
        <WeekView
          liaison={liaison}
          monday={mondayOf(date)}
          settings={weekQueryOf(settings)}
          settingsText={settingsSummary({ ...settings, appointments: [] }, homeBase.data?.label)}
          onOpenDay={(d) => {
            setDate(d);
            setView('day');
          }}
        />
      ) : plan.data ? (
        <>
          {/* a weekend or holiday plan of offices that are all closed: offer the next working day */}
          {!plan.data.visits.length &&
          plan.data.unassigned.length &&
          plan.data.unassigned.every((u) => u.reason === 'closed') ? (
            <p className="callout callout-info" role="status">
              Every office on this list is closed on {dayName(plan.data.date)}.{' '}
              <button
                type="button"
                className="btn btn-primary"
                disabled={planDay.isPending}
                onClick={() => {
                  const next = nextWorkday(plan.data!.date);
                  setDate(next);
                  submit(next);
                }}
              >
                Plan {dayName(nextWorkday(plan.data.date))} instead
              </button>
            </p>
          ) : null}
          <DayView key={`${plan.data.id}-${plan.data.version}`} plan={plan.data} />
        </>
      ) : list.isLoading || plan.isLoading ? (
        <SkeletonRows rows={6} />
      ) : (
        <EmptyState icon="routes" title={`No route planned for ${date}`}>
          Choose where the stops come from and press “Plan my day”.
        </EmptyState>
      )}
    </Page>
  );
}
