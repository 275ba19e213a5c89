import { useCallback, useState } from 'react';

/** Which rows of a list have their check box ticked. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());

  const toggle = useCallback((id: number) => {
    setSelected((current) => {
      const next = new Set(current);

      if (next.has(id)) next.delete(id);
      else next.add(id);

      return next;
    });
  }, []);

  const setAll = useCallback((ids: number[], isChecked: boolean) => {
    setSelected(isChecked ? new Set(ids) : new Set());
  }, []);

  const clear = useCallback(() => setSelected(new Set()), []);

  return { selected, toggle, setAll, clear };
}
