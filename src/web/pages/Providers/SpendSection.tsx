// The physician's spend log (non-monetary compensation, Stark-law tracking): the year's entries, the
// total against the annual limit, and a form to log one. The server warns near and over the limit.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SPEND_CATEGORIES } from '../../../core/crm/spendLimit';
import { ApiError, api, errorMessage } from '../../api/client';
import { useMe } from '../../api/hooks';
import { Chip, DataTable, formatDate, SelectField, TextField, useToast } from '../../ui';

type Entry = {
  id: number;
  spent_on: string;
  category: string;
  amount_usd: string;
  description: string;
  recorded_by: string | null;
  version: number;
};
/** A physician's spend in one year against the annual limit (GET /api/spend/status/:npi). */
export type SpendStatus = {
  year: number;
  totalUsd: number;
  limitUsd: number;
  level: 'ok' | 'near' | 'over';
  message: string | null;
  entryIds: number[];
};

const usd = (x: number) =>
  `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const today = () => new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in the device's time zone

/** A physician's spend status for a year (the profile header and the spend log share one request). */
export const useSpendStatus = (npi: string, year = new Date().getFullYear()) =>
  useQuery({
    queryKey: ['spend', 'status', npi, year],
    queryFn: () => api<SpendStatus>(`/api/spend/status/${npi}`, { query: { year } }),
  });

export function SpendSection({ npi }: { npi: string }) {
  const me = useMe().data;
  const qc = useQueryClient();
  const toast = useToast();
  const [year, setYear] = useState(new Date().getFullYear());
  const entries = useQuery({
    queryKey: ['spend', 'list', npi, year],
    queryFn: () => api<{ items: Entry[] }>('/api/spend', { query: { providerNpi: npi, year, limit: 500 } }),
  });
  const status = useSpendStatus(npi, year);
  const [form, setForm] = useState({ spentOn: today(), category: 'meal', amount: '', description: '' });
  const log = useMutation({
    mutationFn: () =>
      api<{ status: SpendStatus }>('/api/spend', {
        body: {
          providerNpi: npi,
          spentOn: form.spentOn,
          category: form.category,
          amountUsd: Number(form.amount),
          description: form.description || undefined,
        },
      }),
    onSuccess: (r) => {
      setForm({ ...form, amount: '', description: '' });
      qc.invalidateQueries({ queryKey: ['spend'] });
      qc.invalidateQueries({ queryKey: ['timeline'] });
      toast({
        tone: r.status.level === 'ok' ? 'ok' : 'danger',
        title: 'Spend logged',
        detail:
          r.status.message ?? `${usd(r.status.totalUsd)} of ${usd(r.status.limitUsd)} in ${r.status.year}`,
      });
    },
  });
  // removing asks twice: the first click arms the row's button for a few seconds
  const [armed, setArmed] = useState<number | null>(null);
  const remove = useMutation({
    mutationFn: (e: Entry) => api(`/api/spend/${e.id}`, { method: 'DELETE', body: { version: e.version } }),
    onSuccess: () => {
      setArmed(null);
      qc.invalidateQueries({ queryKey: ['spend'] });
      qc.invalidateQueries({ queryKey: ['timeline'] });
      toast({ tone: 'ok', title: 'Spend entry removed' });
    },
    onError: (e) => toast({ tone: 'danger', title: 'Not removed', detail: errorMessage(e) }),
  });
  const canWrite = !!me && me.role !== 'analyst';
  const err = log.error instanceof ApiError ? log.error : null;
  const s = status.data;
  const amountOk = form.amount !== '' && Number(form.amount) >= 0;
  return (
    <section aria-label="Spend log">
      <div className="row" style={{ gap: 'var(--sp-2)', alignItems: 'center', flexWrap: 'wrap' }}>
        <h3 style={{ margin: 0 }}>Spend log</h3>
        <SelectField
          label="Year"
          value={String(year)}
          onChange={(e) => setYear(Number(e.target.value))}
          options={[0, 1, 2].map((k) => {
            const y = new Date().getFullYear() - k;
            return { value: String(y), label: String(y) };
          })}
        />
        {s ? (
          <Chip tone={s.level === 'ok' ? 'neutral' : s.level === 'near' ? 'warn' : 'danger'}>
            {usd(s.totalUsd)} of the {usd(s.limitUsd)} annual limit
          </Chip>
        ) : null}
      </div>
      {s?.message ? <p className="callout callout-warn">{s.message}</p> : null}
      <DataTable
        label={`Spend on this physician in ${year}`}
        rows={entries.data?.items ?? []}
        rowKey={(e) => e.id}
        maxHeight="320px"
        empty={<p className="muted">Nothing logged in {year}.</p>}
        columns={[
          { id: 'date', header: 'Date', sortValue: (e) => e.spent_on, cell: (e) => formatDate(e.spent_on) },
          { id: 'category', header: 'Category', sortValue: (e) => e.category, cell: (e) => e.category },
          {
            id: 'amount',
            header: 'Amount',
            sortValue: (e) => Number(e.amount_usd),
            cell: (e) => usd(Number(e.amount_usd)),
          },
          { id: 'what', header: 'What', cell: (e) => e.description || '—' },
          { id: 'by', header: 'Logged by', cell: (e) => e.recorded_by ?? '—' },
          ...(canWrite
            ? [
                {
                  id: 'remove',
                  header: '',
                  cell: (e: Entry) => (
                    <button
                      type="button"
                      className={armed === e.id ? 'btn btn-danger' : 'btn btn-ghost'}
                      disabled={remove.isPending}
                      aria-label={
                        armed === e.id
                          ? `Confirm: remove ${e.description || e.category}`
                          : `Remove ${e.description || e.category}`
                      }
                      onClick={() => {
                        if (armed === e.id) remove.mutate(e);
                        else {
                          setArmed(e.id);
                          setTimeout(() => setArmed((a) => (a === e.id ? null : a)), 4000);
                        }
                      }}
                    >
                      {armed === e.id ? 'Confirm remove' : 'Remove'}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite ? (
        <form
          className="row"
          aria-label="Log spend"
          style={{ gap: 'var(--sp-2)', alignItems: 'flex-end', flexWrap: 'wrap', marginTop: 'var(--sp-2)' }}
          onSubmit={(e) => {
            e.preventDefault();
            if (amountOk) log.mutate();
          }}
        >
          <TextField
            label="Date"
            type="date"
            value={form.spentOn}
            onChange={(e) => setForm({ ...form, spentOn: e.target.value })}
            error={err?.fieldMessage('spentOn')}
          />
          <SelectField
            label="Category"
            value={form.category}
            onChange={(e) => setForm({ ...form, category: e.target.value })}
            options={SPEND_CATEGORIES.map((c) => ({ value: c, label: c }))}
          />
          <TextField
            label="Amount (USD)"
            type="number"
            min={0}
            step={0.01}
            value={form.amount}
            onChange={(e) => setForm({ ...form, amount: e.target.value })}
            error={err?.fieldMessage('amountUsd')}
          />
          <TextField
            label="What"
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
            placeholder="Lunch-and-learn for the office"
          />
          <button type="submit" className="btn" disabled={!amountOk || log.isPending}>
            Log spend
          </button>
        </form>
      ) : null}
      {err && !err.fieldMessage('spentOn') && !err.fieldMessage('amountUsd') ? (
        <p className="callout callout-danger">{err.detail}</p>
      ) : null}
    </section>
  );
}
