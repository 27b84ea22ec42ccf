// Light/dark theme: the OS preference by default, a manual choice remembered in localStorage.
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'rounds.theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

function stored(): Theme | null {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : null;
}

export function currentTheme(): Theme {
  return stored() ?? (media().matches ? 'dark' : 'light');
}

export function applyTheme() {
  document.documentElement.dataset.theme = currentTheme();
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
    currentTheme,
    () => 'light',
  );
}

/** A CSS custom property's current value (for canvas libraries that need real colors). */
export const cssVar = (name: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim();
