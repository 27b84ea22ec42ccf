// Which columns a table shows; the choice is remembered per table in localStorage.
import { useState } from 'react';
import type { Column } from './DataTable';
import { Icon } from './icons';
import { useDismiss } from './useDismiss';

export function useVisibleColumns<T>(key: string | undefined, columns: Column<T>[]) {
  const storageKey = key ? `rounds.columns.${key}` : null;
  const [visible, setVisible] = useState<Set<string>>(() => {
    const saved = storageKey ? localStorage.getItem(storageKey) : null;
    if (saved) {
      try {
        const stored = JSON.parse(saved) as string[] | { hidden: string[] };
        // {hidden}: what the user hid, so columns added since (or shown only for some searches) appear;
        // an array is the older form, the columns that were shown
        const shown = Array.isArray(stored)
          ? (c: Column<T>) => stored.includes(c.id)
          : (c: Column<T>) => !stored.hidden.includes(c.id);
        return new Set(columns.filter((c) => c.alwaysVisible || shown(c)).map((c) => c.id));
      } catch {
        // fall through to defaults
      }
    }
    return new Set(columns.filter((c) => !c.defaultHidden).map((c) => c.id));
  });
  const update = (next: Set<string>) => {
    setVisible(next);
    if (storageKey)
      localStorage.setItem(
        storageKey,
        JSON.stringify({ hidden: columns.filter((c) => !next.has(c.id)).map((c) => c.id) }),
      );
  };
  return [visible, update] as const;
}

export function ColumnChooser<T>({
  columns,
  visible,
  onChange,
}: {
  columns: Column<T>[];
  visible: Set<string>;
  onChange: (v: Set<string>) => void;
}) {
  const [open, setOpen] = useState(false);
  const ref = useDismiss(open, setOpen);
  return (
    <div className="menu" ref={ref}>
      <button type="button" className="btn btn-ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="columns" size={16} /> Columns
      </button>
      {open ? (
        <fieldset className="menu-panel" style={{ margin: 0 }}>
          <legend className="sr-only">Visible columns</legend>
          {columns.map((c) => (
            <label key={c.id} className="checkbox menu-item">
              <input
                type="checkbox"
                checked={visible.has(c.id)}
                disabled={c.alwaysVisible}
                onChange={(e) => {
                  const next = new Set(visible);
                  if (e.target.checked) next.add(c.id);
                  else next.delete(c.id);
                  onChange(next);
                }}
              />
              {c.header}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
