import type { TPool, TServiceProfile } from '@portcullis/contracts';
import type { ReactNode } from 'react';
import { PropertyForm } from '../../../components/property-form.tsx';
import { useFormErrors } from '../../../forms/use-form-errors.ts';
import { isVisibleField, type TVirtualServerDraft } from './virtual-server-draft.ts';
import { VirtualServerConfigurationSection } from './virtual-server-configuration-section.tsx';
import { VirtualServerGeneralSection } from './virtual-server-general-section.tsx';
import { VirtualServerResourcesSection } from './virtual-server-resources-section.tsx';

export const VIRTUAL_SERVER_FORM_ID = 'vs';

type TVirtualServerFormProps = {
  draft: TVirtualServerDraft;
  error: unknown;
  pools: TPool[];
  serviceProfiles: TServiceProfile[];
  hasStoredKey: boolean;
  onChange: (patch: Partial<TVirtualServerDraft>) => void;
  onNewPool: () => void;
  onSubmit: () => void;
  // Status rows or notices shown above the properties.
  header?: ReactNode;
  buttons: ReactNode;
};

/**
 * The virtual server's properties. The browser's own validation is off: the API's
 * schema is the one judge, and its errors appear beside the field they name.
 */
export function VirtualServerForm(props: TVirtualServerFormProps) {
  const { draft, error, onChange, onSubmit } = props;
  const isKnownField = (path: string) => isVisibleField(draft, path);
  const errors = useFormErrors(VIRTUAL_SERVER_FORM_ID, error, isKnownField);

  return (
    <PropertyForm
      label="Virtual server properties"
      permission="local-traffic:write"
      bannerError={errors.bannerError}
      onSubmit={onSubmit}
    >
      {props.header}
      <VirtualServerGeneralSection draft={draft} errors={errors} onChange={onChange} />
      <VirtualServerConfigurationSection
        draft={draft}
        errors={errors}
        serviceProfiles={props.serviceProfiles}
        hasStoredKey={props.hasStoredKey}
        onChange={onChange}
      />
      <VirtualServerResourcesSection
        draft={draft}
        errors={errors}
        pools={props.pools}
        onChange={onChange}
        onNewPool={props.onNewPool}
      />
      {props.buttons}
    </PropertyForm>
  );
}
