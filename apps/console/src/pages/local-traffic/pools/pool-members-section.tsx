import type { TMemberStatus } from '@portcullis/contracts';
import { useState, type KeyboardEvent } from 'react';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import type { TFormErrors } from '../../../forms/use-form-errors.ts';
import { EMPTY_MEMBER_DRAFT, type TMemberDraft } from './member-draft.ts';
import { PoolMemberTable } from './pool-member-table.tsx';

export type TMemberRow = {
  key: number;
  nodeName: string;
  address: string;
  servicePort: number;
  status?: TMemberStatus;
};

type TMembersSectionProps = {
  members: TMemberRow[];
  errors: TFormErrors;
  isBusy: boolean;
  // Resolves true when the member was added, so the New Members inputs can clear.
  onAdd: (draft: TMemberDraft) => Promise<boolean>;
  onDelete: (row: TMemberRow, index: number) => void;
};

/** New Members (node name, address, port, Add) over the current member list. */
export function PoolMembersSection(props: TMembersSectionProps) {
  const { members, errors, isBusy, onAdd, onDelete } = props;
  const [draft, setDraft] = useState<TMemberDraft>(EMPTY_MEMBER_DRAFT);

  async function add() {
    if (await onAdd(draft)) setDraft(EMPTY_MEMBER_DRAFT);
  }

  // Enter in a member input adds the member instead of submitting the whole pool.
  function addOnEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void add();
  }

  function input(field: keyof TMemberDraft, extra: { placeholder?: string; className?: string }) {
    return (
      <input
        {...errors.control(`newMember.${field}`)}
        {...extra}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={draft[field]}
        onKeyDown={addOnEnter}
        onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
      />
    );
  }

  return (
    <PropertySection title="Resources">
      <PropertyRow label="Node Name" {...errors.row('newMember.nodeName')}>
        {input('nodeName', { placeholder: '(optional: the address)' })}
      </PropertyRow>
      <PropertyRow label="Address" {...errors.row('newMember.address')}>
        {input('address', { placeholder: '192.0.2.20' })}
      </PropertyRow>
      <PropertyRow label="Service Port" {...errors.row('newMember.servicePort')}>
        <span className="control-pair">
          {input('servicePort', { className: 'input--port' })}
          <button type="button" className="button" disabled={isBusy} onClick={() => void add()}>
            Add
          </button>
        </span>
      </PropertyRow>
      <PropertyRow label="Members">
        <PoolMemberTable members={members} errors={errors} isBusy={isBusy} onDelete={onDelete} />
      </PropertyRow>
    </PropertySection>
  );
}
