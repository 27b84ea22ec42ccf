// Gates the app: no session → sign-in (remembering where the user was going); a one-time password
// → the forced change-password page; otherwise the app.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../api/client';
import { useMe } from '../api/hooks';
import type { Role } from '../api/types';
import { EmptyState } from '../ui';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const loc = useLocation();
  if (me.isPending) return <div className="auth" aria-busy="true" />;
  if (me.isError)
    return (
      <div className="auth">
        <EmptyState
          icon="alert"
          title="Rounds is not reachable"
          action={
            <button type="button" className="btn" onClick={() => me.refetch()}>
              Try again
            </button>
          }
        >
          {errorMessage(me.error)}
        </EmptyState>
      </div>
    );
  if (!me.data) {
    const next = loc.pathname + loc.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.mustChangePassword && loc.pathname !== '/change-password')
    return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

/** Shown in place of a page the signed-in role may not open (links can be shared across roles). */
export function RoleGate({
  roles,
  role,
  children,
}: {
  roles: readonly Role[];
  role: Role;
  children: ReactNode;
}) {
  if (roles.includes(role)) return <>{children}</>;
  return (
    <EmptyState icon="lock" title="Not available for your role">
      This page is for {roles.join(', ')} users. Ask an administrator if you need access.
    </EmptyState>
  );
}
