// Pick attendees: providers from the directory and contacts at practices, as removable chips.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { Attendee } from './crmApi';

type ProviderHit = { npi: string; name: string; practice_city: string | null };
type ContactHit = {
  id: number;
  first_name: string;
  last_name: string;
  organization_name: string | null;
  role: string;
};

export function AttendeePicker({
  value,
  onChange,
  label = 'Attendees',
}: {
  value: Attendee[];
  onChange: (a: Attendee[]) => void;
  label?: string;
}) {
  const [q, setQ] = useState('');
  const id = useId();
  const term = q.trim();
  const providers = useQuery({
    queryKey: ['providers', 'attendee-search', term],
    enabled: term.length >= 2,
    queryFn: ({ signal }) =>
      api<{ items: ProviderHit[] }>('/api/providers', { query: { q: term, limit: 6 }, signal }),
  });
  const contacts = useQuery({
    queryKey: ['contacts', 'attendee-search', term],
    enabled: term.length >= 2,
    queryFn: ({ signal }) =>
      api<{ items: ContactHit[] }>('/api/contacts', { query: { q: term, limit: 4 }, signal }),
  });
  const chosen = new Set(value.map((a) => a.npi ?? `c${a.contactId}`));
  const options: Attendee[] = [
    ...(providers.data?.items ?? []).map((p) => ({ npi: p.npi, contactId: null, name: p.name })),
    ...(contacts.data?.items ?? []).map((c) => ({
      npi: null,
      contactId: c.id,
      name: `${c.first_name} ${c.last_name}`.trim(),
    })),
  ].filter((a) => !chosen.has(a.npi ?? `c${a.contactId}`));
  const add = (a: Attendee) => {
    onChange([...value, a]);
    setQ('');
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="choice-row">
        {value.map((a) => (
          <span key={a.npi ?? `c${a.contactId}`} className="chip attendee">
            {a.name}
            <button
              type="button"
              aria-label={`Remove ${a.name}`}
              onClick={() => onChange(value.filter((x) => x !== a))}
            >
              ×
            </button>
          </span>
        ))}
        {value.length === 0 ? <span className="muted">Nobody yet</span> : null}
      </div>
      <input
        id={id}
        className="input"
        placeholder="Add a physician or contact (name or NPI)"
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
      />
      {term.length >= 2 && options.length > 0 ? (
        <ul className="suggest" aria-label="Matching people">
          {options.map((o) => (
            <li key={o.npi ?? `c${o.contactId}`}>
              <button type="button" onClick={() => add(o)}>
                {o.name} <span className="muted">{o.npi ? `NPI ${o.npi}` : 'contact'}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
