// Alert inbox: shifting referrers, most significant first, one entry per physician × service line (a drop
// in ours and a rise to competitors together, alertGroups.ts); acknowledge, assign (managers), resolve
// each alert; the evidence chart of the opened entry's alerts. Liaisons see their territories only.

import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { percentChance, statText } from '../../../core/referrals/chance';
import { errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import { useFocusParam } from '../../app/focusParam';
import { Chip, EmptyState, SkeletonRows, Tabs, useToast } from '../../ui';
import { AlertEvidence } from './AlertEvidence';
import { groupAlerts, groupQ, groupStart } from './alertGroups';
import { type Alert, lineLabel, pct, useAlertAction, useAlerts, useUsers } from './api';

/** "23 % → 100 % of their referrals" for share tests, "10.0 → 0.0/mo" for volume tests. */
const change = (a: Alert) =>
  a.test === 'share' && a.evidence.baselineShare != null && a.evidence.recentShare != null
    ? `${pct(a.evidence.baselineShare)} → ${pct(a.evidence.recentShare)} of their referrals`
    : `${a.baseline.ratePerMonth.toFixed(1)} → ${a.recent.ratePerMonth.toFixed(1)}/mo`;

const STATUSES = [
  { id: 'open', label: 'Open' },
  { id: 'new', label: 'New' },
  { id: 'assigned', label: 'Assigned' },
  { id: 'resolved', label: 'Resolved' },
] as const;

export function AlertInbox() {
  const [status, setStatus] = useState<(typeof STATUSES)[number]['id']>('open');
  const alerts = useAlerts(status);
  const me = useMe();
  const isManager = me.data?.role === 'admin' || me.data?.role === 'manager';
  const canAct = isManager || me.data?.role === 'liaison';
  const users = useUsers(isManager);
  const act = useAlertAction();
  const toast = useToast();
  // the open entry: a physician × service line (its alerts, one or two, open together)
  const [selected, setSelected] = useState<string | null>(null);
  const run = (a: Alert, action: 'acknowledge' | 'assign' | 'resolve', body?: object) =>
    act.mutate(
      { id: a.id, action, body },
      {
        onError: (e) =>
          toast({ tone: 'danger', title: 'Could not update the alert', detail: errorMessage(e) }),
      },
    );
  const items = alerts.data?.items ?? [];
  // /referrals?alert=12 (a notification's link): open that alert's entry once and bring it into view
  const [focusId] = useFocusParam('alert');
  const focused = useRef<number | null>(null);
  useEffect(() => {
    if (focusId === null || focused.current === focusId) return;
    const a = alerts.data?.items.find((x) => x.id === focusId);
    if (!a) return;
    focused.current = focusId;
    setSelected(`${a.referringNpi}|${a.serviceLine}`);
    requestAnimationFrame(() =>
      document.querySelector('.alert-item.is-open')?.scrollIntoView({ block: 'center' }),
    );
  }, [focusId, alerts.data]);
  return (
    <section className="card market-alerts" aria-label="Shifting-referrer alerts">
      <div className="row market-section-head">
        <h2>Shifting referrers</h2>
        {alerts.data?.scopedToTerritories ? <span className="muted small">your territories</span> : null}
      </div>
      <Tabs
        label="Alert status"
        tabs={STATUSES.map((s) => ({ id: s.id, label: s.label }))}
        value={status}
        onChange={setStatus}
      />
      {alerts.error ? (
        <EmptyState title="Alerts not available">{errorMessage(alerts.error)}</EmptyState>
      ) : null}
      {!alerts.data ? <SkeletonRows rows={4} /> : null}
      {alerts.data && items.length === 0 ? (
        <EmptyState title="No alerts">
          Nothing beyond chance. Alerts appear after each referral import.
        </EmptyState>
      ) : null}
      <ul className="alert-list">
        {groupAlerts(items).map((g) => {
          const key = `${g[0]!.referringNpi}|${g[0]!.serviceLine}`;
          const open = selected === key;
          const q = groupQ(g);
          return (
            <li key={key} className={`alert-item${open ? ' is-open' : ''}`}>
              <button
                type="button"
                className="alert-head"
                onClick={() => setSelected(open ? null : key)}
                aria-expanded={open}
              >
                {g.map((a) => (
                  <Chip key={a.id} tone={a.direction === 'drop' ? 'competitor' : 'medium'} dot>
                    {a.direction === 'drop' ? 'drop' : 'to competitor ↑'}
                  </Chip>
                ))}
                <strong>{g[0]!.physician ?? g[0]!.referringNpi}</strong>
                <span className="muted">
                  {lineLabel(g[0]!.serviceLine)} · since {groupStart(g)} ·{' '}
                  {g.length === 1
                    ? change(g[0]!)
                    : g
                        .map((a) => `${a.direction === 'drop' ? 'ours' : 'competitors'} ${change(a)}`)
                        .join(' · ')}{' '}
                  ·{' '}
                  <span
                    title={`${statText('q', q)}: after testing every physician, the share of alerts this strong that chance alone would raise`}
                  >
                    chance alone {percentChance(q)}
                  </span>
                </span>
                <span className="muted small">
                  {[...new Set(g.map((a) => `${a.status}${a.assignee ? ` · ${a.assignee.name}` : ''}`))].join(
                    ' / ',
                  )}
                </span>
              </button>
              {open
                ? g.map((a) => (
                    <div key={a.id} className="alert-body">
                      <p>{a.summary}</p>
                      <AlertEvidence alert={a} />
                      <div className="row alert-actions">
                        <Link to={`/referrals/base/${a.referringNpi}`}>Referral base</Link>
                        {canAct && a.status === 'new' ? (
                          <button type="button" className="btn" onClick={() => run(a, 'acknowledge')}>
                            Acknowledge
                          </button>
                        ) : null}
                        {isManager && a.status !== 'resolved' ? (
                          <select
                            aria-label="Assign to"
                            value={a.assignee?.id ?? ''}
                            onChange={(e) =>
                              e.target.value && run(a, 'assign', { assigneeUserId: Number(e.target.value) })
                            }
                          >
                            <option value="">Assign to…</option>
                            {(users.data?.items ?? [])
                              .filter((u) => !u.disabled)
                              .map((u) => (
                                <option key={u.id} value={u.id}>
                                  {u.name} ({u.role})
                                </option>
                              ))}
                          </select>
                        ) : null}
                        {canAct && a.status !== 'resolved' ? (
                          <button
                            type="button"
                            className="btn"
                            onClick={() =>
                              run(a, 'resolve', {
                                note: window.prompt('Resolution note (optional)') ?? undefined,
                              })
                            }
                          >
                            Resolve
                          </button>
                        ) : null}
                      </div>
                      <p className="muted small">
                        Source {a.sources} referrals · data through {a.dataDate ?? '—'} · as of {a.asOf}
                      </p>
                    </div>
                  ))
                : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
