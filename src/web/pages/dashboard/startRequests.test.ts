// The server names a dashboard's data URLs in its HTML (server/lib/startHints.ts, from
// core/dashboards/startRequests.ts); the browser hands the preloaded answer only to a fetch of the very
// same URL. These are the URLs the page's own queries fetch, with their defaults.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dashboardStartRequests } from '../../../core/dashboards/startRequests';
import { DASHBOARD_DEFAULTS, dashboardQueries, isoToday } from './api';

async function fetched(run: () => Promise<unknown>) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  await run();
  return urls;
}

describe('dashboard start requests', () => {
  afterEach(() => vi.unstubAllGlobals());
  const d = DASHBOARD_DEFAULTS;
  const today = isoToday();
  const none = new URLSearchParams();

  it('are the URLs each dashboard query fetches with its defaults', async () => {
    expect(dashboardStartRequests('/team', none, today)).toEqual(
      await fetched(() => dashboardQueries.team(d.teamWeeks).queryFn()),
    );
    expect(dashboardStartRequests('/executive', none, today)).toEqual(
      await fetched(() => dashboardQueries.executive(d.executiveMonths, '').queryFn()),
    );
    expect(dashboardStartRequests('/goals', none, today)).toEqual(
      await fetched(async () => {
        await dashboardQueries.goals(today).queryFn();
        await dashboardQueries.returnOnVisit(d.rovBy, d.rovWindow).queryFn();
      }),
    );
    expect(dashboardStartRequests('/today', none, today)).toEqual(
      await fetched(() => dashboardQueries.today(today).queryFn()),
    );
    const date = new URLSearchParams({ date: '2026-03-02' });
    expect(dashboardStartRequests('/today', date, today)).toEqual(
      await fetched(() => dashboardQueries.today('2026-03-02').queryFn()),
    );
  });

  it('name nothing for other pages or parameters the defaults do not cover', () => {
    expect(dashboardStartRequests('/providers', none, today)).toEqual([]);
    expect(dashboardStartRequests('/team', new URLSearchParams({ weeks: '4' }), today)).toEqual([]);
    expect(dashboardStartRequests('/today', new URLSearchParams({ liaisonId: '3' }), today)).toEqual([]);
    expect(dashboardStartRequests('/today', new URLSearchParams({ date: '"><script>' }), today)).toEqual([]);
  });
});
