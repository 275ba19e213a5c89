import type { QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TPage } from '../api/api-fetch.ts';
import type { TPermission } from '../auth/permissions.ts';
import { useCan } from '../auth/use-session.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { DeleteFailures } from './delete-failures.tsx';
import { ErrorBanner, SuccessBanner } from './error-banner.tsx';
import { ListSearch } from './list-search.tsx';
import { Pager } from './pager.tsx';
import { PermissionFieldset } from './permission-fieldset.tsx';
import { useDeleteSelected, type TNamedObject } from './use-delete-selected.ts';
import { useSelection } from './use-selection.ts';

export type TTableSelection = {
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  onToggleAll: (ids: number[], isChecked: boolean) => void;
};

type TListScreenProps<T extends TNamedObject> = {
  noun: string;
  createTo: string;
  // What creating and deleting need; without it the list is only looked at.
  writePermission: TPermission;
  page: TPage<T>;
  // A failed live refresh: the table keeps the last good rows and says so.
  refreshError: unknown;
  remove: (id: number) => Promise<void>;
  // The detail query of a deleted object, forgotten so nothing refetches it.
  detailKey: (id: number) => QueryKey;
  renderTable: (selection: TTableSelection) => ReactNode;
};

/**
 * A list screen's frame: filter and Create... above the table; the check-box
 * Delete... with its confirm step and the pager below it.
 */
export function ListScreen<T extends TNamedObject>(props: TListScreenProps<T>) {
  const { noun, createTo, page, refreshError, renderTable } = props;
  const canWrite = useCan(props.writePermission);
  const [searchParams] = useSearchParams();
  const selection = useSelection();
  const [isConfirming, setIsConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const deletion = useDeleteSelected(props.remove, props.detailKey);
  const chosen = page.items.filter((item) => selection.selected.has(item.id));

  function confirmDelete() {
    setNotice(null);
    deletion.mutate(chosen, {
      onSuccess: (count) => setNotice(`Deleted ${count} ${noun}${count === 1 ? '' : 's'}.`),
      onSettled: () => {
        setIsConfirming(false);
        selection.clear();
      },
    });
  }

  return (
    <section className="list-screen">
      <div className="list-toolbar">
        {/* Keyed by the URL's filter, so the box follows Back and the nav links. */}
        <ListSearch key={searchParams.get('q') ?? ''} label={`Search ${noun}s by name`} />
        {canWrite && <Link className="button button--primary" to={createTo}>Create...</Link>}
      </div>
      <SuccessBanner message={notice} />
      <DeleteFailures error={deletion.error} />
      {refreshError ? (
        <ErrorBanner error={refreshError} title="Live status is not updating." />
      ) : null}
      {/* Without the right to delete, the check boxes go too (console.css). */}
      <PermissionFieldset permission={props.writePermission} hasNote={false}>
        {renderTable({
          selected: selection.selected,
          onToggle: selection.toggle,
          onToggleAll: selection.setAll,
        })}
      </PermissionFieldset>
      <div className="list-footer">
        {canWrite ? (
          <button
            type="button"
            className="button"
            disabled={chosen.length === 0}
            onClick={() => {
              deletion.reset();
              setIsConfirming(true);
            }}
          >
            Delete...
          </button>
        ) : (
          <span />
        )}
        <Pager total={page.total} page={page.page} perPage={page.perPage} />
      </div>
      <ConfirmDialog
        isOpen={isConfirming}
        title="Delete Confirmation"
        question={`Are you sure you want to delete the following ${noun}s?`}
        items={chosen.map((item) => item.name)}
        confirmLabel="Delete"
        isPending={deletion.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setIsConfirming(false)}
      />
    </section>
  );
}
