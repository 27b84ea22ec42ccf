// Name, role, account, change password, theme and sign-out — all reachable by touch and keyboard.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useLogout } from '../api/hooks';
import { type Me, ROLE_LABEL } from '../api/types';
import { Icon } from '../ui';
import { setTheme, useTheme } from '../ui/theme';
import { useDismiss } from '../ui/useDismiss';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

export function ThemeToggle() {
  const theme = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="btn btn-ghost btn-icon"
      onClick={() => setTheme(next)}
      aria-label={`Switch to ${next} mode`}
      title={`Switch to ${next} mode`}
    >
      <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
    </button>
  );
}

export function UserMenu({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const ref = useDismiss(open, setOpen);
  const logout = useLogout();
  const navigate = useNavigate();
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="btn btn-ghost"
        aria-expanded={open}
        aria-haspopup="menu"
        aria-label={`Account menu for ${me.name}`}
        onClick={() => setOpen(!open)}
        style={{ paddingLeft: 4 }}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <span className="hide-phone-inline">{me.name.split(' ')[0]}</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open ? (
        <div className="menu-panel" role="menu">
          <div className="menu-head">
            <strong>{me.name}</strong>
            <div className="muted">{me.email}</div>
            <span className="chip tone-accent" style={{ marginTop: 6 }}>
              {ROLE_LABEL[me.role]}
            </span>
          </div>
          <Link role="menuitem" className="menu-item" to="/account" onClick={() => setOpen(false)}>
            <Icon name="user" size={16} /> Your account
          </Link>
          <Link role="menuitem" className="menu-item" to="/account#password" onClick={() => setOpen(false)}>
            <Icon name="key" size={16} /> Change password
          </Link>
          <button role="menuitem" type="button" className="menu-item" onClick={signOut}>
            <Icon name="logout" size={16} /> Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
