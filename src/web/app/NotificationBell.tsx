// The bell in the top bar: what others assigned to you and new alerts in your territory
// (commands/notifications.ts). Polled every minute and on focus; opening an entry marks it read
// and goes where it can be acted on. Offline it keeps the last list it had and says nothing more.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { Icon, relativeTime } from '../ui';
import { useDismiss } from '../ui/useDismiss';

type Item = {
  id: number;
  kind: string;
  title: string;
  detail: string;
  link: string;
  actorName: string | null;
  createdAt: string;
  read: boolean;
};
type Inbox = { items: Item[]; unread: number; more: boolean };

const PAGE = 20;

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const ref = useDismiss(open, setOpen);
  const qc = useQueryClient();
  const inbox = useQuery({
    queryKey: ['notifications', limit],
    queryFn: ({ signal }) => api<Inbox>('/api/notifications', { query: { limit }, signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const read = useMutation({
    mutationFn: (body: { ids: number[] } | { all: true }) =>
      api<{ unread: number }>('/api/notifications/read', { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];
  const badge = unread > 99 ? '99+' : String(unread);
  // the installed app's icon shows the unread count too, where the platform supports it
  useEffect(() => {
    const nav = navigator as Navigator & {
      setAppBadge?: (n: number) => Promise<void>;
      clearAppBadge?: () => Promise<void>;
    };
    (unread ? nav.setAppBadge?.(unread) : nav.clearAppBadge?.())?.catch(() => {});
  }, [unread]);
  return (
    <div className="menu notif" ref={ref}>
      <button
        type="button"
        className="btn btn-ghost btn-icon notif-button"
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        title="Notifications"
        onClick={() => setOpen(!open)}
      >
        <Icon name="bell" />
        {unread ? (
          <span className="notif-badge" aria-hidden="true" data-testid="notif-count">
            {badge}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="menu-panel notif-panel" role="dialog" aria-label="Notifications">
          <div className="notif-head">
            <strong>Notifications</strong>
            {unread ? (
              <button type="button" className="btn btn-ghost" onClick={() => read.mutate({ all: true })}>
                Mark all read
              </button>
            ) : null}
          </div>
          {inbox.error && !inbox.data ? (
            <p className="muted notif-empty">Notifications are not available right now.</p>
          ) : null}
          {inbox.data && items.length === 0 ? (
            <p className="muted notif-empty">
              Nothing yet. You hear here when someone assigns you a task, a physician issue or an alert, adds
              physicians to your book, or new shifting-referrer alerts appear in your territory.
            </p>
          ) : null}
          <ul className="notif-list">
            {items.map((n) => (
              <li key={n.id} className={n.read ? 'notif-item' : 'notif-item unread'}>
                <Link
                  to={n.link || '/'}
                  onClick={() => {
                    if (!n.read) read.mutate({ ids: [n.id] });
                    setOpen(false);
                  }}
                >
                  {n.read ? null : <span className="notif-dot" role="img" aria-label="unread" />}
                  <span className="notif-title">{n.title}</span>
                  {n.detail ? <span className="notif-detail">{n.detail}</span> : null}
                  <span className="notif-when">{relativeTime(n.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
          {inbox.data?.more && limit < 100 ? (
            <button type="button" className="btn btn-ghost notif-more" onClick={() => setLimit(limit + PAGE)}>
              Show older
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
