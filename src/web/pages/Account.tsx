// Your account: who you are signed in as, your role, how notifications reach you, and changing your password.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { useMe } from '../api/hooks';
import { type Me, ROLE_LABEL } from '../api/types';
import { Chip, Page, useToast } from '../ui';
import { ChangePasswordForm } from './ChangePasswordForm';
import { NotificationSettings } from './NotificationSettings';

export default function Account() {
  const me = useMe().data as Me;
  const toast = useToast();
  const { hash } = useLocation();
  const pwRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (hash === '#password') pwRef.current?.querySelector('input')?.focus();
  }, [hash]);
  return (
    <Page title="Your account" subtitle="Profile, notifications and sign-in">
      <div className="stack" style={{ maxWidth: 560, gap: 16 }}>
        <section className="card card-pad" aria-labelledby="profile-h">
          <h2 id="profile-h" style={{ fontSize: 'var(--fs-lg)', marginBottom: 12 }}>
            Profile
          </h2>
          <dl className="props">
            <dt>Name</dt>
            <dd>{me.name}</dd>
            <dt>E-mail</dt>
            <dd>{me.email}</dd>
            <dt>Role</dt>
            <dd>
              <Chip tone="accent">{ROLE_LABEL[me.role]}</Chip>
            </dd>
          </dl>
          <p className="muted" style={{ marginTop: 12 }}>
            An administrator changes names, roles and managers (Admin → Users).
          </p>
        </section>
        <NotificationSettings />
        <section className="card card-pad" id="password" ref={pwRef} aria-labelledby="pw-h">
          <h2 id="pw-h" style={{ fontSize: 'var(--fs-lg)', marginBottom: 12 }}>
            Change password
          </h2>
          <ChangePasswordForm
            onDone={() =>
              toast({ title: 'Password changed', detail: 'Your other sessions were signed out.' })
            }
          />
        </section>
      </div>
    </Page>
  );
}
