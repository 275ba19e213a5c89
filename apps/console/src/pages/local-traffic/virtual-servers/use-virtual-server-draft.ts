import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { clearDraft, loadDraft, saveDraft } from '../../../forms/draft-storage.ts';
import type { TVirtualServerDraft } from './virtual-server-draft.ts';

const NEW_POOL_PATH = '/local-traffic/pools/new';

/**
 * The form's state, restored after a detour to the New Pool screen: (+) stores the
 * draft and leaves with `returnTo=<this screen>?draft=1`; the pool screen comes back
 * with `&pool=<name>`, which becomes the Default Pool.
 */
export function useVirtualServerDraft(initial: TVirtualServerDraft) {
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<TVirtualServerDraft>(() => {
    const restored = searchParams.has('draft') ? loadDraft(pathname, initial) : initial;
    const pool = searchParams.get('pool');

    return pool ? { ...restored, defaultPool: pool } : restored;
  });

  function change(patch: Partial<TVirtualServerDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
  }

  function openNewPool() {
    saveDraft(pathname, draft);
    const returnTo = `${pathname}?draft=1`;

    navigate(`${NEW_POOL_PATH}?returnTo=${encodeURIComponent(returnTo)}`);
  }

  return { draft, setDraft, change, openNewPool, forget: () => clearDraft(pathname) };
}
