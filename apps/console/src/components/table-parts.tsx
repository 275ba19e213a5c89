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

export function EmptyRow({ columns }: { columns: number }) {
  return (
    <tr className="data-table__empty">
      <td colSpan={columns}>No records to display.</td>
    </tr>
  );
}
