import type {
  TVirtualServer,
  TVirtualServerInput,
  TVirtualServerUpdate,
} from '@portcullis/contracts';

/** The virtual server form's state: what the inputs hold, as text where they are text. */
export type TVirtualServerDraft = {
  name: string;
  description: string;
  destinationType: 'HOST' | 'NETWORK';
  destinationAddress: string;
  destinationMask: string;
  servicePort: string;
  configuration: 'BASIC' | 'ADVANCED';
  enabled: boolean;
  serviceProfile: string;
  snatPool: 'NONE' | 'AUTOMAP';
  defaultPool: string;
  tlsCertificate: string;
  tlsKey: string;
};

export const SMTP_PORT = 25;

export const EMPTY_VIRTUAL_SERVER_DRAFT: TVirtualServerDraft = {
  name: '',
  description: '',
  destinationType: 'HOST',
  destinationAddress: '',
  destinationMask: '',
  servicePort: String(SMTP_PORT),
  configuration: 'BASIC',
  enabled: true,
  serviceProfile: 'smtp',
  snatPool: 'AUTOMAP',
  defaultPool: '',
  tlsCertificate: '',
  tlsKey: '',
};

export function draftFromVirtualServer(vs: TVirtualServer): TVirtualServerDraft {
  return {
    name: vs.name,
    description: vs.description,
    destinationType: vs.destinationType,
    destinationAddress: vs.destinationAddress,
    destinationMask: vs.destinationMask ?? '',
    servicePort: String(vs.servicePort),
    configuration: vs.configuration,
    enabled: vs.enabled,
    serviceProfile: vs.serviceProfile ?? '',
    snatPool: vs.snatPool,
    defaultPool: vs.defaultPool ?? '',
    tlsCertificate: vs.tlsCertificate ?? '',
    tlsKey: '',
  };
}

// A port that is not a whole number goes to the API as typed, so its schema answers
// with the same message beside the field as for any other bad value.
function toPort(text: string): number | string {
  return /^\d+$/.test(text.trim()) ? Number(text) : text;
}

function orNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

export function draftToInput(draft: TVirtualServerDraft): TVirtualServerInput {
  const isNetwork = draft.destinationType === 'NETWORK';

  return {
    name: draft.name.trim(),
    description: draft.description,
    destinationType: draft.destinationType,
    destinationAddress: draft.destinationAddress.trim(),
    destinationMask: isNetwork ? orNull(draft.destinationMask) : null,
    servicePort: toPort(draft.servicePort) as number,
    configuration: draft.configuration,
    enabled: draft.enabled,
    serviceProfile: orNull(draft.serviceProfile),
    snatPool: draft.snatPool,
    defaultPool: orNull(draft.defaultPool),
    tlsCertificate: orNull(draft.tlsCertificate),
    tlsKey: orNull(draft.tlsKey),
  };
}

/**
 * The PUT body. The stored TLS key is never sent back to the console, so a blank
 * key field keeps it; clearing the certificate removes both.
 */
export function draftToUpdate(draft: TVirtualServerDraft): TVirtualServerUpdate {
  const { tlsKey, ...input } = draftToInput(draft);

  if (input.tlsCertificate === null) return { ...input, tlsKey: null };
  if (tlsKey === null) return input;

  return { ...input, tlsKey };
}

const FIELDS = new Set(Object.keys(EMPTY_VIRTUAL_SERVER_DRAFT));
const ADVANCED_FIELDS = new Set(['tlsCertificate', 'tlsKey']);
const NETWORK_FIELDS = new Set(['destinationMask']);

/** Whether the form shows an input for an error's field right now. */
export function isVisibleField(draft: TVirtualServerDraft, path: string): boolean {
  if (!FIELDS.has(path)) return false;
  if (ADVANCED_FIELDS.has(path)) return draft.configuration === 'ADVANCED';
  if (NETWORK_FIELDS.has(path)) return draft.destinationType === 'NETWORK';

  return true;
}
