// A physician whose referrals move to a competitor usually raises two alerts for the same service line:
// a drop in the share to our network and a rise in the share to competitors — one shift seen from both
// sides (the detector tests each on its own, docs/alerts.md). Every list of alerts a person reads (the
// Market inbox, Today, the phone) shows them as one entry, in words rather than the detector's codes.

/** Alerts grouped by `key` (physician × service line), in the order of each group's first alert; within a
 * group the drop comes first, then the rise. */
export function groupShifts<T extends { direction: string }>(
  items: readonly T[],
  key: (a: T) => string,
): T[][] {
  const groups = new Map<string, T[]>();
  for (const a of items) {
    const k = key(a);
    const g = groups.get(k);
    if (g) g.push(a);
    else groups.set(k, [a]);
  }
  return [...groups.values()].map((g) =>
    g.length > 1
      ? [...g].sort((x, y) => (x.direction === y.direction ? 0 : x.direction === 'drop' ? -1 : 1))
      : g,
  );
}

/** An alert's service line as people write it: "all service lines", "behavioral health". */
export const alertLineLabel = (line: string) =>
  line === 'all' ? 'all service lines' : line.replace(/_/g, ' ');

/** "fewer to us", "more to competitors" (and the rarer "more to us", "fewer to competitors"). */
export function shiftWords(a: { target: string; direction: string }): string {
  const amount = a.direction === 'drop' ? 'fewer' : 'more';
  return `${amount} to ${a.target === 'ours' ? 'us' : 'competitors'}`;
}

/** A group in words: "fewer to us, more to competitors". */
export function groupWords(g: readonly { target: string; direction: string }[]): string {
  return [...new Set(g.map(shiftWords))].join(', ');
}
