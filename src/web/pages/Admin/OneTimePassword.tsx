// A one-time password, shown exactly once, with a copy button and what to do with it.
import { CopyButton, Icon } from '../../ui';

export function OneTimePassword({ password, email }: { password: string; email: string }) {
  return (
    <div className="stack" style={{ gap: 10 }}>
      <div className="callout callout-warn">
        <Icon name="key" size={18} />
        <span>
          Shown only once. Give it to <strong>{email}</strong> in person or over a secure channel; they choose
          their own password at first sign-in.
        </span>
      </div>
      <div className="secret">
        <code data-testid="one-time-password">{password}</code>
        <CopyButton value={password} />
      </div>
    </div>
  );
}
