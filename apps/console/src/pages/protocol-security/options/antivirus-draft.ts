import type { TAntivirusOptions } from '@portcullis/contracts';
import { toWholeNumber } from '../../../forms/list-field-error.ts';

export const ANTIVIRUS_FORM_ID = 'antivirus';

export type TAntivirusDraft = {
  serverHostName: string;
  serverAddress: string;
  serverPort: string;
  guaranteeEnforcement: boolean;
};

export function draftFromAntivirus(options: TAntivirusOptions): TAntivirusDraft {
  return {
    serverHostName: options.serverHostName ?? '',
    serverAddress: options.serverAddress ?? '',
    serverPort: String(options.serverPort),
    guaranteeEnforcement: options.guaranteeEnforcement,
  };
}

function orNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

export function draftToAntivirus(draft: TAntivirusDraft): TAntivirusOptions {
  return {
    serverHostName: orNull(draft.serverHostName),
    serverAddress: orNull(draft.serverAddress),
    serverPort: toWholeNumber(draft.serverPort),
    guaranteeEnforcement: draft.guaranteeEnforcement,
  };
}

const FIELDS = new Set(['serverHostName', 'serverAddress', 'serverPort', 'guaranteeEnforcement']);

export function isAntivirusField(path: string): boolean {
  return FIELDS.has(path);
}
