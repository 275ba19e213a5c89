import type { ReactNode } from 'react';
import type { TPermission } from '../auth/permissions.ts';
import { ErrorBanner, SuccessBanner } from './error-banner.tsx';
import { PermissionFieldset } from './permission-fieldset.tsx';

type TPropertyFormProps = {
  label: string;
  onSubmit: () => void;
  // The error no field owns (useFormErrors' bannerError); the notice of the last save.
  bannerError: unknown;
  notice?: string | null;
  // Given, the whole form reads as a report for roles without it (PermissionFieldset).
  permission?: TPermission;
  children: ReactNode;
};

/**
 * A properties screen's form: the banners on top, then the sections. Browser validation
 * is off because the API's schema is the one judge; its errors land beside their fields.
 */
export function PropertyForm(props: TPropertyFormProps) {
  const { permission, onSubmit } = props;
  const content = (
    <>
      <ErrorBanner error={props.bannerError} />
      <SuccessBanner message={props.notice ?? null} />
      {props.children}
    </>
  );

  return (
    <form
      className="property-form"
      aria-label={props.label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {permission
        ? <PermissionFieldset permission={permission}>{content}</PermissionFieldset>
        : content}
    </form>
  );
}
