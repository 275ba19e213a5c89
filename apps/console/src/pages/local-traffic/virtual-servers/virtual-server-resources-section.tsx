import type { TPool } from '@portcullis/contracts';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import type { TVirtualServerDraft } from './virtual-server-draft.ts';

type TResourcesProps = {
  draft: TVirtualServerDraft;
  errors: TFormErrors;
  pools: TPool[];
  onChange: (patch: Partial<TVirtualServerDraft>) => void;
  onNewPool: () => void;
};

/** Default Pool, with (+) to create a pool and come back with it selected. */
export function VirtualServerResourcesSection(props: TResourcesProps) {
  const { draft, errors, pools, onChange, onNewPool } = props;
  // A pool just made through (+) may not be in a list fetched before it existed.
  const isUnknownPool =
    draft.defaultPool !== '' && !pools.some((pool) => pool.name === draft.defaultPool);

  return (
    <PropertySection title="Resources">
      <PropertyRow label="Default Pool" {...errors.row('defaultPool')}>
        <span className="control-pair">
          <select
            {...errors.control('defaultPool')}
            value={draft.defaultPool}
            onChange={(event) => onChange({ defaultPool: event.target.value })}
          >
            <option value="">None</option>
            {isUnknownPool && <option value={draft.defaultPool}>{draft.defaultPool}</option>}
            {pools.map((pool) => (
              <option key={pool.id} value={pool.name}>{pool.name}</option>
            ))}
          </select>
          <button
            type="button"
            className="button button--icon"
            aria-label="Create a new pool"
            title="Create a new pool"
            onClick={onNewPool}
          >
            +
          </button>
        </span>
      </PropertyRow>
    </PropertySection>
  );
}
