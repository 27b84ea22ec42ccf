// One liaison's proposed day in the team view: their colour on the map, the hours, visits, driving and the
// stops in order, and a way to open their Day tab (where the day can be planned for real and saved).
import { hhmm } from './api';
import type { TeamDay } from './teamApi';

export function TeamDayCard({
  day,
  name,
  colour,
  onOpen,
}: {
  day: TeamDay;
  name: string;
  colour: string;
  onOpen?: () => void;
}) {
  const stops = day.visits.length;
  return (
    <section className="card card-pad team-day" aria-label={`${name}’s day`} data-testid="team-day">
      <h3 className="team-day-title">
        <span className="team-swatch" style={{ background: `var(${colour})` }} aria-hidden="true" />
        {name}
      </h3>
      <p className="cell-sub">
        {stops ? `${hhmm(day.departure)}–${hhmm(day.returnAt)} · ` : ''}
        <span data-testid="team-visit-count">{stops}</span> {stops === 1 ? 'visit' : 'visits'} ·{' '}
        {day.travelMinutes} min driving · {day.miles} mi ({day.km} km)
      </p>
      {stops ? (
        <ol className="team-stops">
          {day.visits.map((v) => (
            <li key={v.stopId} data-testid="team-stop">
              <span className="num">
                {hhmm(v.start)}–{hhmm(v.end)}
              </span>{' '}
              {v.name}
              {v.waitMin > 0 ? <span className="cell-sub"> · wait {v.waitMin} min</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="cell-sub">
          No visit fits this liaison’s day; their offices went to others or are left out.
        </p>
      )}
      {day.lunch ? (
        <p className="cell-sub">
          Lunch {hhmm(day.lunch.start)}–{hhmm(day.lunch.end)}
        </p>
      ) : null}
      {onOpen ? (
        <button type="button" className="btn btn-ghost" onClick={onOpen}>
          Open {name}’s day
        </button>
      ) : null}
    </section>
  );
}
