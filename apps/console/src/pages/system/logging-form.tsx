import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refreshAfterWrite } from '../../api/refresh-after-write.ts';
import {
  saveRemoteLogging,
  type TRemoteLogging,
} from '../../api/system-settings.ts';
import { SubmitButtons } from '../../components/form-buttons.tsx';
import { PropertyForm } from '../../components/property-form.tsx';
import { PropertyRow, PropertySection } from '../../components/property-table.tsx';
import { toWholeNumber } from '../../forms/list-field-error.ts';
import { useFormErrors } from '../../forms/use-form-errors.ts';

const FORM_ID = 'logging';
const FIELDS = new Set(['enabled', 'host', 'port', 'transport']);
const TRANSPORTS: Array<TRemoteLogging['transport']> = ['UDP', 'TCP'];

type TLoggingDraft = Omit<TRemoteLogging, 'host' | 'port'> & { host: string; port: string };

function toDraft(settings: TRemoteLogging): TLoggingDraft {
  return { ...settings, host: settings.host ?? '', port: String(settings.port) };
}

function toSettings(draft: TLoggingDraft): TRemoteLogging {
  const host = draft.host.trim();

  return { ...draft, host: host === '' ? null : host, port: toWholeNumber(draft.port) };
}

/** The remote syslog server that profiles with Remote Logging send violations to. */
export function LoggingForm({ settings }: { settings: TRemoteLogging }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => toDraft(settings));
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveRemoteLogging(toSettings(draft)),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const errors = useFormErrors(FORM_ID, save.error, (path) => FIELDS.has(path));

  function change(patch: Partial<TLoggingDraft>) {
    setDraft({ ...draft, ...patch });
  }

  function submit() {
    setNotice(null);
    save.mutate(undefined, {
      onSuccess: (saved) => {
        setDraft(toDraft(saved));
        setNotice('Remote logging was updated.');
      },
    });
  }

  return (
    <PropertyForm
      label="Logging"
      bannerError={errors.bannerError}
      notice={notice}
      onSubmit={submit}
    >
      <PropertySection title="Remote Logging Server">
        <PropertyRow
          label="Remote Logging"
          {...errors.row('enabled')}
          help={<span className="hint">violations of profiles with Remote Logging go here</span>}
        >
          <label className="inline-choice">
            <input
              {...errors.control('enabled')}
              type="checkbox"
              checked={draft.enabled}
              onChange={(event) => change({ enabled: event.target.checked })}
            />
            Enabled
          </label>
        </PropertyRow>
        <PropertyRow
          label="Server Host"
          {...errors.row('host')}
          help={<span className="hint">host name or IP address</span>}
        >
          <input
            {...errors.control('host')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="syslog.example.net"
            value={draft.host}
            onChange={(event) => change({ host: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow
          label="Server Port"
          {...errors.row('port')}
          help={<span className="hint">default 514, the syslog port</span>}
        >
          <input
            {...errors.control('port')}
            type="text"
            inputMode="numeric"
            className="input--port"
            value={draft.port}
            onChange={(event) => change({ port: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow label="Protocol" error={errors.messageFor('transport')}>
          <span className="radio-group" role="radiogroup" aria-label="Protocol">
            {TRANSPORTS.map((transport) => (
              <label key={transport} className="inline-choice">
                <input
                  type="radio"
                  name="transport"
                  value={transport}
                  checked={draft.transport === transport}
                  onChange={() => change({ transport })}
                />
                {transport}
              </label>
            ))}
          </span>
        </PropertyRow>
      </PropertySection>
      <SubmitButtons isPending={save.isPending} label="Update" />
    </PropertyForm>
  );
}
