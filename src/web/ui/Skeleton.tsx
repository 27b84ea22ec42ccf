// Placeholders with the shape of the content that is loading (no spinners for lists).
export function Skeleton({
  width = '100%',
  height = 14,
}: {
  width?: number | string;
  height?: number | string;
}) {
  return <span className="skel" style={{ width, height }} aria-hidden="true" />;
}

export function SkeletonRows({ rows = 8, columns = 4 }: { rows?: number; columns?: number }) {
  return (
    <div className="dt-wrap">
      <span className="sr-only" role="status">
        Loading…
      </span>
      {Array.from({ length: rows }, (_, r) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
          key={r}
          className="row"
          style={{ height: 44, padding: '0 12px', gap: 24, borderBottom: '1px solid var(--border)' }}
        >
          {Array.from({ length: columns }, (_, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder cells
            <Skeleton key={c} width={c === 0 ? '28%' : `${12 + ((r + c) % 3) * 4}%`} height={12} />
          ))}
        </div>
      ))}
    </div>
  );
}
