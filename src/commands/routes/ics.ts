// A day's route as an iCalendar file: one VEVENT per visit, in visiting order, at the market's local time
// (floating times: the calendar shows them in the phone's own time zone, which is the liaison's).
import ical from 'ical-generator';
import { localDate } from './planDay';
import type { PresentedPlan } from './present';

export function routeIcs(plan: PresentedPlan, host = 'rounds.local'): string {
  const cal = ical({
    name: `Rounds route ${plan.date}`,
    prodId: { company: 'Rounds', product: 'route-planner' },
  });
  for (const v of plan.visits) {
    const who = v.providers.map((p) => p.name).join(', ');
    cal.createEvent({
      id: `route-${plan.id}-${v.stopId}@${host}`,
      start: localDate(plan.date, v.start),
      end: localDate(plan.date, v.end),
      floating: true,
      summary: `${v.seq}. ${v.name}`,
      location: v.address || `${v.lat}, ${v.lon}`,
      description: [
        who && `See: ${who}`,
        `Visit type: ${v.visitType.replace(/_/g, ' ')} (${v.durationMin} min)`,
        v.waitMin > 0 ? `Arrive ${v.times.arrival}, wait ${v.waitMin} min` : `Arrive ${v.times.arrival}`,
        `Travel times: ${plan.travel.label}`,
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return cal.toString();
}
