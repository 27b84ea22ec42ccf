// A physician whose referrals move to a competitor usually raises two alerts for the same service line:
// a drop in the share to our network and a rise in the share to competitors — one shift seen from both
// sides (the detector tests each on its own, docs/alerts.md). The inbox shows them as one entry.
import type { Alert } from './api';

/** Alerts grouped by physician × service line, in the order of each group's first (most significant) alert. */
export function groupAlerts(items: readonly Alert[]): Alert[][] {
  const groups = new Map<string, Alert[]>();
  for (const a of items) {
    const key = `${a.referringNpi}|${a.serviceLine}`;
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  // within a group: the drop in ours first, then the rise to competitors
  return [...groups.values()].map((g) =>
    g.length > 1
      ? [...g].sort((x, y) => (x.direction === y.direction ? 0 : x.direction === 'drop' ? -1 : 1))
      : g,
  );
}

/** The group's start: its earliest alert's start month. */
export const groupStart = (g: readonly Alert[]) => g.map((a) => a.startMonth).sort()[0]!;

/** The group's strongest evidence: its smallest q-value. */
export const groupQ = (g: readonly Alert[]) => Math.min(...g.map((a) => a.qValue));
