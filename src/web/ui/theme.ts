// Light/dark theme: the OS preference by default, a manual choice remembered in localStorage.
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'rounds.theme';
let mql: MediaQueryList | null = null;
const media = () => {
  mql ??= window.matchMedia('(prefers-color-scheme: dark)');
  return mql;
};
const listeners = new Set<() => void>();
// The theme in effect and the custom properties read under it: charts and maps read both on every
// render, and each fresh read asked localStorage, evaluated the media query, or forced a style recalc.
let applied: Theme | null = null;
const vars = new Map<string, string>();

function stored(): Theme | null {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : null;
}

export function currentTheme(): Theme {
  return stored() ?? (media().matches ? 'dark' : 'light');
}

export function applyTheme() {
  applied = currentTheme();
  vars.clear();
  document.documentElement.dataset.theme = applied;
  for (const l of listeners) l();
}

export function setTheme(t: Theme) {
  localStorage.setItem(KEY, t);
  applyTheme();
}

/** Call once at start-up: applies the theme and follows OS changes while no manual choice is stored. */
export function initTheme() {
  applyTheme();
  media().addEventListener('change', () => {
    if (!stored()) applyTheme();
  });
}

export function useTheme(): Theme {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => applied ?? currentTheme(),
    () => 'light',
  );
}

/** A CSS custom property's current value (for canvas libraries that need real colors). */
export function cssVar(name: string): string {
  const known = vars.get(name);
  if (known !== undefined) return known;
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  // Only a value the stylesheet gave is kept (read before the stylesheet applied, it is empty).
  if (v) vars.set(name, v);
  return v;
}
