import { useNavigation } from 'react-router';
import type { TSessionUser } from '../api/auth.ts';
import { SyncStateBadge } from './sync-state-badge.tsx';
import { UserMenu } from './user-menu.tsx';

export function HeaderBar({ user }: { user: TSessionUser }) {
  const navigation = useNavigation();
  const isLoading = navigation.state !== 'idle';

  return (
    <header className="header-bar">
      <div className="header-bar__brand">
        <span className="header-bar__logo" aria-hidden="true">P</span>
        <span className="header-bar__product">Portcullis</span>
        <span className="header-bar__subtitle">SMTP Security Gateway</span>
      </div>
      <div className="header-bar__status">
        <SyncStateBadge />
        <UserMenu user={user} />
      </div>
      <div className={isLoading ? 'progress-bar progress-bar--active' : 'progress-bar'} />
    </header>
  );
}
