// "Day settings" under the plan form: the length of the day, start and end (ZIP, coordinates or an office),
// the lunch break and fixed appointments (a lunch-and-learn at 12:00). The closed panel says it in one line.
import { useState } from 'react';
import {
  type Appointment,
  type ChosenPlace,
  type DaySettings,
  settingsProblems,
  settingsSummary,
} from './daySettings';
import { OfficeSearch } from './OfficeSearch';
import '../Activities/crm.css'; // .suggest lists and removable chips, as the activity form has them

const TYPES: { id: Appointment['type']; label: string }[] = [
  { id: 'lunch_and_learn', label: 'Lunch-and-learn' },
  { id: 'visit', label: 'Visit' },
  { id: 'drop_in', label: 'Drop-in' },
];

function PlaceRow({
  label,
  value,
  empty,
  onChange,
}: {
  label: string;
  value: ChosenPlace | null;
  empty: string;
  onChange: (p: ChosenPlace | null) => void;
}) {
  return (
    <div className="route-place">
      <div className="choice-row">
        <span className="field-label">{label}:</span>
        {value ? (
          <span className="chip attendee">
            {value.text}
            <button
              type="button"
              aria-label={`Clear the ${label.toLowerCase()}`}
              onClick={() => onChange(null)}
            >
              ×
            </button>
          </span>
        ) : (
          <span className="muted">{empty}</span>
        )}
      </div>
      <OfficeSearch
        label={`${label} (ZIP, lat, lon or an office)`}
        placeholder="37203 · 36.16, -86.78 · office name"
        acceptPlaces
        onPick={(c) => onChange(c)}
      />
    </div>
  );
}

export function DaySettingsPanel({
  value,
  onChange,
}: {
  value: DaySettings;
  onChange: (s: DaySettings) => void;
}) {
  const [office, setOffice] = useState<{ id: number; name: string } | null>(null);
  const [at, setAt] = useState('12:00');
  const [type, setType] = useState<Appointment['type']>('lunch_and_learn');
  const set = (patch: Partial<DaySettings>) => onChange({ ...value, ...patch });
  const problems = settingsProblems(value);
  const lunch = value.lunch;
  return (
    <details className="route-settings card no-print">
      <summary>
        <strong>Day settings</strong> <span className="muted">{settingsSummary(value)}</span>
      </summary>
      <div className="route-settings-body">
        <fieldset className="route-settings-row">
          <legend>Working day</legend>
          <label>
            From{' '}
            <input
              className="input"
              type="time"
              value={value.dayStart}
              required
              aria-label="Day starts"
              onChange={(e) => set({ dayStart: e.target.value })}
            />
          </label>
          <label>
            to{' '}
            <input
              className="input"
              type="time"
              value={value.dayEnd}
              required
              aria-label="Day ends"
              onChange={(e) => set({ dayEnd: e.target.value })}
            />
          </label>
        </fieldset>
        <PlaceRow
          label="Start"
          value={value.start}
          empty="the centre of the stops"
          onChange={(start) => set({ start })}
        />
        <PlaceRow label="End" value={value.end} empty="back to the start" onChange={(end) => set({ end })} />
        <fieldset className="route-settings-row">
          <legend>Lunch</legend>
          <label className="route-check">
            <input
              type="checkbox"
              checked={lunch !== null}
              onChange={(e) =>
                set({
                  lunch: e.target.checked ? { earliest: '11:30', latest: '13:30', durationMin: 30 } : null,
                })
              }
            />{' '}
            Keep a lunch break
          </label>
          {lunch ? (
            <>
              <label>
                between{' '}
                <input
                  className="input"
                  type="time"
                  value={lunch.earliest}
                  aria-label="Lunch earliest"
                  onChange={(e) => set({ lunch: { ...lunch, earliest: e.target.value } })}
                />
              </label>
              <label>
                and{' '}
                <input
                  className="input"
                  type="time"
                  value={lunch.latest}
                  aria-label="Lunch latest"
                  onChange={(e) => set({ lunch: { ...lunch, latest: e.target.value } })}
                />
              </label>
              <label>
                minutes{' '}
                <input
                  className="input"
                  type="number"
                  min={5}
                  max={180}
                  value={lunch.durationMin}
                  aria-label="Lunch minutes"
                  onChange={(e) => set({ lunch: { ...lunch, durationMin: Number(e.target.value) } })}
                />
              </label>
            </>
          ) : null}
        </fieldset>
        <fieldset className="route-settings-row route-appointments">
          <legend>Fixed appointments</legend>
          <ul className="route-appt-list" aria-label="Fixed appointments">
            {value.appointments.map((a) => (
              <li key={a.locationId} className="chip attendee">
                {a.at} {TYPES.find((t) => t.id === a.type)?.label} · {a.office}
                <button
                  type="button"
                  aria-label={`Remove the appointment at ${a.office}`}
                  onClick={() => set({ appointments: value.appointments.filter((x) => x !== a) })}
                >
                  ×
                </button>
              </li>
            ))}
            {value.appointments.length === 0 ? (
              <li className="muted">None: every stop is placed by the planner.</li>
            ) : null}
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
              set({
                appointments: [
                  ...value.appointments,
                  { locationId: office.id, office: office.name, at, type },
                ],
              });
              setOffice(null);
            }}
          >
            Add appointment
          </button>
        </fieldset>
        {problems.length ? (
          <ul className="error" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}
