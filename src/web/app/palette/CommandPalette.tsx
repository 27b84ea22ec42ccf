// ⌘K / Ctrl+K or "/" opens it: type to filter navigation and actions; search providers add live
// results (debounced, cancelled when the text changes). Arrow keys move, Enter runs, Esc closes.
import { Fragment, type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Role } from '../../api/types';
import { Icon } from '../../ui/icons';
import { matchItems, type PaletteItem, usePaletteRegistry } from './registry';

const allowed = (roles: readonly Role[] | undefined, role: Role) => !roles || roles.includes(role);

export function CommandPalette({
  open,
  onClose,
  baseItems,
  role,
}: {
  open: boolean;
  onClose: () => void;
  baseItems: PaletteItem[];
  role: Role;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [remote, setRemote] = useState<{ items: PaletteItem[]; loading: boolean }>({
    items: [],
    loading: false,
  });
  const { commands, providers } = usePaletteRegistry();

  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) {
      setQuery('');
      setActive(0);
      d.showModal();
    }
    if (!open && d?.open) d.close();
  }, [open]);

  // Live search through registered providers.
  useEffect(() => {
    const q = query.trim();
    const usable = providers.filter((p) => allowed(p.roles, role) && q.length >= (p.minLength ?? 2));
    if (!usable.length) {
      setRemote({ items: [], loading: false });
      return;
    }
    const ctl = new AbortController();
    setRemote((r) => ({ ...r, loading: true }));
    const t = setTimeout(async () => {
      const results = await Promise.all(
        usable.map((p) => p.search(q, ctl.signal).catch(() => [] as PaletteItem[])),
      );
      if (!ctl.signal.aborted) setRemote({ items: results.flat(), loading: false });
    }, 150);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [query, providers, role]);

  const items = useMemo(() => {
    const local = matchItems(
      [...baseItems, ...commands].filter((c) => allowed(c.roles, role)),
      query,
    );
    return [...local, ...remote.items].slice(0, 60);
  }, [baseItems, commands, role, query, remote.items]);

  const run = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    item.perform({ navigate });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = items.length || 1;
      const next = (active + (e.key === 'ArrowDown' ? 1 : -1) + n) % n;
      setActive(next);
      document.getElementById(`${listId}-${next}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(items[active]);
    }
  };

  let lastGroup = '';
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Esc closes natively; onClick handles backdrop clicks only
    <dialog
      ref={ref}
      className="dialog palette"
      aria-label="Command palette"
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
    >
      {open ? (
        <>
          <div className="palette-input">
            <Icon name="search" />
            <input
              autoFocus
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onKey}
              placeholder="Search or jump to…"
              aria-label="Search or jump to"
              role="combobox"
              aria-expanded="true"
              aria-controls={listId}
              aria-activedescendant={items[active] ? `${listId}-${active}` : undefined}
            />
            <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label="Close">
              <Icon name="close" />
            </button>
          </div>
          <div className="palette-list" id={listId} role="listbox" aria-label="Results">
            {items.map((item, i) => {
              const head = item.group !== lastGroup ? item.group : null;
              lastGroup = item.group;
              return (
                <Fragment key={`${item.group}:${item.id}`}>
                  {head ? (
                    <div className="palette-group" aria-hidden="true">
                      {head}
                    </div>
                  ) : null}
                  {/* biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled by the combobox input */}
                  <div
                    id={`${listId}-${i}`}
                    role="option"
                    tabIndex={-1}
                    aria-selected={i === active}
                    className="palette-item"
                    onMouseMove={() => setActive(i)}
                    onClick={() => run(item)}
                  >
                    {item.icon ? <Icon name={item.icon} size={16} /> : null}
                    <span>{item.label}</span>
                    {item.hint ? <span className="hint">{item.hint}</span> : null}
                  </div>
                </Fragment>
              );
            })}
          </div>
          {!items.length ? (
            <p className="palette-group" role="status">
              {remote.loading ? 'Searching…' : `Nothing matches “${query}”`}
            </p>
          ) : null}
          <div className="palette-foot">
            <span>
              <kbd>↑</kbd> <kbd>↓</kbd> move
            </span>
            <span>
              <kbd>Enter</kbd> open
            </span>
            <span>
              <kbd>Esc</kbd> close
            </span>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

/** Opens the palette on ⌘K / Ctrl+K anywhere, or "/" when not typing in a field. */
export function usePaletteShortcut(openPalette: () => void) {
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (
        (e.key === 'k' && (e.metaKey || e.ctrlKey)) ||
        (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey)
      ) {
        e.preventDefault();
        openPalette();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openPalette]);
}
