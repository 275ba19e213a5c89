import type { ReactNode } from 'react';
import { PropertyForm } from '../../../components/property-form.tsx';
import { useFormErrors } from '../../../forms/use-form-errors.ts';
import { isPoolField, POOL_FORM_ID, type TPoolDraft } from './pool-draft.ts';
import { PoolConfigurationSection } from './pool-configuration-section.tsx';
import { PoolGeneralSection } from './pool-general-section.tsx';
import { PoolMembersSection, type TMemberRow } from './pool-members-section.tsx';
import type { TMemberDraft } from './member-draft.ts';

type TPoolFormProps = {
  draft: TPoolDraft;
  error: unknown;
  members: TMemberRow[];
  isBusy: boolean;
  onChange: (patch: Partial<TPoolDraft>) => void;
  onAddMember: (draft: TMemberDraft) => Promise<boolean>;
  onDeleteMember: (row: TMemberRow, index: number) => void;
  onSubmit: () => void;
  header?: ReactNode;
  buttons: ReactNode;
};

/** The pool's properties and members; errors land beside the field the API names. */
export function PoolForm(props: TPoolFormProps) {
  const { draft, error, onChange } = props;
  const errors = useFormErrors(POOL_FORM_ID, error, isPoolField);

  return (
    <PropertyForm
      label="Pool properties"
      permission="local-traffic:write"
      bannerError={errors.bannerError}
      onSubmit={props.onSubmit}
    >
      {props.header}
      <PoolGeneralSection draft={draft} errors={errors} onChange={onChange} />
      <PoolConfigurationSection draft={draft} errors={errors} onChange={onChange} />
      <PoolMembersSection
        members={props.members}
        errors={errors}
        isBusy={props.isBusy}
        onAdd={props.onAddMember}
        onDelete={props.onDeleteMember}
      />
      {props.buttons}
    </PropertyForm>
  );
}
