// Tabs: in-page (buttons with roving arrow keys) or as links between routes (NavTabs).
import { type KeyboardEvent, useId } from 'react';
import { NavLink } from 'react-router-dom';

export function Tabs<T extends string>({
  tabs,
  value,
  onChange,
  label,
}: {
  tabs: { id: T; label: string; count?: number }[];
  value: T;
  onChange: (id: T) => void;
  label: string;
}) {
  const base = useId();
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === value);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    const t = tabs[(next + tabs.length) % tabs.length]!;
    onChange(t.id);
    document.getElementById(`${base}-${t.id}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKey}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={`${base}-${t.id}`}
          type="button"
          role="tab"
          className="tabs-item"
          aria-selected={t.id === value}
          tabIndex={t.id === value ? 0 : -1}
          onClick={() => onChange(t.id)}
        >
          {t.label}
          {t.count !== undefined ? <span className="chip">{t.count}</span> : null}
        </button>
      ))}
    </div>
  );
}

export function NavTabs({ tabs, label }: { tabs: { to: string; label: string }[]; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((t) => (
        <NavLink key={t.to} to={t.to} className="tabs-item" end>
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}
