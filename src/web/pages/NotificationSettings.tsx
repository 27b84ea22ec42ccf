// Your account → Notifications: how notices reach you besides the bell — by e-mail at once, in a daily
// digest, or never — and whether this server sends e-mail at all (an administrator sets SMTP_URL).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../api/client';
import { useToast } from '../ui';

type Settings = { email: 'immediate' | 'daily' | 'off'; mailConfigured: boolean; digestHour: number };

const hourText = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function NotificationSettings() {
  const toast = useToast();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: ['notifications', 'settings'],
    queryFn: () => api<Settings>('/api/notifications/settings'),
  });
  const save = useMutation({
    mutationFn: (email: Settings['email']) =>
      api<Settings>('/api/notifications/settings', { method: 'PUT', body: { email } }),
    // the choice shows at once; a refused save puts the one stored back
    onMutate: (email) => {
      const before = qc.getQueryData<Settings>(['notifications', 'settings']);
      if (before) qc.setQueryData(['notifications', 'settings'], { ...before, email });
      return before;
    },
    onSuccess: (s) => {
      qc.setQueryData(['notifications', 'settings'], s);
      toast({ tone: 'ok', title: 'Saved' });
    },
    onError: (e, _email, before) => {
      if (before) qc.setQueryData(['notifications', 'settings'], before);
      toast({ tone: 'danger', title: 'Not saved', detail: errorMessage(e) });
    },
  });
  const s = settings.data;
  const options: { value: Settings['email']; label: string }[] = [
    { value: 'immediate', label: 'By e-mail as they come' },
    { value: 'daily', label: `By e-mail, one digest a day after ${hourText(s?.digestHour ?? 7)}` },
    { value: 'off', label: 'Only here, under the bell' },
  ];
  return (
    <section className="card card-pad" id="notifications" aria-labelledby="notif-h">
      <h2 id="notif-h" style={{ fontSize: 'var(--fs-lg)', marginBottom: 12 }}>
        Notifications
      </h2>
      <p className="muted" style={{ marginTop: 0 }}>
        You are told when someone assigns you a task, a physician issue or an alert, puts physicians into your
        book, sets your goals, resolves an issue you reported, and when new shifting-referrer alerts appear in
        your territory. They are always under the bell at the top.
      </p>
      {s ? (
        <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0, gap: 8 }}>
          <legend className="field-label">Also send them to your e-mail</legend>
          {options.map((o) => (
            <label key={o.value} className="checkbox">
              <input
                type="radio"
                name="email-notifications"
                value={o.value}
                checked={s.email === o.value}
                disabled={save.isPending}
                onChange={() => save.mutate(o.value)}
              />{' '}
              {o.label}
            </label>
          ))}
          {s.mailConfigured ? null : (
            <p className="callout" role="note">
              This server sends no e-mail yet: an administrator sets SMTP_URL (and PUBLIC_URL) to turn it on.
              Your choice is kept for then.
            </p>
          )}
        </fieldset>
      ) : settings.error ? (
        <p role="status">{errorMessage(settings.error)}</p>
      ) : null}
    </section>
  );
}
