import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { ErrorBanner, SuccessBanner } from '../../../components/error-banner.tsx';
import { PermissionForm } from '../../../components/permission-fieldset.tsx';
import { useFormErrors } from '../../../forms/use-form-errors.ts';
import { CHECKS, type TCheckEntry, type TSettingsCheck } from './check-catalog.ts';
import { CheckSettingsSection } from './check-settings-section.tsx';
import { DefenseConfigurationTable } from './defense-configuration-table.tsx';
import {
  isSecurityProfileField,
  placeSettingError,
  SECURITY_PROFILE_FORM_ID,
  type TSecurityProfileDraft,
  type TSettingDraft,
} from './security-profile-draft.ts';
import { SecurityProfileGeneralSection } from './security-profile-general-section.tsx';

type TSecurityProfileFormProps = {
  draft: TSecurityProfileDraft;
  error: unknown;
  isSystem: boolean;
  assignedTo?: string[];
  onChange: (patch: Partial<TSecurityProfileDraft>) => void;
  onSubmit: () => void;
  notice: string | null;
  buttons: ReactNode;
};

function hasSettings(entry: TCheckEntry): entry is TCheckEntry & { settings: TSettingsCheck } {
  return entry.settings !== null;
}

/**
 * The SMTP security profile: its name, the Defense Configuration (Alarm and Block per
 * violation), and a section of settings per check. The API's schema is the one judge;
 * its errors appear beside the setting they name.
 */
export function SecurityProfileForm(props: TSecurityProfileFormProps) {
  const { draft, onChange } = props;
  // Placed once per error: a new object each render would move focus again and again.
  const error = useMemo(() => placeSettingError(props.error), [props.error]);
  const errors = useFormErrors(SECURITY_PROFILE_FORM_ID, error, isSecurityProfileField);
  const statusRef = useRef<HTMLDivElement>(null);

  // The form is long and its buttons are at the bottom: bring news at the top into view.
  useEffect(() => {
    if (errors.bannerError || props.notice) statusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [errors.bannerError, props.notice]);

  function changeSetting(check: TSettingsCheck, key: string, value: TSettingDraft) {
    const settings = { ...draft.settings, [check]: { ...draft.settings[check], [key]: value } };

    onChange({ settings });
  }

  return (
    <PermissionForm
      permission="security-profiles:write"
      className="property-form property-form--long"
      aria-label="Security profile properties"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <div ref={statusRef}>
        <ErrorBanner error={errors.bannerError} />
        <SuccessBanner message={props.notice} />
      </div>
      <SecurityProfileGeneralSection
        draft={draft}
        errors={errors}
        isSystem={props.isSystem}
        {...(props.assignedTo ? { assignedTo: props.assignedTo } : {})}
        onChange={onChange}
      />
      <DefenseConfigurationTable
        actions={draft.actions}
        onChange={(actions) => onChange({ actions })}
      />
      {CHECKS.filter(hasSettings).map((entry) => (
        <CheckSettingsSection
          key={entry.check}
          entry={entry}
          values={draft.settings[entry.settings]}
          errors={errors}
          onChange={(key, value) => changeSetting(entry.settings, key, value)}
        />
      ))}
      {props.buttons}
    </PermissionForm>
  );
}
