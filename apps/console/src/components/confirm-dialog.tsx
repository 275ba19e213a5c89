import { useEffect, useRef } from 'react';

type TConfirmDialogProps = {
  isOpen: boolean;
  title: string;
  question: string;
  items: string[];
  confirmLabel: string;
  // What the confirm button says while the action runs.
  pendingLabel?: string;
  isPending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * The confirm step before a destructive action, as a modal <dialog> so focus stays
 * inside it and Escape cancels. It stays open while the action is pending.
 */
export function ConfirmDialog(props: TConfirmDialogProps) {
  const { isOpen, title, question, items, confirmLabel, isPending, onConfirm, onCancel } = props;
  const pendingLabel = props.pendingLabel ?? 'Deleting…';
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;

    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!isPending) onCancel();
      }}
    >
      <h2 id="confirm-dialog-title" className="confirm-dialog__title">{title}</h2>
      <p>{question}</p>
      <ul className="confirm-dialog__items">
        {items.map((item) => <li key={item}>{item}</li>)}
      </ul>
      <div className="form-buttons">
        <button type="button" className="button" onClick={onCancel} disabled={isPending}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={onConfirm}
          disabled={isPending}
        >
          {isPending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
