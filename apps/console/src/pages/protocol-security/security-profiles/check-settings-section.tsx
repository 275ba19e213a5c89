import { PropertySection } from '../../../components/property-table.tsx';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import { checkSectionId, type TCheckEntry, type TSettingsCheck } from './check-catalog.ts';
import type { TSettingDraft, TSettingsDraft } from './security-profile-draft.ts';
import { listSettings } from './setting-catalog.ts';
import { SettingRow } from './setting-row.tsx';

type TCheckSettingsSectionProps = {
  entry: TCheckEntry & { settings: TSettingsCheck };
  values: TSettingsDraft[TSettingsCheck];
  errors: TFormErrors;
  onChange: (key: string, value: TSettingDraft) => void;
};

/** One check's settings, under the check's name, each with its help and default. */
export function CheckSettingsSection(props: TCheckSettingsSectionProps) {
  const { entry, values, errors, onChange } = props;

  return (
    <PropertySection id={checkSectionId(entry.check)} title={`${entry.title} Settings`}>
      {listSettings(entry.settings).map((setting) => (
        <SettingRow
          key={setting.key}
          setting={setting}
          value={values[setting.key]}
          errors={errors}
          onChange={(value) => onChange(setting.key, value)}
        />
      ))}
    </PropertySection>
  );
}
