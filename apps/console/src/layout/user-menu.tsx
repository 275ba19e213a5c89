import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { sessionKeys, signOut, type TSessionUser } from '../api/auth.ts';
import { ROLE_LABELS } from '../auth/permissions.ts';
import { setCsrfToken } from '../auth/session-state.ts';
import { SIGN_IN_PATH } from '../auth/sign-in-path.ts';
import { API_TOKENS_PATH, CHANGE_PASSWORD_PATH } from '../pages/account/account-paths.ts';

/** The header's "admin (Administrator)" button and its menu of the user's own things. */
export function UserMenu({ user }: { user: TSessionUser }) {
  const [isOpen, setIsOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const signOutNow = useSignOut();

  // The menu closes on a click outside it and on Escape, as menus do.
  useEffect(() => {
    if (!isOpen) return;
    const onMouseDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setIsOpen(false);
    };

    document.addEventListener('mousedown', onMouseDown);
    document.addEventListener('keydown', onKeyDown);

    return () => {
      document.removeEventListener('mousedown', onMouseDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [isOpen]);

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="user-menu__button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls="user-menu-items"
        onClick={() => setIsOpen(!isOpen)}
      >
        <span className="user-menu__name">{user.username}</span>
        <span className="user-menu__role">{ROLE_LABELS[user.role]}</span>
      </button>
      <ul id="user-menu-items" className="user-menu__items" role="menu" hidden={!isOpen}>
        <li role="none">
          <Link role="menuitem" to={CHANGE_PASSWORD_PATH} onClick={() => setIsOpen(false)}>
            Change Password
          </Link>
        </li>
        <li role="none">
          <Link role="menuitem" to={API_TOKENS_PATH} onClick={() => setIsOpen(false)}>
            API Tokens
          </Link>
        </li>
        <li role="none">
          <button
            type="button"
            role="menuitem"
            disabled={signOutNow.isPending}
            onClick={() => signOutNow.mutate()}
          >
            {signOutNow.isPending ? 'Signing out…' : 'Sign Out'}
          </button>
        </li>
      </ul>
    </div>
  );
}

// Signed out even when the API cannot be told (it is down): the console forgets the
// session and every cached answer, so the next user sees nothing of this one's.
function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  return useMutation({
    mutationFn: () => signOut().catch(() => undefined),
    onSettled: async () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKeys.current, null);
      await navigate(SIGN_IN_PATH, { replace: true });
    },
  });
}
