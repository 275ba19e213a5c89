import type { TServiceProfile } from '@portcullis/contracts';
import type { ReactNode } from 'react';
import { PropertyForm } from '../../../components/property-form.tsx';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import { useFormErrors } from '../../../forms/use-form-errors.ts';
import {
  isServiceProfileField,
  SERVICE_PROFILE_FORM_ID,
  type TServiceProfileDraft,
} from './service-profile-draft.ts';
import { ServiceProfileSettingsSection } from './service-profile-settings-section.tsx';

type TServiceProfileFormProps = {
  draft: TServiceProfileDraft;
  error: unknown;
  // Every profile, for the Parent Profile list and the parent's effective values.
  profiles: TServiceProfile[];
  isSystem: boolean;
  onChange: (patch: Partial<TServiceProfileDraft>) => void;
  onSubmit: () => void;
  header?: ReactNode;
  buttons: ReactNode;
};

export function ServiceProfileForm(props: TServiceProfileFormProps) {
  const { draft, profiles, isSystem, onChange } = props;
  const errors = useFormErrors(SERVICE_PROFILE_FORM_ID, props.error, isServiceProfileField);
  const parents = profiles.filter((p) => p.name !== draft.name || draft.name === '');
  const parent = profiles.find((p) => p.name === draft.parent);

  return (
    <PropertyForm
      label="SMTP profile properties"
      permission="local-traffic:write"
      bannerError={errors.bannerError}
      onSubmit={props.onSubmit}
    >
      {props.header}
      <PropertySection title="General Properties">
        <PropertyRow label="Name" {...errors.row('name')}>
          <input
            {...errors.control('name')}
            type="text"
            required
            autoComplete="off"
            readOnly={isSystem}
            value={draft.name}
            onChange={(event) => onChange({ name: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow label="Parent Profile" {...errors.row('parent')}>
          {isSystem ? (
            <span className="hint">None (system profile)</span>
          ) : (
            <select
              {...errors.control('parent')}
              value={draft.parent}
              onChange={(event) => onChange({ parent: event.target.value })}
            >
              {parents.map((p) => <option key={p.id} value={p.name}>{p.name}</option>)}
            </select>
          )}
        </PropertyRow>
      </PropertySection>
      <ServiceProfileSettingsSection
        draft={draft}
        errors={errors}
        parent={parent}
        isSystem={isSystem}
        onChange={onChange}
      />
      {props.buttons}
    </PropertyForm>
  );
}
