// Forced after signing in with a one-time password: choose your own before using the app.
import { useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../api/hooks';
import { useToast } from '../ui';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';

export default function ChangePassword() {
  const me = useMe().data;
  const navigate = useNavigate();
  const toast = useToast();
  const logout = useLogout();
  return (
    <AuthCard
      title="Choose your password"
      subtitle={`You signed in${me ? ` as ${me.email}` : ''} with a one-time password. Set your own to continue.`}
    >
      <div style={{ marginTop: 20 }}>
        <ChangePasswordForm
          submitLabel="Set password and continue"
          onDone={() => {
            toast({ title: 'Password changed', detail: 'Your other sessions were signed out.' });
            navigate('/', { replace: true });
          }}
        />
      </div>
      <p className="auth-foot">
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          Sign out instead
        </button>
      </p>
    </AuthCard>
  );
}
