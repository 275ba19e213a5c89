import {
  DEFAULT_SECURITY_PROFILE_SETTINGS,
  DEFAULT_VIOLATION_ACTIONS,
  type TSecurityProfile,
  type TSecurityProfileInput,
  type TSecurityProfileSettings,
  type TViolationActions,
} from '@portcullis/contracts';
import {
  linesToList,
  listToLines,
  toListFieldError,
  toWholeNumber,
} from '../../../forms/list-field-error.ts';
import type { TSettingsCheck } from './check-catalog.ts';
import {
  isListSetting,
  listSettings,
  SETTING_PATHS,
  type TSetting,
  type TSettingValue,
} from './setting-catalog.ts';

export const SECURITY_PROFILE_FORM_ID = 'secprof';

// Numbers and lists are edited as text (lists one entry per line); check boxes as booleans.
export type TSettingDraft = string | boolean;

export type TSettingsDraft = Record<TSettingsCheck, Record<string, TSettingDraft>>;

export type TSecurityProfileDraft = {
  name: string;
  description: string;
  remoteLogging: boolean;
  actions: TViolationActions;
  settings: TSettingsDraft;
};

export function settingToDraft(value: TSettingValue): TSettingDraft {
  if (Array.isArray(value)) return listToLines(value);

  return typeof value === 'boolean' ? value : String(value);
}

function draftToSetting(setting: TSetting, value: TSettingDraft | undefined): unknown {
  if (setting.kind === 'boolean') return value === true;
  const text = typeof value === 'string' ? value : '';

  return setting.kind === 'list' ? linesToList(text) : toWholeNumber(text);
}

function settingsToDraft(settings: TSecurityProfileSettings): TSettingsDraft {
  const checks = Object.keys(settings) as TSettingsCheck[];
  const entries = checks.map((check) => {
    const values = settings[check] as Record<string, TSettingValue>;
    const drafts = Object.entries(values).map(([key, value]) => [key, settingToDraft(value)]);

    return [check, Object.fromEntries(drafts)];
  });

  return Object.fromEntries(entries) as TSettingsDraft;
}

function draftToSettings(draft: TSettingsDraft): TSecurityProfileInput['settings'] {
  const checks = Object.keys(draft) as TSettingsCheck[];
  const entries = checks.map((check) => {
    const values = listSettings(check).map((s) => [s.key, draftToSetting(s, draft[check][s.key])]);

    return [check, Object.fromEntries(values)];
  });

  return Object.fromEntries(entries) as TSecurityProfileInput['settings'];
}

/** A new profile starts from the defaults every profile is created with. */
export function emptySecurityProfileDraft(): TSecurityProfileDraft {
  return {
    name: '',
    description: '',
    remoteLogging: false,
    actions: structuredClone(DEFAULT_VIOLATION_ACTIONS),
    settings: settingsToDraft(DEFAULT_SECURITY_PROFILE_SETTINGS),
  };
}

export function draftFromSecurityProfile(profile: TSecurityProfile): TSecurityProfileDraft {
  return {
    name: profile.name,
    description: profile.description,
    remoteLogging: profile.remoteLogging,
    actions: structuredClone(profile.actions),
    settings: settingsToDraft(profile.settings),
  };
}

export function draftToInput(draft: TSecurityProfileDraft): TSecurityProfileInput {
  return {
    name: draft.name.trim(),
    description: draft.description,
    remoteLogging: draft.remoteLogging,
    actions: draft.actions,
    settings: draftToSettings(draft.settings),
  };
}

const GENERAL_FIELDS = new Set(['name', 'description', 'remoteLogging']);

export function isSecurityProfileField(path: string): boolean {
  return GENERAL_FIELDS.has(path) || SETTING_PATHS.has(path);
}

/** An error on `settings.greylisting.exemptNetworks.1` belongs to that list's textarea. */
export function placeSettingError(error: unknown): unknown {
  return toListFieldError(error, isListSetting);
}
