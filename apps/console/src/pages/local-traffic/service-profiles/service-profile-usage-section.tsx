import type { TServiceProfile } from '@portcullis/contracts';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';

/** What the profile is tied to: its security profile and the virtual servers using it. */
export function ServiceProfileUsageSection({ profile }: { profile: TServiceProfile }) {
  return (
    <PropertySection title="Assignment">
      <PropertyRow label="Security Profile">
        {profile.securityProfile ?? <span className="hint">None</span>}
      </PropertyRow>
      <PropertyRow label="Virtual Servers">
        {profile.virtualServers.length === 0
          ? <span className="hint">No virtual server uses this profile.</span>
          : profile.virtualServers.join(', ')}
      </PropertyRow>
    </PropertySection>
  );
}
