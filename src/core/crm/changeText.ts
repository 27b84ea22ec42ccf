// A record change as a timeline line: "network status: independent → competitor" where the values are
// short enough to read, "notes changed" where they are not. From the audit trail's before/after.

const SHORT = 40;
const shown = (v: unknown): string | null => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v.length <= SHORT ? v : null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
};

export function changeText(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  ignore: readonly string[] = ['version', 'updated_at'],
): string {
  const fields = Object.keys(after ?? {}).filter((k) => !ignore.includes(k));
  if (!fields.length) return '';
  return fields
    .map((k) => {
      const label = k.replace(/_/g, ' ');
      const from = shown(before?.[k]);
      const to = shown(after?.[k]);
      return before && k in before && from !== null && to !== null
        ? `${label}: ${from} → ${to}`
        : `${label} changed`;
    })
    .join('; ');
}
