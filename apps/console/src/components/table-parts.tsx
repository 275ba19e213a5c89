type TCheckAllProps = {
  ids: number[];
  selected: ReadonlySet<number>;
  onChange: (isChecked: boolean) => void;
};

/** The header check box that ticks every deletable row on the page. */
export function CheckAll({ ids, selected, onChange }: TCheckAllProps) {
  const isAll = ids.length > 0 && ids.every((id) => selected.has(id));

  return (
    <input
      type="checkbox"
      aria-label="Select all"
      checked={isAll}
      disabled={ids.length === 0}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

type TSelectCellProps = {
  item: { id: number; name: string };
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  // Rows that cannot be deleted (system objects) keep an empty cell.
  isSelectable?: boolean;
};

/** A row's check box cell, ticking it for the list's Delete. */
export function SelectCell({ item, selected, onToggle, isSelectable = true }: TSelectCellProps) {
  return (
    <td className="data-table__check">
      {isSelectable && (
        <input
          type="checkbox"
          aria-label={`Select ${item.name}`}
          checked={selected.has(item.id)}
          onChange={() => onToggle(item.id)}
        />
      )}
    </td>
  );
}

export function EmptyRow({ columns }: { columns: number }) {
  return (
    <tr className="data-table__empty">
      <td colSpan={columns}>No records to display.</td>
    </tr>
  );
}
