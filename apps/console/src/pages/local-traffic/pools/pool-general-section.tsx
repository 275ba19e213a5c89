import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import type { TPoolDraft } from './pool-draft.ts';

export type TPoolSectionProps = {
  draft: TPoolDraft;
  errors: TFormErrors;
  onChange: (patch: Partial<TPoolDraft>) => void;
};

export function PoolGeneralSection({ draft, errors, onChange }: TPoolSectionProps) {
  return (
    <PropertySection title="General Properties">
      <PropertyRow label="Name" {...errors.row('name')}>
        <input
          {...errors.control('name')}
          type="text"
          required
          autoComplete="off"
          value={draft.name}
          onChange={(event) => onChange({ name: event.target.value })}
        />
      </PropertyRow>
      <PropertyRow label="Description" {...errors.row('description')}>
        <input
          {...errors.control('description')}
          type="text"
          className="input--wide"
          value={draft.description}
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </PropertyRow>
    </PropertySection>
  );
}
