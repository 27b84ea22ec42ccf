// What each dashboard asks the API for when it opens: its defaults and the exact URLs. The web app's
// queries (web/pages/dashboard/api.ts) use these defaults, and the server names these URLs in the HTML
// of a dashboard's address (server/lib/startHints.ts) so the browser fetches them while it starts the
// app. test/web/startRequests.test.ts checks both sides still ask for the same URLs.

export const DASHBOARD_DEFAULTS = { teamWeeks: 12, executiveMonths: 24, rovBy: 'liaison', rovWindow: 3 };

/** The UTC date the dashboards default to (as the web app's isoToday). */
export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The API reads a dashboard makes on opening at `pathname` with `search`; none for other pages, and
 * none when the address carries parameters these defaults do not cover (the page knows better then).
 */
export function dashboardStartRequests(pathname: string, search: URLSearchParams, today: string): string[] {
  const d = DASHBOARD_DEFAULTS;
  const only = (...keys: string[]) => [...search.keys()].every((k) => keys.includes(k));
  switch (pathname) {
    case '/today': {
      const date = search.get('date');
      if (!only('date') || (date !== null && !DATE_RE.test(date))) return [];
      return [`/api/dashboards/today?date=${date ?? today}`];
    }
    case '/team':
      return only() ? [`/api/dashboards/team?weeks=${d.teamWeeks}`] : [];
    case '/executive':
      return only() ? [`/api/dashboards/executive?months=${d.executiveMonths}`] : [];
    case '/goals':
      return only()
        ? [
            `/api/goals?activeOn=${today}`,
            `/api/dashboards/return-on-visit?by=${d.rovBy}&windowMonths=${d.rovWindow}`,
          ]
        : [];
    default:
      return [];
  }
}
