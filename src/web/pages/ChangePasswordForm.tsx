// Change your own password: current, new, confirm. Shows the server's policy message when the new
// password is refused (length, breached pattern, contains your name, ...).
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { useChangePassword, useMe } from '../api/hooks';
import { Icon, TextField } from '../ui';

export function ChangePasswordForm({
  onDone,
  submitLabel = 'Change password',
}: {
  onDone: () => void;
  submitLabel?: string;
}) {
  const change = useChangePassword();
  const email = useMe().data?.email ?? '';
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const err = change.error instanceof ApiError ? change.error : null;
  const currentError = err?.fieldMessage('currentPassword') ? 'Current password is wrong' : undefined;
  const newError = err?.fieldMessage('newPassword');
  const otherError =
    change.error && !currentError && !newError ? (err?.detail ?? 'Could not change the password') : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          onDone();
        },
      },
    );
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      {otherError ? (
        <div className="callout callout-danger" role="alert">
          <Icon name="alert" size={18} /> <span>{otherError}</span>
        </div>
      ) : null}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={currentError}
        required
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        hint="At least 12 characters; not a common password, a keyboard run, or your name or e-mail."
        error={newError}
        required
      />
      <TextField
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={mismatch ? 'The two new passwords differ' : undefined}
        required
      />
      <button
        type="submit"
        className="btn btn-primary btn-lg"
        disabled={change.isPending || !current || !next || !confirm}
      >
        {change.isPending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
