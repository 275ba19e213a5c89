import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { refreshAfterWrite } from '../../api/refresh-after-write.ts';
import { saveDnsSettings, type TDnsSettings } from '../../api/system-settings.ts';
import { SubmitButtons } from '../../components/form-buttons.tsx';
import { PropertyForm } from '../../components/property-form.tsx';
import { PropertyRow, PropertySection } from '../../components/property-table.tsx';
import {
  linesToList,
  listToLines,
  toListFieldError,
  toWholeNumber,
} from '../../forms/list-field-error.ts';
import { useFormErrors } from '../../forms/use-form-errors.ts';

const FORM_ID = 'dns';
const FIELDS = new Set(['resolvers', 'timeoutMs']);

const RESOLVERS_HELP =
  'One IP address per line, optionally with a port (192.0.2.53:53, [2001:db8::53]:53), ' +
  'asked in order; none uses the system resolver.';

type TDnsDraft = { resolvers: string; timeoutMs: string };

function toDraft(settings: TDnsSettings): TDnsDraft {
  return { resolvers: listToLines(settings.resolvers), timeoutMs: String(settings.timeoutMs) };
}

/** The resolvers workers ask (SPF, sender domains, the anti-virus host name). */
export function DnsForm({ settings }: { settings: TDnsSettings }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => toDraft(settings));
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      saveDnsSettings({
        resolvers: linesToList(draft.resolvers),
        timeoutMs: toWholeNumber(draft.timeoutMs),
      }),
    onSuccess: () => refreshAfterWrite(queryClient),
  });
  const error = useMemo(() => toListFieldError(save.error, (p) => p === 'resolvers'), [save.error]);
  const errors = useFormErrors(FORM_ID, error, (path) => FIELDS.has(path));

  function submit() {
    setNotice(null);
    save.mutate(undefined, {
      onSuccess: (saved) => {
        setDraft(toDraft(saved));
        setNotice('DNS settings were updated.');
      },
    });
  }

  return (
    <PropertyForm
      label="DNS"
      bannerError={errors.bannerError}
      notice={notice}
      onSubmit={submit}
    >
      <PropertySection title="DNS Lookup Server List">
        <PropertyRow
          label="DNS Servers"
          {...errors.row('resolvers')}
          help={<span className="hint hint--block">{RESOLVERS_HELP}</span>}
        >
          <textarea
            {...errors.control('resolvers')}
            rows={4}
            spellCheck={false}
            placeholder="192.0.2.53"
            value={draft.resolvers}
            onChange={(event) => setDraft({ ...draft, resolvers: event.target.value })}
          />
        </PropertyRow>
        <PropertyRow
          label="Query Timeout (ms)"
          {...errors.row('timeoutMs')}
          help={<span className="hint">time limit for one query; default 2000</span>}
        >
          <input
            {...errors.control('timeoutMs')}
            type="text"
            inputMode="numeric"
            className="input--number"
            value={draft.timeoutMs}
            onChange={(event) => setDraft({ ...draft, timeoutMs: event.target.value })}
          />
        </PropertyRow>
      </PropertySection>
      <SubmitButtons isPending={save.isPending} label="Update" />
    </PropertyForm>
  );
}
