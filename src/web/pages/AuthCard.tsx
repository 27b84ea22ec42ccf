// The centered card used by the sign-in and forced password-change screens.
import type { ReactNode } from 'react';
import { ThemeToggle } from '../app/UserMenu';

export function AuthCard({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="auth">
      <div style={{ position: 'fixed', top: 12, right: 12 }}>
        <ThemeToggle />
      </div>
      <div className="card auth-card">
        <div className="row" style={{ gap: 10 }}>
          <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="8" fill="var(--accent)" />
            <circle cx="16" cy="16" r="8.5" fill="none" stroke="var(--on-accent)" strokeWidth="3" />
            <circle cx="16" cy="7.5" r="3" fill="var(--on-accent)" />
          </svg>
          <span style={{ fontWeight: 700, fontSize: '1.15rem', letterSpacing: '-0.02em' }}>Rounds</span>
        </div>
        <h1>{title}</h1>
        {subtitle ? <p className="muted">{subtitle}</p> : null}
        {children}
      </div>
    </main>
  );
}
