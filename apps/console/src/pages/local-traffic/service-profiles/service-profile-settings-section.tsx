import type { TServiceProfile } from '@portcullis/contracts';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import type { TServiceProfileDraft } from './service-profile-draft.ts';

type TSettingsSectionProps = {
  draft: TServiceProfileDraft;
  errors: TFormErrors;
  parent: TServiceProfile | undefined;
  isSystem: boolean;
  onChange: (patch: Partial<TServiceProfileDraft>) => void;
};

/**
 * Settings with the appliance's Custom column: unchecked, the row shows the parent's
 * effective value greyed out; checked, the value is this profile's own.
 */
export function ServiceProfileSettingsSection(props: TSettingsSectionProps) {
  const { draft, errors, parent, isSystem, onChange } = props;
  const isCustom = isSystem || draft.isProtocolSecurityCustom;
  const inherited = parent?.effective.protocolSecurity ?? false;
  const value = isCustom ? draft.protocolSecurity : inherited;
  const control = errors.control('protocolSecurity');
  const message = errors.messageFor('protocolSecurity');

  return (
    <table className="property-table property-table--settings">
      <caption className="property-table__heading">Settings</caption>
      <thead>
        <tr>
          <th scope="col" className="property-row__label">
            <span className="visually-hidden">Setting</span>
          </th>
          <th scope="col" className="property-row__value">
            <span className="visually-hidden">Value</span>
          </th>
          <th scope="col" className="property-row__custom">Custom</th>
        </tr>
      </thead>
      <tbody>
        <tr className={isCustom ? 'property-row' : 'property-row property-row--inherited'}>
          <th scope="row" className="property-row__label">
            <label htmlFor={control.id}>Protocol Security</label>
          </th>
          <td className="property-row__value">
            <label className="inline-choice">
              <input
                {...control}
                type="checkbox"
                disabled={!isCustom}
                checked={value}
                onChange={(event) => onChange({ protocolSecurity: event.target.checked })}
              />
              Enabled
            </label>
            {!isCustom && (
              <span className="hint">inherited from {parent?.name ?? 'the parent'}</span>
            )}
            {message && (
              <span id={control['aria-describedby']} className="field-error" role="alert">
                {message}
              </span>
            )}
          </td>
          <td className="property-row__custom">
            <input
              type="checkbox"
              aria-label="Custom Protocol Security"
              checked={isCustom}
              disabled={isSystem}
              onChange={(event) =>
                onChange({
                  isProtocolSecurityCustom: event.target.checked,
                  // Starting to customise begins from the value that was in force.
                  protocolSecurity: event.target.checked ? inherited : draft.protocolSecurity,
                })
              }
            />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
