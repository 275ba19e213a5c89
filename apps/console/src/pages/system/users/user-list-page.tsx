import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { userListQuery } from '../../../api/users.ts';
import { USER_LIST_PATH } from './user-draft.ts';
import { UserTable } from './user-table.tsx';

export function userListLoader(queryClient: QueryClient) {
  return () => queryClient.ensureQueryData(userListQuery());
}

/** Everyone who may sign in to the console, with their role. */
export function UserListPage() {
  const users = useSuspenseQuery(userListQuery()).data.items;

  return (
    <section className="list-screen">
      <div className="list-toolbar">
        <span className="hint">
          Open a user to change their role, disable them, reset their password or delete them.
        </span>
        <Link className="button button--primary" to={`${USER_LIST_PATH}/new`}>Create...</Link>
      </div>
      <UserTable items={users} />
      <div className="list-footer">
        <span className="pager">{users.length} total</span>
      </div>
    </section>
  );
}
