// Optimistic concurrency: each editable record carries a version that every write bumps. A write
// that names an older version is refused (409) with the current record and the fields that
// changed since the version the client read, taken from the record's change history.

export type ChangeEntry = {
  version: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields whose values differ between two snapshots (only keys present in either). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !same(before[k], after[k])).sort();
}

/** Fields changed by writes after `sinceVersion` (history entries carry the version they produced). */
export function fieldsChangedSince(history: ChangeEntry[], sinceVersion: number): string[] {
  const out = new Set<string>();
  for (const h of history)
    if (h.version > sinceVersion) for (const f of changedFields(h.before, h.after)) out.add(f);
  return [...out].sort();
}

/** The subset of a patch that actually changes the record (so no-op writes do not bump versions). */
export function effectivePatch<T extends Record<string, unknown>>(current: T, patch: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(patch))
    if (v !== undefined && !same(current[k], v)) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Before/after snapshots limited to the fields a patch touches. */
export function snapshot(current: Record<string, unknown>, patch: Record<string, unknown>) {
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(patch)) before[k] = current[k] ?? null;
  return { before, after: { ...patch } };
}
