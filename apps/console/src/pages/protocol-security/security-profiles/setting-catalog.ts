import {
  DEFAULT_SECURITY_PROFILE_SETTINGS,
  ZSecurityProfileSettings,
  type TSecurityProfileSettings,
} from '@portcullis/contracts';
import type { TSettingsCheck } from './check-catalog.ts';

export type TSettingKind = 'number' | 'list' | 'boolean';

export type TSettingValue = number | boolean | string[];

/** One setting of a check as the form shows it; help and limits come from the schema. */
export type TSetting = {
  key: string;
  // The API's field path, e.g. settings.greylisting.holdSeconds.
  path: string;
  label: string;
  kind: TSettingKind;
  description: string | undefined;
  defaultValue: TSettingValue;
  min: number | undefined;
  max: number | undefined;
};

type TLabels = { [C in TSettingsCheck]: Record<keyof TSecurityProfileSettings[C], string> };

const LABELS: TLabels = {
  compliance: {
    maxCommandLineOctets: 'Maximum Command Line (octets)',
    maxTextLineOctets: 'Maximum Text Line (octets)',
    greetingDelayMs: 'Greeting Delay (ms)',
  },
  methods: { disallowed: 'Disallowed Methods', allowed: 'Allowed Methods' },
  rateLimits: {
    messagesPerMinutePerClient: 'Messages per Minute per Client',
    messagesPerMinutePerSender: 'Messages per Minute per Sender',
    concurrentConnectionsPerClient: 'Concurrent Connections per Client',
    ipv6PrefixLength: 'IPv6 Prefix Length',
  },
  greylisting: {
    holdSeconds: 'Hold Time (seconds)',
    retryWindowSeconds: 'Retry Window (seconds)',
    expirySeconds: 'Expiry (seconds)',
    ipv4PrefixLength: 'IPv4 Prefix Length',
    ipv6PrefixLength: 'IPv6 Prefix Length',
    exemptNetworks: 'Exempt Networks',
    exemptSenderDomains: 'Exempt Sender Domains',
    exemptRecipients: 'Exempt Recipients',
    skipWhenSpfPasses: 'Skip When SPF Passes',
  },
  spf: { dnsTimeoutMs: 'DNS Timeout (ms)', addReceivedSpfHeader: 'Add Received-SPF Header' },
  harvest: {
    maxUnknownRecipientsPerMinute: 'Unknown Recipients per Minute',
    blockSeconds: 'Block Time (seconds)',
    validRecipients: 'Valid Recipients',
  },
  validation: {
    maxMessageBytes: 'Maximum Message Size (bytes)',
    maxRecipients: 'Maximum Recipients',
    disallowedSenders: 'Disallowed Senders',
    requireResolvableSenderDomain: 'Require Resolvable Sender Domain',
    protectedDomains: 'Protected Domains',
  },
};

// Just what is read off a Zod 4 schema here, so the console needs no Zod types.
type TSchemaNode = {
  description?: string;
  def: { type: string };
  unwrap(): TSchemaNode;
  shape: Record<string, TSchemaNode>;
  minValue?: number | null;
  maxValue?: number | null;
};

// z.number().int() reports the safe-integer bounds when no limit was set.
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

function unwrapDefault(node: TSchemaNode): TSchemaNode {
  return node.def.type === 'default' ? node.unwrap() : node;
}

function kindOf(value: unknown): TSettingKind {
  if (Array.isArray(value)) return 'list';

  return typeof value === 'boolean' ? 'boolean' : 'number';
}

function limit(value: number | null | undefined): number | undefined {
  return value === null || value === undefined || Math.abs(value) >= NO_LIMIT ? undefined : value;
}

function describeSettings(check: TSettingsCheck): TSetting[] {
  const group = (ZSecurityProfileSettings.shape[check] as unknown as TSchemaNode).unwrap();
  const defaults = DEFAULT_SECURITY_PROFILE_SETTINGS[check] as Record<string, TSettingValue>;
  const labels = LABELS[check] as Record<string, string>;

  return Object.entries(group.shape).map(([key, field]) => {
    const base = unwrapDefault(field);

    return {
      key,
      path: `settings.${check}.${key}`,
      label: labels[key] ?? key,
      kind: kindOf(defaults[key]),
      description: field.description ?? base.description,
      defaultValue: defaults[key] as TSettingValue,
      min: limit(base.minValue),
      max: limit(base.maxValue),
    };
  });
}

const CATALOG = Object.fromEntries(
  (Object.keys(LABELS) as TSettingsCheck[]).map((check) => [check, describeSettings(check)]),
) as Record<TSettingsCheck, TSetting[]>;

export function listSettings(check: TSettingsCheck): TSetting[] {
  return CATALOG[check];
}

const LIST_PATHS = new Set(
  Object.values(CATALOG)
    .flat()
    .filter((setting) => setting.kind === 'list')
    .map((setting) => setting.path),
);

export function isListSetting(path: string): boolean {
  return LIST_PATHS.has(path);
}

export const SETTING_PATHS = new Set(Object.values(CATALOG).flat().map((s) => s.path));
