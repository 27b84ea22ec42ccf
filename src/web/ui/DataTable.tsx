// The table analysts live in: sortable headers, virtualized rows for long lists, arrow-key row
// navigation (Enter opens), phone-hidden columns, and an optional column chooser remembered per table.
import { elementScroll, useVirtualizer, type VirtualizerOptions } from '@tanstack/react-virtual';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { ColumnChooser, useVisibleColumns } from './ColumnChooser';
import { Icon } from './icons';

export type Column<T> = {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable. Nulls sort last. */
  sortValue?: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right';
  width?: number | string;
  hideOnPhone?: boolean;
  /** Column chooser: start hidden / never hideable. */
  defaultHidden?: boolean;
  alwaysVisible?: boolean;
};

export type Sort = { id: string; dir: 'asc' | 'desc' };
/** Rows ticked for a bulk action: a checkbox column first, its header ticking every row. */
export type Selection<T> = {
  selected: ReadonlySet<string | number>;
  onChange: (next: Set<string | number>) => void;
  /** the row's checkbox label, e.g. "Select Dr Alma Carl" (default "Select row n") */
  label?: (row: T) => string;
};
const VIRTUAL_FROM = 80;

/**
 * The scroll box's size from a ResizeObserver only. The virtualizer's default reads the box
 * (getBoundingClientRect) when it mounts, which forces a layout of the whole page — once per table, and
 * a dashboard has eight. Until the observer reports, the box's known max-height stands in (initialRect).
 */
