// Copies a value to the clipboard and says so (falls back to selecting text where the API is missing).
import { useState } from 'react';
import { Icon } from './icons';

export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Insecure origins (plain http on a LAN) have no clipboard API; fall back to execCommand.
      const ta = document.createElement('textarea');
      ta.value = value;
      document.body.appendChild(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    setDone(true);
    setTimeout(() => setDone(false), 2000);
  };
  return (
    <button type="button" className="btn" onClick={copy} aria-live="polite">
      <Icon name={done ? 'check' : 'copy'} size={16} />
      {done ? 'Copied' : label}
    </button>
  );
}
