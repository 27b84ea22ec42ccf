// Add a user: name, e-mail, role, manager; a one-time password is generated (shown once) unless
// the admin sets one.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { useAddUser, useUsers } from '../../api/hooks';
import type { Role, User } from '../../api/types';
import { Icon, Modal, SelectField, TextField } from '../../ui';
import { OneTimePassword } from './OneTimePassword';
import { managerOptions, roleOptions } from './userOptions';

export function AddUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const users = useUsers();
  const add = useAddUser();
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'liaison' as Role,
    managerId: '',
    password: '',
  });
  const [setOwn, setSetOwn] = useState(false);
  const [created, setCreated] = useState<{ user: User; oneTimePassword: string | null } | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });

  const reset = () => {
    setForm({ name: '', email: '', role: 'liaison', managerId: '', password: '' });
    setSetOwn(false);
    setCreated(null);
    add.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        name: form.name.trim(),
        email: form.email.trim(),
        role: form.role,
        managerId: form.managerId ? Number(form.managerId) : null,
        ...(setOwn ? { password: form.password } : {}),
      },
      { onSuccess: setCreated },
    );
  };
  const err = add.error instanceof ApiError ? add.error : null;
  const fieldErr = (f: string) => err?.fieldMessage(f);
  const general = err && !['name', 'email', 'role', 'password'].some((f) => fieldErr(f)) ? err.detail : null;

  if (created)
    return (
      <Modal
        open={open}
        onClose={close}
        title={`${created.user.name} was added`}
        footer={
          <>
            <button type="button" className="btn" onClick={reset}>
              Add another
            </button>
            <button type="button" className="btn btn-primary" onClick={close}>
              Done
            </button>
          </>
        }
      >
        {created.oneTimePassword ? (
          <OneTimePassword password={created.oneTimePassword} email={created.user.email} />
        ) : (
          <p>They can sign in as {created.user.email} with the password you set.</p>
        )}
      </Modal>
    );

  return (
    <Modal
      open={open}
      onClose={close}
      title="Add user"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" form="add-user" className="btn btn-primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add user'}
          </button>
        </>
      }
    >
      <form id="add-user" className="stack" onSubmit={submit} noValidate>
        {general ? (
          <div className="callout callout-danger" role="alert">
            <Icon name="alert" size={18} /> <span>{general}</span>
          </div>
        ) : null}
        <TextField
          label="Full name"
          value={form.name}
          onChange={set('name')}
          error={fieldErr('name')}
          required
          autoComplete="off"
        />
        <TextField
          label="E-mail"
          type="email"
          value={form.email}
          onChange={set('email')}
          error={fieldErr('email')}
          required
          autoComplete="off"
        />
        <div className="row" style={{ gap: 12, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <div style={{ flex: '1 1 160px' }}>
            <SelectField
              label="Role"
              value={form.role}
              onChange={set('role')}
              options={roleOptions}
              error={fieldErr('role')}
            />
          </div>
          <div style={{ flex: '1 1 160px' }}>
            <SelectField
              label="Manager"
              value={form.managerId}
              onChange={set('managerId')}
              options={managerOptions(users.data)}
            />
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={setOwn} onChange={(e) => setSetOwn(e.target.checked)} />
          Set a password myself (otherwise a one-time password is generated)
        </label>
        {setOwn ? (
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            error={fieldErr('password')}
            hint="At least 12 characters. They will not be asked to change it."
          />
        ) : null}
      </form>
    </Modal>
  );
}
