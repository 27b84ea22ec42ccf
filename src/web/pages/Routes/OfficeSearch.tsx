// Type an office (name, organization, street, city or ZIP words) and pick it; where a start or end is asked
// for, a 5-digit ZIP or "lat, lon" can be used as they are. Offices without a map point cannot be picked.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../api/client';
import { type ChosenPlace, parsePlaceText } from './daySettings';

export type OfficeHit = {
  id: number;
  name: string;
  organization: string | null;
  address: string;
  mapped: boolean;
};

export function OfficeSearch({
  label,
  placeholder,
  acceptPlaces,
  onPick,
}: {
  label: string;
  placeholder: string;
  /** Also accept a ZIP or coordinates (for a start or end point). */
  acceptPlaces?: boolean;
  onPick: (chosen: ChosenPlace, office: OfficeHit | null) => void;
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const term = q.trim();
  const parsed = acceptPlaces ? parsePlaceText(term) : null;
  const hits = useQuery({
    queryKey: ['routes', 'offices', term],
    enabled: term.length >= 2 && !(parsed && 'lat' in parsed.place),
    queryFn: ({ signal }) =>
      api<{ items: OfficeHit[] }>('/api/routes/offices', { query: { q: term, limit: 8 }, signal }),
  });
  const pick = (c: ChosenPlace, office: OfficeHit | null) => {
    onPick(c, office);
    setQ('');
  };
  const items = hits.data?.items ?? [];
  return (
    <div className="field route-office-search">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        placeholder={placeholder}
        value={q}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          // Enter takes a typed ZIP / coordinates, else the first office; it never submits the plan form.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const first = items.find((o) => o.mapped);
          if (parsed) pick(parsed, null);
          else if (first) pick({ place: { locationId: first.id }, text: first.name }, first);
        }}
      />
      {term.length >= 2 && (parsed || items.length || hits.isFetched) ? (
        <ul className="suggest" aria-label={`${label}: matches`}>
          {parsed ? (
            <li>
              <button type="button" onClick={() => pick(parsed, null)}>
                Use {parsed.text}
                {'zip' in parsed.place ? <span className="muted"> (the centre of the ZIP)</span> : null}
              </button>
            </li>
          ) : null}
          {items.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                disabled={!o.mapped}
                onClick={() => pick({ place: { locationId: o.id }, text: o.name }, o)}
              >
                {o.name}{' '}
                <span className="muted">
                  {o.address}
                  {o.mapped ? '' : ' · no map point'}
                </span>
              </button>
            </li>
          ))}
          {!parsed && hits.isFetched && items.length === 0 ? (
            <li className="muted">No office matches “{term}”.</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
