// "Watch": be told (under the bell, and by e-mail if chosen) when someone else logs an activity
// with this physician, reports an issue about them, or an alert run finds them shifting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../../api/client';
import { Icon, useToast } from '../../ui';

type State = { watching: boolean; watchers: number };

export function WatchButton({ npi, name }: { npi: string; name: string }) {
  const qc = useQueryClient();
  const toast = useToast();
  const key = ['watches', npi];
  const state = useQuery({ queryKey: key, queryFn: () => api<State>(`/api/watches/${npi}`) });
  const set = useMutation({
    mutationFn: (watching: boolean) =>
      api<State>(`/api/watches/${npi}`, { method: 'PUT', body: { watching } }),
    onSuccess: (s) => {
      qc.setQueryData(key, s);
      qc.invalidateQueries({ queryKey: ['watches', 'mine'] });
      toast({
        tone: 'ok',
        title: s.watching ? `Watching ${name}` : `No longer watching ${name}`,
        detail: s.watching
          ? 'You will be told when others log activities, issues or alerts about them.'
          : undefined,
      });
    },
    onError: (e) => toast({ tone: 'danger', title: 'Not saved', detail: errorMessage(e) }),
  });
  const s = state.data;
  if (!s) return null;
  const others = s.watchers - (s.watching ? 1 : 0);
  return (
    <button
      type="button"
      className="btn"
      aria-pressed={s.watching}
      disabled={set.isPending}
      onClick={() => set.mutate(!s.watching)}
      title={
        others
          ? `${others} other ${others === 1 ? 'person watches' : 'people watch'} this physician`
          : undefined
      }
    >
      <Icon name="bell" size={16} /> {s.watching ? 'Watching' : 'Watch'}
    </button>
  );
}
