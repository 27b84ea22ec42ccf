// One user's administration: role, manager, disable/enable, reset password. Changing the role or
// disabling ends that user's sessions (the server does it; we say so).
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useResetPassword, useUpdateUser, useUsers } from '../../api/hooks';
import { ROLE_LABEL, type Role, type User } from '../../api/types';
import { Chip, Drawer, formatDateTime, Icon, SelectField, useToast } from '../../ui';
import { OneTimePassword } from './OneTimePassword';
import { managerOptions, roleOptions } from './userOptions';

export function ManageUserDrawer({
  user,
  meId,
  onClose,
}: {
  user: User | null;
  meId: number | null;
  onClose: () => void;
}) {
  const users = useUsers();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const toast = useToast();
  const [otp, setOtp] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const self = user?.id === meId;

  const close = () => {
    setOtp(null);
    setConfirmReset(false);
    reset.reset();
    onClose();
  };
  const fail = (e: unknown) => toast({ tone: 'danger', title: 'Not saved', detail: errorMessage(e) });
  const patch = (body: { role?: Role; disabled?: boolean; managerId?: number | null }, done: string) =>
    user &&
    update.mutate({ id: user.id, ...body }, { onSuccess: () => toast({ title: done }), onError: fail });

  return (
    <Drawer open={!!user} onClose={close} title={user?.name ?? ''}>
      {user ? (
        <div className="stack" style={{ gap: 20 }}>
          <dl className="props">
            <dt>E-mail</dt>
            <dd>{user.email}</dd>
            <dt>Status</dt>
            <dd>
              {user.disabled ? (
                <Chip tone="neutral">Disabled</Chip>
              ) : (
                <Chip tone="ok" dot>
                  Active
                </Chip>
              )}
            </dd>
            <dt>Added</dt>
            <dd>{formatDateTime(user.created_at)}</dd>
          </dl>

          <SelectField
            label="Role"
            value={user.role}
            options={roleOptions}
            disabled={self || update.isPending}
            hint={self ? 'You cannot change your own role.' : 'Changing the role signs them out everywhere.'}
            onChange={(e) =>
              patch(
                { role: e.target.value as Role },
                `${user.name} is now ${ROLE_LABEL[e.target.value as Role]}`,
              )
            }
          />
          <SelectField
            label="Manager"
            value={user.manager_id ? String(user.manager_id) : ''}
            options={managerOptions(users.data, user.id)}
            disabled={update.isPending}
            onChange={(e) =>
              patch(
                { managerId: e.target.value ? Number(e.target.value) : null },
                `Manager of ${user.name} updated`,
              )
            }
          />

          <section className="stack" style={{ gap: 8 }} aria-labelledby="pw-reset-h">
            <h3 id="pw-reset-h" style={{ fontSize: 'var(--fs-md)' }}>
              Password
            </h3>
            {otp ? (
              <OneTimePassword password={otp} email={user.email} />
            ) : confirmReset ? (
              <div className="callout callout-warn">
                <Icon name="alert" size={18} />
                <div className="stack" style={{ gap: 8 }}>
                  <span>Their current password stops working and they are signed out everywhere.</span>
                  <div className="row">
                    <button
                      type="button"
                      className="btn btn-primary"
                      disabled={reset.isPending}
                      onClick={() =>
                        reset.mutate(user.id, { onSuccess: (r) => setOtp(r.oneTimePassword), onError: fail })
                      }
                    >
                      Reset password
                    </button>
                    <button type="button" className="btn" onClick={() => setConfirmReset(false)}>
                      Cancel
                    </button>
                  </div>
                </div>
              </div>
            ) : (
              <div>
                <button type="button" className="btn" onClick={() => setConfirmReset(true)}>
                  <Icon name="key" size={16} /> Reset password…
                </button>
              </div>
            )}
          </section>

          <section className="stack" style={{ gap: 8 }} aria-labelledby="access-h">
            <h3 id="access-h" style={{ fontSize: 'var(--fs-md)' }}>
              Access
            </h3>
            <p className="muted">
              {user.disabled
                ? 'Disabled users cannot sign in. Their history and assignments are kept.'
                : 'Disabling signs them out and blocks sign-in; their history and assignments are kept.'}
            </p>
            <div>
              <button
                type="button"
                className={user.disabled ? 'btn' : 'btn btn-danger'}
                disabled={self || update.isPending}
                onClick={() =>
                  patch(
                    { disabled: !user.disabled },
                    `${user.name} ${user.disabled ? 'enabled' : 'disabled'}`,
                  )
                }
              >
                {user.disabled ? 'Enable user' : 'Disable user'}
              </button>
            </div>
          </section>
        </div>
      ) : null}
    </Drawer>
  );
}
