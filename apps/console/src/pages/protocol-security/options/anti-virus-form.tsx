import { ZAntivirusOptions, type TAntivirusOptions } from '@portcullis/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { saveAntivirus } from '../../../api/antivirus.ts';
import { refreshAfterWrite } from '../../../api/refresh-after-write.ts';
import { SubmitButtons } from '../../../components/form-buttons.tsx';
import { PropertyForm } from '../../../components/property-form.tsx';
import { PropertyRow, PropertySection } from '../../../components/property-table.tsx';
import { useFormErrors } from '../../../forms/use-form-errors.ts';
import {
  ANTIVIRUS_FORM_ID,
  draftFromAntivirus,
  draftToAntivirus,
  isAntivirusField,
  type TAntivirusDraft,
} from './antivirus-draft.ts';

export const ADVANCED_CONFIGURATION_PATH = '/protocol-security/options/advanced';

const HELP = ZAntivirusOptions.shape;

/** The ICAP server every security profile's Virus Detection sends messages to. */
export function AntiVirusForm({ options }: { options: TAntivirusOptions }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftFromAntivirus(options));
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveAntivirus(draftToAntivirus(draft)),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const errors = useFormErrors(ANTIVIRUS_FORM_ID, save.error, isAntivirusField);

  function change(patch: Partial<TAntivirusDraft>) {
    setDraft({ ...draft, ...patch });
  }

  function submit() {
    setNotice(null);
    save.mutate(undefined, {
      onSuccess: (saved) => {
        setDraft(draftFromAntivirus(saved));
        setNotice('Anti-Virus Protection was saved.');
      },
    });
  }

  return (
    <PropertyForm
      label="Anti-Virus Protection"
      permission="protection-options:write"
      bannerError={errors.bannerError}
      notice={notice}
      onSubmit={submit}
    >
      <PropertySection title="Anti-Virus Server (ICAP)">
        <PropertyRow
          label="Server Host Name"
          {...errors.row('serverHostName')}
          help={<span className="hint">{HELP.serverHostName.description}</span>}
        >
          <input
            {...errors.control('serverHostName')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.serverHostName}
            onChange={(event) => change({ serverHostName: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow
          label="Server IP Address"
          {...errors.row('serverAddress')}
          help={
            <span className="hint">{HELP.serverAddress.description}; one of the two is enough</span>
          }
        >
          <input
            {...errors.control('serverAddress')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.serverAddress}
            onChange={(event) => change({ serverAddress: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow
          label="Server Port Number"
          {...errors.row('serverPort')}
          help={<span className="hint">default 1344, the ICAP port</span>}
        >
          <input
            {...errors.control('serverPort')}
            type="text"
            inputMode="numeric"
            className="input--port"
            value={draft.serverPort}
            onChange={(event) => change({ serverPort: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow
          label="Guarantee Enforcement"
          {...errors.row('guaranteeEnforcement')}
          help={<span className="hint hint--block">{HELP.guaranteeEnforcement.description}</span>}
        >
          <label className="inline-choice">
            <input
              {...errors.control('guaranteeEnforcement')}
              type="checkbox"
              checked={draft.guaranteeEnforcement}
              onChange={(event) => change({ guaranteeEnforcement: event.target.checked })}
            />
            Enabled
          </label>
        </PropertyRow>
      </PropertySection>
      <p className="form-note">
        The ICAP service path, scan time limit and virus header names are internal
        parameters: see <Link to={ADVANCED_CONFIGURATION_PATH}>Advanced Configuration</Link>.
      </p>
      <SubmitButtons isPending={save.isPending} label="Save" />
    </PropertyForm>
  );
}
