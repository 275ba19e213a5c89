import type { TServiceProfile } from '@portcullis/contracts';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import type { TVirtualServerDraft } from './virtual-server-draft.ts';

// The stored key never comes back from the API; a blank field keeps it.
const KEEP_STORED_KEY = '(stored; leave blank to keep it)';

type TSectionProps = {
  draft: TVirtualServerDraft;
  errors: TFormErrors;
  serviceProfiles: TServiceProfile[];
  hasStoredKey: boolean;
  onChange: (patch: Partial<TVirtualServerDraft>) => void;
};

export function VirtualServerConfigurationSection(props: TSectionProps) {
  const { draft, errors, serviceProfiles, hasStoredKey, onChange } = props;
  const isAdvanced = draft.configuration === 'ADVANCED';

  return (
    <PropertySection title="Configuration">
      <PropertyRow label="Configuration" {...errors.row('configuration')}>
        <select
          {...errors.control('configuration')}
          value={draft.configuration}
          onChange={(event) =>
            onChange({ configuration: event.target.value as TVirtualServerDraft['configuration'] })
          }
        >
          <option value="BASIC">Basic</option>
          <option value="ADVANCED">Advanced</option>
        </select>
      </PropertyRow>
      {isAdvanced && (
        <PropertyRow label="TLS Certificate (PEM)" {...errors.row('tlsCertificate')}>
          <textarea
            {...errors.control('tlsCertificate')}
            rows={5}
            spellCheck={false}
            placeholder="-----BEGIN CERTIFICATE-----"
            value={draft.tlsCertificate}
            onChange={(event) => onChange({ tlsCertificate: event.target.value })}
          />
          <span className="hint hint--block">
            With a certificate and key the virtual server offers STARTTLS.
          </span>
        </PropertyRow>
      )}
      {isAdvanced && (
        <PropertyRow label="TLS Key (PEM)" {...errors.row('tlsKey')}>
          <textarea
            {...errors.control('tlsKey')}
            rows={5}
            spellCheck={false}
            placeholder={hasStoredKey ? KEEP_STORED_KEY : '-----BEGIN PRIVATE KEY-----'}
            value={draft.tlsKey}
            onChange={(event) => onChange({ tlsKey: event.target.value })}
          />
        </PropertyRow>
      )}
      <PropertyRow label="SMTP Profile" {...errors.row('serviceProfile')}>
        <select
          {...errors.control('serviceProfile')}
          value={draft.serviceProfile}
          onChange={(event) => onChange({ serviceProfile: event.target.value })}
        >
          <option value="">None</option>
          {serviceProfiles.map((profile) => (
            <option key={profile.id} value={profile.name}>{profile.name}</option>
          ))}
        </select>
      </PropertyRow>
      <PropertyRow label="SNAT Pool" {...errors.row('snatPool')}>
        <select
          {...errors.control('snatPool')}
          value={draft.snatPool}
          onChange={(event) =>
            onChange({ snatPool: event.target.value as TVirtualServerDraft['snatPool'] })
          }
        >
          <option value="NONE">None</option>
          <option value="AUTOMAP">Auto Map</option>
        </select>
      </PropertyRow>
    </PropertySection>
  );
}
