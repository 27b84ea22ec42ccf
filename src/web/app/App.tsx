// Router and providers. Public: /login. Signed in: /change-password (forced after a one-time
// password) and everything in routes.tsx inside the AppShell.
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { setUnauthorizedHandler } from '../api/client';
import { meKey, useMe } from '../api/hooks';
import type { Me } from '../api/types';
import { EmptyState, ToastProvider } from '../ui';
import { AppShell } from './AppShell';
import { homePath } from './nav';
import { queryClient } from './queryClient';
import { RequireAuth, RoleGate } from './RequireAuth';
import { routes } from './routes';

const Login = lazy(() => import('../pages/Login'));
const ChangePassword = lazy(() => import('../pages/ChangePassword'));

function Home() {
  const me = useMe().data as Me;
  return <Navigate to={homePath(me.role)} replace />;
}

function Routed({ route }: { route: (typeof routes)[number] }) {
  const me = useMe().data as Me;
  return (
    <RoleGate roles={route.roles} role={me.role}>
      {route.element}
    </RoleGate>
  );
}

const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense>
        <Login />
      </Suspense>
    ),
  },
  {
    path: '/change-password',
    element: (
      <RequireAuth>
        <Suspense>
          <ChangePassword />
        </Suspense>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      ...routes.map((r) => ({ path: r.path, element: <Routed route={r} /> })),
      {
        path: '*',
        element: (
          <EmptyState icon="search" title="Page not found">
            The address may be mistyped, or the page was moved. Use the navigation or press / to search.
          </EmptyState>
        ),
      },
    ],
  },
]);

// A 401 from any API call means the session ended (idle timeout, signed out elsewhere).
setUnauthorizedHandler(() => {
  queryClient.setQueryData(meKey, null);
  const { pathname, search } = window.location;
  if (pathname !== '/login')
    router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}
