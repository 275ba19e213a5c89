type TSubmitButtonProps = { isPending: boolean; label: string; pendingLabel?: string };

/** The form's primary button; it rests while the request runs so one click saves once. */
export function SubmitButton({ isPending, label, pendingLabel = 'Saving…' }: TSubmitButtonProps) {
  return (
    <button type="submit" className="button button--primary" disabled={isPending}>
      {isPending ? pendingLabel : label}
    </button>
  );
}

/** Settings screens and one-off forms end with their submit button alone. */
export function SubmitButtons(props: TSubmitButtonProps) {
  return (
    <div className="form-buttons">
      <SubmitButton {...props} />
    </div>
  );
}

type TCreateButtonsProps = {
  isPending: boolean;
  onCancel: () => void;
  onRepeat: () => void;
};

/**
 * Create screens end with Cancel, Repeat (create and start another) and Finished
 * (create and go back); Finished is the form's submit button, so Enter finishes.
 */
export function CreateButtons({ isPending, onCancel, onRepeat }: TCreateButtonsProps) {
  return (
    <div className="form-buttons">
      <button type="button" className="button" onClick={onCancel} disabled={isPending}>
        Cancel
      </button>
      <button type="button" className="button" onClick={onRepeat} disabled={isPending}>
        Repeat
      </button>
      <SubmitButton isPending={isPending} label="Finished" />
    </div>
  );
}

type TEditButtonsProps = { isPending: boolean; isDeletable?: boolean; onDelete: () => void };

export function EditButtons({ isPending, isDeletable = true, onDelete }: TEditButtonsProps) {
  return (
    <div className="form-buttons">
      <SubmitButton isPending={isPending} label="Update" />
      {isDeletable && (
        <button type="button" className="button" onClick={onDelete} disabled={isPending}>
          Delete
        </button>
      )}
    </div>
  );
}
