// Toasts: short confirmations and failures, announced to screen readers, dismissed after a while.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { Icon } from './icons';

type ToastTone = 'ok' | 'danger' | 'info';
type ToastItem = { id: number; tone: ToastTone; title: string; detail?: string };
type ToastFn = (t: { tone?: ToastTone; title: string; detail?: string; ms?: number }) => void;

const ToastContext = createContext<ToastFn>(() => {});
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const toast = useCallback<ToastFn>(
    ({ tone = 'ok', title, detail, ms }) => {
      const id = nextId++;
      setItems((xs) => [...xs.slice(-3), { id, tone, title, detail }]);
      setTimeout(() => dismiss(id), ms ?? (tone === 'danger' ? 8000 : 4000));
    },
    [dismiss],
  );
  const value = useMemo(() => toast, [toast]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite">
        {items.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`} role={t.tone === 'danger' ? 'alert' : 'status'}>
            <div className="spacer">
              <strong>{t.title}</strong>
              {t.detail ? <span className="muted">{t.detail}</span> : null}
            </div>
            <button
              type="button"
              className="btn btn-ghost btn-icon"
              onClick={() => dismiss(t.id)}
              aria-label="Dismiss"
            >
              <Icon name="close" size={16} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = () => useContext(ToastContext);
