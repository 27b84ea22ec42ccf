// Pick a territory's ZIPs and counties (typed or pasted, one or many at a time) and its liaisons.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../../api/client';
import { useUsers } from '../../api/hooks';
import { Drawer, TextField } from '../../ui';

export type Territory = {
  id: number;
  name: string;
  description: string;
  zips: string[];
  counties: string[];
  version: number;
  assignees: { id: number; name: string; email: string }[];
};

function CodePicker({
  label,
  codes,
  onChange,
  pattern,
  hint,
}: {
  label: string;
  codes: string[];
  onChange: (c: string[]) => void;
  pattern: RegExp;
  hint: string;
}) {
  const [text, setText] = useState('');
  const [bad, setBad] = useState<string[]>([]);
  const add = () => {
    const parts = text.split(/[\s,;]+/).filter(Boolean);
    const ok = parts.filter((p) => pattern.test(p));
    setBad(parts.filter((p) => !pattern.test(p)));
    onChange([...new Set([...codes, ...ok])].sort());
    setText('');
  };
  const id = `codes-${label}`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label} ({codes.length})
      </label>
      <div className="row" style={{ gap: 'var(--sp-2)' }}>
        <input
          id={id}
          className="input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={hint}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn" onClick={add}>
          Add
        </button>
      </div>
      {bad.length ? <span className="field-error">Not valid: {bad.join(', ')}</span> : null}
      <div className="code-list">
        {codes.map((c) => (
          <span key={c} className="chip attendee">
            {c}
            <button
              type="button"
              aria-label={`Remove ${c}`}
              onClick={() => onChange(codes.filter((x) => x !== c))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
    </div>
  );
}

export function TerritoryEditor({
  territory,
  onClose,
}: {
  territory: Territory | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const users = useUsers();
  const [name, setName] = useState(territory?.name ?? '');
  const [zips, setZips] = useState(territory?.zips ?? []);
  const [counties, setCounties] = useState(territory?.counties ?? []);
  const [assignees, setAssignees] = useState<number[]>(territory?.assignees.map((a) => a.id) ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), zips, counties, assigneeIds: assignees };
      return territory
        ? api(`/api/territories/${territory.id}`, {
            method: 'PATCH',
            body: { ...body, version: territory.version },
          })
        : api('/api/territories', { body });
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['territories'] });
      onClose();
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const liaisons = (users.data ?? []).filter((u) => !u.disabled && u.role !== 'analyst');
  return (
    <Drawer
      open
      onClose={onClose}
      title={territory ? `Edit ${territory.name}` : 'New territory'}
      footer={
        <button
          type="button"
          className="btn btn-primary"
          disabled={save.isPending || !name.trim()}
          onClick={() => save.mutate()}
        >
          Save territory
        </button>
      }
    >
      <div className="stack">
        <TextField
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={err?.fieldMessage('name')}
        />
        <CodePicker
          label="ZIP codes"
          codes={zips}
          onChange={setZips}
          pattern={/^\d{5}$/}
          hint="37203 37204 (paste many)"
        />
        <CodePicker
          label="Counties"
          codes={counties}
          onChange={setCounties}
          pattern={/^\d{5}$/}
          hint="County FIPS, e.g. 47037"
        />
        <fieldset className="field" style={{ border: 0, padding: 0 }}>
          <legend className="field-label">Assigned liaisons</legend>
          {liaisons.map((u) => (
            <label key={u.id} className="checkbox">
              <input
                type="checkbox"
                checked={assignees.includes(u.id)}
                onChange={(e) =>
                  setAssignees(e.target.checked ? [...assignees, u.id] : assignees.filter((x) => x !== u.id))
                }
              />{' '}
              {u.name} <span className="muted">{u.role}</span>
            </label>
          ))}
        </fieldset>
        {err ? (
          <p className="callout callout-danger" role="alert">
            {err.detail}
          </p>
        ) : null}
      </div>
    </Drawer>
  );
}
