import type { ComponentProps, ReactNode } from 'react';
import { ROLE_LABELS, type TPermission } from '../auth/permissions.ts';
import { useCan, useSession } from '../auth/use-session.ts';

type TPermissionFieldsetProps = {
  permission: TPermission;
  // Lists say nothing: their missing buttons speak for themselves.
  hasNote?: boolean;
  children: ReactNode;
};

/**
 * Wraps a form or list whose changes need `permission`. For a role without it every
 * control inside is disabled and every button hidden (console.css), so the screen
 * reads as a report; the API would refuse the change anyway.
 */
export function PermissionFieldset(props: TPermissionFieldsetProps) {
  const { permission, hasNote = true, children } = props;
  const isAllowed = useCan(permission);
  const role = useSession()?.user.role;

  return (
    <fieldset className="permission-fieldset" disabled={!isAllowed}>
      {!isAllowed && hasNote && role && (
        <p className="banner banner--info read-only-note">
          Read only: your role ({ROLE_LABELS[role]}) may view these settings but not change them.
        </p>
      )}
      {children}
    </fieldset>
  );
}

type TPermissionFormProps = ComponentProps<'form'> & { permission: TPermission };

/** A form whose controls are all behind one permission (see PermissionFieldset). */
export function PermissionForm({ permission, children, ...formProps }: TPermissionFormProps) {
  return (
    <form {...formProps}>
      <PermissionFieldset permission={permission}>{children}</PermissionFieldset>
    </form>
  );
}
