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
      <button type="submit" className="button button--primary" disabled={isPending}>
        {isPending ? 'Saving…' : 'Finished'}
      </button>
    </div>
  );
}

type TEditButtonsProps = { isPending: boolean; isDeletable?: boolean; onDelete: () => void };

export function EditButtons({ isPending, isDeletable = true, onDelete }: TEditButtonsProps) {
  return (
    <div className="form-buttons">
      <button type="submit" className="button button--primary" disabled={isPending}>
        {isPending ? 'Saving…' : 'Update'}
      </button>
      {isDeletable && (
        <button type="button" className="button" onClick={onDelete} disabled={isPending}>
          Delete
        </button>
      )}
    </div>
  );
}
