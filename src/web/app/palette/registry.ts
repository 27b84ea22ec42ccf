// The command palette's registry. Pages contribute in two ways:
//  - actions: `registerCommands([...])` at module level (always available, filtered by role), or
//    `useCommands([...])` inside a page (available while that page is shown);
//  - search providers: `registerSearchProvider({ id, group, search })` — called with the typed text,
//    returns items (e.g. providers by name/NPI). Navigation items come from routes.tsx automatically.
import { useEffect, useSyncExternalStore } from 'react';
import type { NavigateFunction } from 'react-router-dom';
import type { Role } from '../../api/types';
import type { IconName } from '../../ui/icons';

export type PaletteItem = {
  id: string;
  label: string;
  /** Heading the item is listed under, e.g. "Go to", "Actions", "Providers". */
  group: string;
  hint?: string;
  icon?: IconName;
  /** Extra words to match (NPI, ZIP, synonyms). */
  keywords?: string;
  roles?: readonly Role[];
  perform: (ctx: { navigate: NavigateFunction }) => void;
};

export type SearchProvider = {
  id: string;
  group: string;
  /** Don't call before this many characters (default 2). */
  minLength?: number;
  roles?: readonly Role[];
  search: (query: string, signal: AbortSignal) => Promise<PaletteItem[]>;
};

const commands = new Map<string, PaletteItem[]>();
const providers = new Map<string, SearchProvider>();
const listeners = new Set<() => void>();
let version = 0;
const changed = () => {
  version++;
  for (const l of listeners) l();
};

export function registerCommands(items: PaletteItem[], key = items.map((i) => i.id).join('|')) {
  commands.set(key, items);
  changed();
  return () => {
    commands.delete(key);
    changed();
  };
}

export function registerSearchProvider(p: SearchProvider) {
  providers.set(p.id, p);
  changed();
  return () => {
    providers.delete(p.id);
    changed();
  };
}

/** Page-scoped actions: registered while the calling component is mounted. Pass a stable array (useMemo). */
export function useCommands(items: PaletteItem[]) {
  useEffect(() => registerCommands(items), [items]);
}

let snapshot = { version: -1, commands: [] as PaletteItem[], providers: [] as SearchProvider[] };
function getSnapshot() {
  // One stable object per registry version, so consumers' effects don't re-run on every render.
  if (snapshot.version !== version)
    snapshot = { version, commands: [...commands.values()].flat(), providers: [...providers.values()] };
  return snapshot;
}

export function usePaletteRegistry() {
  return useSyncExternalStore((cb) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  }, getSnapshot);
}

/** Rank items by how well label/keywords match the query; non-matches are dropped. */
export function matchItems(items: PaletteItem[], query: string): PaletteItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return items;
  const scored: [number, PaletteItem][] = [];
  for (const item of items) {
    const label = item.label.toLowerCase();
    const hay = `${label} ${item.group.toLowerCase()} ${item.keywords?.toLowerCase() ?? ''}`;
    const words = q.split(/\s+/);
    if (!words.every((w) => hay.includes(w))) continue;
    const score = label.startsWith(q) ? 0 : label.split(/\s+/).some((w) => w.startsWith(q)) ? 1 : 2;
    scored.push([score, item]);
  }
  return scored.sort((a, b) => a[0] - b[0]).map(([, i]) => i);
}
