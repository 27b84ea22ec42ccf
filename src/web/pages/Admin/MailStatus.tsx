// Admin → Users: whether this server e-mails notifications, through which SMTP server (never its
// password), and what waits or fails — so a broken mail setup is seen here, not by users who miss mail.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

type Status = {
  configured: boolean;
  server: string | null;
  from: string | null;
  digestHour: number;
  waiting: number;
  failing: number;
  gaveUp: number;
  lastError: string | null;
};

export function MailStatus() {
  const s = useQuery({
    queryKey: ['notifications', 'mail'],
    queryFn: () => api<Status>('/api/notifications/mail'),
  }).data;
  if (!s) return null;
  if (!s.configured)
    return (
      <p className="callout" role="note" aria-label="Notification e-mail">
        Notifications stay under the bell: this server sends no e-mail. Set SMTP_URL and PUBLIC_URL to send
        them (each user chooses immediately, a daily digest or never).
      </p>
    );
  const trouble = s.failing > 0 || s.gaveUp > 0;
  return (
    <p className={`callout${trouble ? ' callout-warn' : ''}`} role="note" aria-label="Notification e-mail">
      Notification e-mail through {s.server} from {s.from}; digests after{' '}
      {String(s.digestHour).padStart(2, '0')}
      :00. {s.waiting} waiting{s.failing ? `, ${s.failing} failing` : ''}
      {s.gaveUp ? `, ${s.gaveUp} given up after 5 tries` : ''}.
      {trouble && s.lastError ? ` Last error: ${s.lastError}` : ''}
    </p>
  );
}
