// Set a goal (managers and admins): owner (a liaison, or a manager for a team goal), metric, optional
// service line for referral metrics, period and target. Errors from the server name the field.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorMessage } from '../../api/client';
import { useUsers } from '../../api/hooks';
import { SelectField, TextField, useToast } from '../../ui';

type MetricDef = { metric: string; label: string; unit: 'count' | 'fraction'; definition: string };
const LINE_METRICS = new Set(['referral_volume', 'referral_share', 'new_referrers', 'leakage_reduced']);
const LINES = [
  '',
  'cardiology',
  'orthopedics',
  'oncology',
  'neurology',
  'gastroenterology',
  'imaging',
  'urology',
];

const quarterOf = (d = new Date()) => {
  const q = Math.floor(d.getUTCMonth() / 3);
  const y = d.getUTCFullYear();
  const end = new Date(Date.UTC(y, q * 3 + 3, 0));
  return [`${y}-${String(q * 3 + 1).padStart(2, '0')}-01`, end.toISOString().slice(0, 10)] as const;
};

export function GoalForm() {
  const qc = useQueryClient();
  const toast = useToast();
  const users = useUsers().data ?? [];
  const metrics = useQuery({
    queryKey: ['goals', 'metrics'],
    queryFn: () => api<{ items: MetricDef[] }>('/api/goals/metrics').then((r) => r.items),
  }).data;
  const [q0, q1] = quarterOf();
  const [f, setF] = useState({
    ownerId: '',
    metric: 'visits',
    serviceLine: '',
    start: q0,
    end: q1,
    target: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const owner = users.find((u) => String(u.id) === f.ownerId);
  const unit = metrics?.find((m) => m.metric === f.metric)?.unit;
  const create = useMutation({
    mutationFn: () =>
      api('/api/goals', {
        body: {
          scope: owner?.role === 'liaison' ? 'liaison' : 'team',
          ownerId: Number(f.ownerId),
          metric: f.metric,
          serviceLine: LINE_METRICS.has(f.metric) && f.serviceLine ? f.serviceLine : null,
          periodStart: f.start,
          periodEnd: f.end,
          target: unit === 'fraction' ? Number(f.target) / 100 : Number(f.target),
        },
      }),
    onSuccess: () => {
      toast({ title: 'Goal saved' });
      setF({ ...f, target: '' });
      qc.invalidateQueries({ queryKey: ['goals'] });
    },
  });
  const err = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form className="card dash-panel" onSubmit={submit} aria-label="Set a goal">
      <h2>Set a goal</h2>
      <div className="dash-form">
        <SelectField
          label="Owner"
          value={f.ownerId}
          onChange={set('ownerId')}
          error={err?.fieldMessage('owner_id') ?? err?.fieldMessage('ownerId')}
          options={[
            { value: '', label: 'Choose…' },
            ...users
              .filter((u) => !u.disabled && u.role !== 'analyst')
              .map((u) => ({
                value: String(u.id),
                label: `${u.name} (${u.role === 'liaison' ? 'liaison' : 'team'})`,
              })),
          ]}
        />
        <SelectField
          label="Metric"
          value={f.metric}
          onChange={set('metric')}
          hint={metrics?.find((m) => m.metric === f.metric)?.definition}
          options={(metrics ?? []).map((m) => ({ value: m.metric, label: m.label }))}
        />
        {LINE_METRICS.has(f.metric) ? (
          <SelectField
            label="Service line"
            value={f.serviceLine}
            onChange={set('serviceLine')}
            options={LINES.map((l) => ({ value: l, label: l ? l.replace(/_/g, ' ') : 'All lines' }))}
          />
        ) : null}
        <TextField
          label="From"
          type="date"
          value={f.start}
          onChange={set('start')}
          error={err?.fieldMessage('period_start')}
        />
        <TextField
          label="To"
          type="date"
          value={f.end}
          onChange={set('end')}
          error={err?.fieldMessage('period_end')}
        />
        <TextField
          label={unit === 'fraction' ? 'Target (%)' : 'Target'}
          type="number"
          min={0}
          step="any"
          value={f.target}
          onChange={set('target')}
          error={err?.fieldMessage('target')}
          required
        />
        <button type="submit" className="btn btn-primary" disabled={!f.ownerId || create.isPending}>
          Save goal
        </button>
      </div>
      {create.error && !err?.errors.length ? (
        <p className="field-error">{errorMessage(create.error)}</p>
      ) : null}
    </form>
  );
}
