// Imported first by main.tsx, so it runs before React's own code is evaluated (≈ 150–300 ms of the
// first load on a 2-core machine): asks who is signed in and the system info every screen shows and,
// opened on a dashboard, fetches the page's code and data — the network works while the browser
// evaluates React instead of after.
import { meQuery, systemInfoQuery } from '../api/hooks';
import { queryClient } from './queryClient';
import { preloadStartPage } from './routes';

void queryClient.prefetchQuery(meQuery);
// The sign-in page's code too (everyone passes through it; the router would ask for it only after React).
if (window.location.pathname === '/login') void import('../pages/Login').catch(() => {});
void queryClient.prefetchQuery(systemInfoQuery);
preloadStartPage(window.location, queryClient);
