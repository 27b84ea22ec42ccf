// One timeline, newest first — a provider's or an organization's visits, calls, notes, tasks, issues
// and record changes (GET /api/timeline/…), as both profiles show it.
import { Chip, EmptyState, formatDateTime, SkeletonRows } from '../../ui';
import { useTimeline } from './crmApi';
import './crm.css';

export function TimelineList({
  kind,
  id,
  name,
}: {
  kind: 'providers' | 'organizations';
  id: string | number;
  name: string;
}) {
  const timeline = useTimeline(kind, id);
  if (timeline.isLoading) return <SkeletonRows rows={5} />;
  if (!timeline.data?.items.length)
    return (
      <EmptyState icon="today" title="Nothing logged yet">
        Log a visit or add a note; tasks, issues and record changes appear here too.
      </EmptyState>
    );
  return (
    <ol className="timeline" aria-label={`Timeline of ${name}`}>
      {timeline.data.items.map((i) => (
        <li key={i.id}>
          <span className="when">{formatDateTime(i.at)}</span>
          <div>
            <div className="cell-main">
              <Chip tone={i.kind === 'issue' ? 'warn' : i.kind === 'change' ? 'neutral' : 'info'}>
                {i.kind}
              </Chip>{' '}
              {i.title}
            </div>
            {i.detail ? <div className="what">{i.detail}</div> : null}
            {i.actor ? <div className="muted">{i.actor}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
