// A virtual server's security profile, resolved once per snapshot: what each violation
// leads to, the resolver its DNS checks share, where its records go. Every session of the
// virtual server reads it; nothing here is computed per command.
import {
  VIOLATION_NAMES,
  type TSecurityProfileSettings,
  type TSnapshot,
  type TSnapshotSecurityProfile,
  type TSnapshotVirtualServer,
  type TViolation,
} from '@portcullis/contracts';
import {
  createProfileResolver,
  decideAction,
  type TActionDecision,
  type TCounterStore,
  type TPolicyDeps,
  type TSpfOutcome,
} from '@portcullis/policy';
import type { DnsResolver } from '@portcullis/spf';
import type { AntivirusScanner } from '../antivirus/antivirus-scanner.ts';
import type { TLogger } from '../logging/create-logger.ts';
import type { TRecordSink } from '../records/record-sink.ts';
import type { TTrafficKey } from '../records/traffic-aggregator.ts';
import { createCachingResolver, DNS_CACHE_TTL_MS } from './create-caching-resolver.ts';
import { createExpiringCache, type TExpiringCache } from './create-expiring-cache.ts';

export interface TProfilePolicy {
  virtualServer: string;
  serviceProfile: string;
  securityProfile: string;
  settings: TSecurityProfileSettings;
  decisions: Readonly<Record<TViolation, TActionDecision>>;
  deps: TPolicyDeps;
  resolver: DnsResolver;
  // SPF outcomes by client, sender and HELO, kept as long as the DNS answers behind them.
  spfResults: TExpiringCache<TSpfOutcome>;
  records: TRecordSink;
  traffic: TTrafficKey;
  // Our host name: SPF's receiver, the Received-SPF header's author.
  receiver: string;
  // The worker's ICAP client, shared by every profile; it knows whether a server is set.
  antivirus: AntivirusScanner;
}

export interface TProfilePolicyInput {
  virtualServer: TSnapshotVirtualServer;
  securityProfile: TSnapshotSecurityProfile;
  dns: TSnapshot['dns'];
  store: TCounterStore;
  records: TRecordSink;
  hostname: string;
  logger: TLogger;
  antivirus: AntivirusScanner;
}

const SPF_RESULTS_KEPT = 10_000;

export function buildProfilePolicy(input: TProfilePolicyInput): TProfilePolicy {
  const { virtualServer, securityProfile } = input;
  const decisions = Object.fromEntries(
    VIOLATION_NAMES.map((name) => [name, decideAction(name, securityProfile.actions)]),
  ) as Record<TViolation, TActionDecision>;

  return {
    virtualServer: virtualServer.name,
    serviceProfile: virtualServer.serviceProfile ?? '',
    securityProfile: securityProfile.name,
    settings: securityProfile.settings,
    decisions,
    deps: { store: input.store, logger: input.logger },
    // The resolvers the administrator set under System › DNS; none: /etc/resolv.conf.
    resolver: createCachingResolver(
      createProfileResolver(securityProfile.settings.spf, input.dns.resolvers),
    ),
    spfResults: createExpiringCache<TSpfOutcome>(DNS_CACHE_TTL_MS, SPF_RESULTS_KEPT),
    records: input.records,
    traffic: { securityProfile: securityProfile.name, virtualServer: virtualServer.name },
    receiver: input.hostname,
    antivirus: input.antivirus,
  };
}

/** Whether the profile alarms on or blocks any of the violations (else: skip the check). */
export function isOn(policy: TProfilePolicy, ...violations: TViolation[]): boolean {
  return violations.some((violation) => policy.decisions[violation] !== 'skip');
}
