import type { ReactNode } from 'react';
import { ErrorBanner } from '../../../components/error-banner.tsx';
import { PermissionForm } from '../../../components/permission-fieldset.tsx';
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
    <PermissionForm
      permission="local-traffic:write"
      className="property-form"
      aria-label="Pool properties"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <ErrorBanner error={errors.bannerError} />
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
    </PermissionForm>
  );
}
