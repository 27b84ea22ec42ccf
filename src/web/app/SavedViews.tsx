// Saved views of a list page: its filters (the URL's query string, app/urlFilters.ts) under a name,
// per user, optionally shared with everyone. Choosing one applies its filters; saving under a name
// already used replaces that view (src/server/routes/saved-views).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api/client';
import { Modal, TextField, useToast } from '../ui';
import type { UrlFilters } from './urlFilters';

type View = {
  id: number;
  name: string;
  query: string;
  shared: boolean;
  mine: boolean;
  ownerName: string | null;
};

/** The query string as the server stores it: no empty values, keys in order. */
export function normalQuery(query: string) {
  const p = new URLSearchParams(query);
  const out = new URLSearchParams();
  for (const [k, v] of [...p.entries()]
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    out.append(k, v);
  return out.toString();
}

export function SavedViews({ page, filters }: { page: 'providers' | 'organizations'; filters: UrlFilters }) {
  const qc = useQueryClient();
  const toast = useToast();
  const key = ['saved-views', page];
  const views = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: View[] }>('/api/saved-views', { query: { page } }),
  });
  const current = normalQuery(filters.query);
  const open = views.data?.items.find((v) => v.query === current);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api<View>('/api/saved-views', { body: { page, name: name.trim(), query: current, shared } }),
    onSuccess: (v) => {
      qc.invalidateQueries({ queryKey: key });
      setSaving(false);
      toast({ title: `Saved view “${v.name}”` });
    },
  });
  const remove = useMutation({
    mutationFn: (v: View) => api(`/api/saved-views/${v.id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
    onError: (e) =>
      toast({ tone: 'danger', title: 'Could not delete the view', detail: (e as Error).message }),
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <div className="saved-views">
      <select
        className="select"
        aria-label="Saved views"
        value={open ? String(open.id) : ''}
        onChange={(e) => {
          const v = views.data?.items.find((x) => String(x.id) === e.target.value);
          filters.replaceAll(v ? v.query : '');
        }}
      >
        <option value="">{views.data?.items.length ? 'Saved views…' : 'No saved views'}</option>
        {(views.data?.items ?? []).map((v) => (
          <option key={v.id} value={String(v.id)}>
            {v.name}
            {v.mine ? (v.shared ? ' (shared)' : '') : ` — ${v.ownerName ?? 'a colleague'}`}
          </option>
        ))}
      </select>
      {open?.mine ? (
        <button type="button" className="btn btn-ghost" onClick={() => remove.mutate(open)}>
          Delete view
        </button>
      ) : null}
      <button
        type="button"
        className="btn"
        onClick={() => {
          setName(open?.mine ? open.name : '');
          setShared(open?.shared ?? false);
          save.reset();
          setSaving(true);
        }}
      >
        Save view
      </button>
      <Modal
        open={saving}
        onClose={() => setSaving(false)}
        title="Save these filters as a view"
        footer={
          <>
            <button type="button" className="btn" onClick={() => setSaving(false)}>
              Cancel
            </button>
            <button type="submit" form="save-view" className="btn btn-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          </>
        }
      >
        <form
          id="save-view"
          className="stack"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            placeholder="e.g. My A-tier, overdue"
            error={err ? (err.fieldMessage('name') ?? err.detail) : undefined}
            autoFocus
          />
          <label className="checkbox">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share
            with everyone (they can use it, not change it)
          </label>
          <p className="muted">Saving under a name you already use replaces that view.</p>
        </form>
      </Modal>
    </div>
  );
}
