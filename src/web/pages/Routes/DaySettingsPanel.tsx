// "Day settings" under the plan form: the length of the day, start and end (ZIP, coordinates or an office),
// the lunch break and fixed appointments (a lunch-and-learn at 12:00). The closed panel says it in one line.
import {
  type ChosenPlace,
  type DaySettings,
  type Place,
  settingsProblems,
  settingsSummary,
} from './daySettings';
import { FixedAppointments } from './FixedAppointments';
import { OfficeSearch } from './OfficeSearch';
import '../Activities/crm.css'; // .suggest lists and removable chips, as the activity form has them

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
  forWeek = false,
  homeBase,
  onHomeBase,
}: {
  value: DaySettings;
  onChange: (s: DaySettings) => void;
  /** The week's proposal takes the day's shape and places; appointments belong to one day. */
  forWeek?: boolean;
  /** The liaison's home base (where a day with no start begins), and how to change it. */
  homeBase?: string | null;
  onHomeBase?: (place: Place | null) => void;
}) {
  const set = (patch: Partial<DaySettings>) => onChange({ ...value, ...patch });
  const problems = settingsProblems(value);
  const lunch = value.lunch;
  return (
    <details className="route-settings card no-print">
      <summary>
        <strong>Day settings</strong>{' '}
        <span className="muted">
          {settingsSummary(forWeek ? { ...value, appointments: [] } : value, homeBase)}
        </span>
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
          empty={homeBase ? `home base (${homeBase})` : 'the centre of the stops'}
          onChange={(start) => set({ start })}
        />
        {onHomeBase ? (
          <div className="choice-row route-home-base">
            {value.start ? (
              <button type="button" className="btn btn-ghost" onClick={() => onHomeBase(value.start!.place)}>
                Make {value.start.text} the home base
              </button>
            ) : null}
            {homeBase ? (
              <>
                <span className="muted">Home base: {homeBase}</span>
                <button type="button" className="btn btn-ghost" onClick={() => onHomeBase(null)}>
                  Clear home base
                </button>
              </>
            ) : (
              <span className="muted">
                No home base: a day with no start begins at the centre of its stops.
              </span>
            )}
          </div>
        ) : null}
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
        {forWeek ? null : (
          <FixedAppointments value={value.appointments} onChange={(appointments) => set({ appointments })} />
        )}
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
