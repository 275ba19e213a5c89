import {
  SYSTEM_SERVICE_PROFILE,
  type TServiceProfile,
  type TServiceProfileInput,
} from '@portcullis/contracts';

export const SERVICE_PROFILE_FORM_ID = 'profile';

/** Each setting has a Custom flag: unchecked inherits the parent's value (sent as null). */
export type TServiceProfileDraft = {
  name: string;
  parent: string;
  isProtocolSecurityCustom: boolean;
  protocolSecurity: boolean;
};

export const EMPTY_SERVICE_PROFILE_DRAFT: TServiceProfileDraft = {
  name: '',
  parent: SYSTEM_SERVICE_PROFILE,
  isProtocolSecurityCustom: false,
  protocolSecurity: false,
};

export function draftFromServiceProfile(profile: TServiceProfile): TServiceProfileDraft {
  const isCustom = profile.isSystem || profile.protocolSecurity !== null;

  return {
    name: profile.name,
    parent: profile.parent ?? '',
    isProtocolSecurityCustom: isCustom,
    protocolSecurity: profile.protocolSecurity ?? profile.effective.protocolSecurity,
  };
}

export function draftToInput(draft: TServiceProfileDraft): TServiceProfileInput {
  return {
    name: draft.name.trim(),
    parent: draft.parent,
    protocolSecurity: draft.isProtocolSecurityCustom ? draft.protocolSecurity : null,
  };
}

/** The system profile keeps its name and has no parent: only its settings are sent. */
export function draftToUpdate(
  draft: TServiceProfileDraft,
  isSystem: boolean,
): Partial<TServiceProfileInput> {
  if (isSystem) return { protocolSecurity: draft.protocolSecurity };

  return draftToInput(draft);
}

const FIELDS = new Set(['name', 'parent', 'protocolSecurity']);

export function isServiceProfileField(path: string): boolean {
  return FIELDS.has(path);
}
