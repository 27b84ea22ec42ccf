// A record a link asks a list page to open (a notification's `/tasks?task=12`): its id from the
// address bar, and a way to let it go once the user has closed it (the page's filters stay).
import { useSearchParams } from 'react-router-dom';

export function useFocusParam(name: string): [number | null, () => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const id = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  const clear = () =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.delete(name);
        return next;
      },
      { replace: true },
    );
  return [id, clear];
}
