// Modal and Drawer on the native <dialog>: focus is trapped, Esc closes, the page behind is inert.
// On a phone both become bottom sheets.
import { type ReactNode, useEffect, useRef } from 'react';
import { Icon } from './icons';

type Props = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
};

function DialogBase({ open, onClose, title, children, footer, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Esc closes natively; onClick handles backdrop clicks only
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose(); // click on the backdrop
      }}
      aria-label={typeof title === 'string' ? title : undefined}
    >
      {open ? (
        <div className="dialog-inner">
          <div className="dialog-head">
            <h2>{title}</h2>
            <span className="spacer" />
            <button type="button" className="btn btn-ghost btn-icon" onClick={onClose} aria-label="Close">
              <Icon name="close" />
            </button>
          </div>
          <div className="dialog-body">{children}</div>
          {footer ? <div className="dialog-foot">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}

export function Modal(props: Props) {
  return <DialogBase {...props} />;
}

export function Drawer(props: Props) {
  return <DialogBase {...props} className={`drawer ${props.className ?? ''}`} />;
}
