// Sign in with e-mail and password. Errors say exactly what happened: wrong credentials, a locked
// account (until when), or too many attempts (how long to wait).
import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useLogin, useMe, useSystemInfo } from '../api/hooks';
import { Icon, TextField } from '../ui';
import { AuthCard } from './AuthCard';

/** Only same-app paths; never an external or protocol-relative URL. */
export const safeNext = (next: string | null) => (next && /^\/(?!\/)/.test(next) ? next : '/');

function explain(e: unknown): string {
  if (!(e instanceof ApiError)) return 'Sign-in failed. Please try again.';
  if (e.status === 401) return 'E-mail or password is wrong. Check both and try again.';
  if (e.status === 423) {
    const iso = e.detail.match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/)?.[0];
    const until = iso ? new Date(iso) : null;
    if (until) {
      const mins = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
      const at = until.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
      return `This account is locked after too many failed sign-ins. Try again after ${at} (about ${mins} min), or ask an administrator to reset your password.`;
    }
    return e.detail;
  }
  if (e.status === 429)
    return `Too many sign-in attempts. Wait ${e.retryAfter ? `${e.retryAfter} seconds` : 'a minute'} and try again.`;
  if (e.status === 400 && e.fieldMessage('email')) return 'Enter a valid e-mail address.';
  return e.detail;
}

export default function Login() {
  const me = useMe();
  const info = useSystemInfo();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  useEffect(() => {
    document.title = 'Sign in · Rounds';
  }, []);

  if (me.data && !login.isPending)
    return <Navigate to={me.data.mustChangePassword ? '/change-password' : next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (r) => navigate(r.user.mustChangePassword ? '/change-password' : next, { replace: true }),
      },
    );
  };
  const error = login.error ? explain(login.error) : null;
  return (
    <AuthCard title="Sign in" subtitle="Physician relationships and referral intelligence">
      <form className="stack" onSubmit={submit} noValidate>
        {error ? (
          <div className="callout callout-danger" role="alert">
            <Icon name="alert" size={18} />
            <span>{error}</span>
          </div>
        ) : null}
        <TextField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button
          type="submit"
          className="btn btn-primary btn-lg btn-block"
          disabled={login.isPending || !email || !password}
        >
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {info.data?.sso ? (
        <a
          className="btn btn-lg btn-block"
          href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(next)}`}
        >
          Sign in with SSO
        </a>
      ) : null}
      <p className="auth-foot">
        {info.data?.demo
          ? 'Demo market with synthetic data: the sign-in details are printed in the server log at first start.'
          : 'Forgot your password? Ask an administrator to reset it.'}
      </p>
    </AuthCard>
  );
}
