// Fixed appointments of one day (a lunch-and-learn at 12:00 at an office): the planner keeps each at its time.
import { useState } from 'react';
import type { Appointment } from './daySettings';
import { OfficeSearch } from './OfficeSearch';

const TYPES: { id: Appointment['type']; label: string }[] = [
  { id: 'lunch_and_learn', label: 'Lunch-and-learn' },
  { id: 'visit', label: 'Visit' },
  { id: 'drop_in', label: 'Drop-in' },
];

export function FixedAppointments({
  value,
  onChange,
}: {
  value: Appointment[];
  onChange: (a: Appointment[]) => void;
}) {
  const [office, setOffice] = useState<{ id: number; name: string } | null>(null);
  const [at, setAt] = useState('12:00');
  const [type, setType] = useState<Appointment['type']>('lunch_and_learn');
  return (
    <fieldset className="route-settings-row route-appointments">
      <legend>Fixed appointments</legend>
      <ul className="route-appt-list" aria-label="Fixed appointments">
        {value.map((a) => (
          <li key={a.locationId} className="chip attendee">
            {a.at} {TYPES.find((t) => t.id === a.type)?.label} · {a.office}
            <button
              type="button"
              aria-label={`Remove the appointment at ${a.office}`}
              onClick={() => onChange(value.filter((x) => x !== a))}
            >
              ×
            </button>
          </li>
        ))}
        {value.length === 0 ? <li className="muted">None: every stop is placed by the planner.</li> : null}
      </ul>
      {office ? (
        <span className="chip attendee">
          {office.name}
          <button type="button" aria-label="Choose another office" onClick={() => setOffice(null)}>
            ×
          </button>
        </span>
      ) : (
        <OfficeSearch
          label="Office"
          placeholder="office, street or ZIP"
          onPick={(_, o) => o && setOffice({ id: o.id, name: o.name })}
        />
      )}
      <label>
        at{' '}
        <input
          className="input"
          type="time"
          value={at}
          aria-label="Appointment time"
          onChange={(e) => setAt(e.target.value)}
        />
      </label>
      <label>
        as{' '}
        <select
          className="select"
          value={type}
          aria-label="Appointment type"
          onChange={(e) => setType(e.target.value as Appointment['type'])}
        >
          {TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn"
        disabled={!office || !at}
        onClick={() => {
          if (!office) return;
          onChange([...value, { locationId: office.id, office: office.name, at, type }]);
          setOffice(null);
        }}
      >
        Add appointment
      </button>
    </fieldset>
  );
}