const observeBoxSize: VirtualizerOptions<HTMLDivElement, Element>['observeElementRect'] = (instance, cb) => {
  const el = instance.scrollElement;
  if (!el) return;
  const ro = new ResizeObserver(([entry]) => {
    if (entry)
      cb({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
  });
  ro.observe(el);
  return () => ro.disconnect();
};

/**
 * Scrolls the box, except for the virtualizer's first call: on mount it scrolls a box that has not moved
 * to offset 0, and scrollTo forces a layout of the page just like a size read (≈ 70 % of a dashboard's
 * table time, measured).
 */
const mountedBoxes = new WeakSet<Element>();
const scrollBox: VirtualizerOptions<HTMLDivElement, Element>['scrollToFn'] = (offset, options, instance) => {
  const el = instance.scrollElement;
  if (el && !mountedBoxes.has(el)) {
    mountedBoxes.add(el);
    if (offset === 0) return;
  }
  elementScroll(offset, options, instance);
};

export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  onRowClick,
  initialSort,
  chooserKey,
  toolbar,
  empty,
  rowHeight = 44,
  maxHeight = 'calc(100dvh - 240px)',
  selectedKey,
  selection,
}: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  onRowClick?: (row: T) => void;
  initialSort?: Sort;
  /** Set to a stable id to offer the column chooser and remember the choice in localStorage. */
  chooserKey?: string;
  toolbar?: ReactNode;
  empty?: ReactNode;
  rowHeight?: number;
  maxHeight?: string;
  selectedKey?: string | number | null;
  selection?: Selection<T>;
}) {
  const [sort, setSort] = useState<Sort | undefined>(initialSort);
  const [visible, setVisible] = useVisibleColumns(chooserKey, columns);
  const shown = columns.filter((c) => visible.has(c.id));

  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.id === sort.id);
    if (!sort || !col?.sortValue) return rows;
    const key = col.sortValue;
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x == null || x === '') return y == null || y === '' ? 0 : 1;
      if (y == null || y === '') return -1;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
      return String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: 'base' }) * sign;
    });
  }, [rows, columns, sort]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // A compact table (a dashboard panel: a fixed max-height in px) renders only the rows its box shows
  // plus a few, as a long list does; a 48-row table in a 200 px panel built 48 rows to show 5.
  const boxPx = /^\d+px$/.test(maxHeight) ? Number.parseInt(maxHeight, 10) : null;
  const compact = boxPx !== null && sorted.length > Math.ceil(boxPx / rowHeight) + 8;
  const virtual = sorted.length >= VIRTUAL_FROM || compact;
  const virtualizer = useVirtualizer({
    enabled: virtual,
    count: virtual ? sorted.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: boxPx !== null ? 4 : 12,
    initialRect: { width: 0, height: boxPx ?? window.innerHeight },
    observeElementRect: observeBoxSize,
    scrollToFn: scrollBox,
  });
  const items = virtual
    ? virtualizer.getVirtualItems()
    : sorted.map((_, index) => ({ index, start: index * rowHeight, end: (index + 1) * rowHeight }));
  const padTop = virtual && items.length ? items[0]!.start : 0;
  const padBottom = virtual && items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${active}"]`)?.focus();
  });
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: sorted.length - 1,
      PageDown: active + 10,
      PageUp: active - 10,
    };
    if (e.key in moves) {
      e.preventDefault();
      const i = Math.max(0, Math.min(sorted.length - 1, moves[e.key]!));
      setActive(i);
      focusPending.current = true;
      if (virtual) virtualizer.scrollToIndex(i);
    } else if ((e.key === 'Enter' || e.key === ' ') && onRowClick && sorted[active]) {
      e.preventDefault();
      onRowClick(sorted[active]);
    }
  };

  const toggleSort = (id: string) =>
    setSort((s) => (s?.id === id ? { id, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { id, dir: 'asc' }));
  const colSpan = shown.length + (selection ? 1 : 0);
  const allTicked =
    !!selection && sorted.length > 0 && sorted.every((r) => selection.selected.has(rowKey(r)));
  const tick = (key: string | number, on: boolean) => {
    const next = new Set(selection!.selected);
    if (on) next.add(key);
    else next.delete(key);
    selection!.onChange(next);
  };

  return (
    <div className="dt-wrap">
      {toolbar || chooserKey ? (
        <div className="dt-toolbar">
          {toolbar}
          <span className="spacer" />
          {chooserKey ? <ColumnChooser columns={columns} visible={visible} onChange={setVisible} /> : null}
        </div>
      ) : null}
      <div
        className="dt-scroll"
        ref={scrollRef}
        style={{ ['--dt-max-h' as string]: maxHeight, ['--dt-row-h' as string]: `${rowHeight}px` }}
      >
        <table className="dt" aria-label={label} aria-rowcount={sorted.length + 1}>
          <thead>
            <tr>
              {selection ? (
                <th scope="col" className="dt-tick">
                  <input
                    type="checkbox"
                    aria-label={`Select all ${sorted.length} rows`}
                    checked={allTicked}
                    onChange={(e) =>
                      selection.onChange(e.target.checked ? new Set(sorted.map(rowKey)) : new Set())
                    }
                  />
                </th>
              ) : null}
              {shown.map((c) => {
                const dir = sort?.id === c.id ? sort.dir : undefined;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    className={`${c.align === 'right' ? 'num' : ''} ${c.hideOnPhone ? 'hide-phone' : ''}`}
                    style={{ width: c.width }}
                    aria-sort={dir ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {c.sortValue ? (
                      <button type="button" className="dt-sort" onClick={() => toggleSort(c.id)}>
                        {c.header}
                        <Icon
                          name={dir === 'asc' ? 'arrowUp' : dir === 'desc' ? 'arrowDown' : 'sort'}
                          size={12}
                        />
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody onKeyDown={onKey}>
            {padTop > 0 ? (
              <tr className="dt-spacer">
                <td colSpan={colSpan} style={{ height: padTop }} />
              </tr>
            ) : null}
            {items.map(({ index }) => {
              const row = sorted[index]!;
              const key = rowKey(row);
              return (
                <tr
                  key={key}
                  data-index={index}
                  aria-rowindex={index + 2}
                  className={`dt-row ${onRowClick ? 'dt-clickable' : ''}`}
                  tabIndex={index === Math.min(active, sorted.length - 1) ? 0 : -1}
                  aria-selected={selectedKey != null ? selectedKey === key : undefined}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                  onFocus={() => setActive(index)}
                >
                  {selection ? (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the click only keeps the row from opening; the checkbox has its own keys
                    <td className="dt-tick" onClick={(e) => e.stopPropagation()}>
                      <input
                        type="checkbox"
                        aria-label={selection.label?.(row) ?? `Select row ${index + 1}`}
                        checked={selection.selected.has(key)}
                        onChange={(e) => tick(key, e.target.checked)}
                      />
                    </td>
                  ) : null}
                  {shown.map((c) => (
                    <td
                      key={c.id}
                      className={`${c.align === 'right' ? 'num' : ''} ${c.hideOnPhone ? 'hide-phone' : ''}`}
                    >
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 ? (
              <tr className="dt-spacer">
                <td colSpan={colSpan} style={{ height: padBottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {sorted.length === 0 ? empty : null}
      </div>
    </div>
  );
}
