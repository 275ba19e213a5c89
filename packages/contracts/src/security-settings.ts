import { z } from 'zod';

const ZCidr = z.string().regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, { message: 'use an address or CIDR network' });

export const ZComplianceSettings = z.object({
  maxCommandLineOctets: z.number().int().min(512).max(65536).default(512)
    .describe('RFC 5321 4.5.3.1.4: 512 octets including CRLF'),
  maxTextLineOctets: z.number().int().min(1000).max(1048576).default(1000)
    .describe('RFC 5321 4.5.3.1.6: 1000 octets including CRLF'),
  greetingDelayMs: z.number().int().min(0).max(30000).default(0)
    .describe('pause before the greeting to catch clients that talk first; 0 checks only what arrives first'),
});

export const ZMethodSettings = z.object({
  disallowed: z.array(z.string().regex(/^[A-Za-z]{1,16}$/)).default(['VRFY', 'EXPN', 'ETRN'])
    .describe('commands refused wherever they appear'),
  allowed: z.array(z.string().regex(/^[A-Za-z]{1,16}$/)).default([])
    .describe('when not empty, only these commands are accepted'),
});

export const ZRateLimitSettings = z.object({
  messagesPerMinutePerClient: z.number().int().min(1).default(120)
    .describe('messages accepted per minute from one client address (IPv6: one network)'),
  messagesPerMinutePerSender: z.number().int().min(1).default(60)
    .describe('messages accepted per minute from one envelope sender'),
  concurrentConnectionsPerClient: z.number().int().min(1).default(20)
    .describe('connections open at once from one client address (IPv6: one network)'),
  ipv6PrefixLength: z.number().int().min(32).max(128).default(64)
    .describe('IPv6 clients are counted per network of this length'),
});

export const ZGreylistSettings = z.object({
  holdSeconds: z.number().int().min(0).default(300).describe('a retry earlier than this is refused again'),
  retryWindowSeconds: z.number().int().min(60).default(86400).describe('a retry later than this starts over'),
  expirySeconds: z.number().int().min(3600).default(36 * 86400).describe('a passed triplet is remembered this long'),
  ipv4PrefixLength: z.number().int().min(8).max(32).default(24)
    .describe('IPv4 clients share a triplet per network of this length'),
  ipv6PrefixLength: z.number().int().min(32).max(128).default(64)
    .describe('IPv6 clients share a triplet per network of this length'),
  exemptNetworks: z.array(ZCidr).default([])
    .describe('clients in these addresses or networks are never greylisted'),
  exemptSenderDomains: z.array(z.string()).default([])
    .describe('senders of these domains are never greylisted; .example.com adds subdomains'),
  exemptRecipients: z.array(z.string()).default([])
    .describe('mail to these addresses (or @example.com for a domain) is never greylisted'),
  skipWhenSpfPasses: z.boolean().default(false)
    .describe('senders that pass SPF are not greylisted'),
});

export const ZSpfSettings = z.object({
  dnsTimeoutMs: z.number().int().min(100).max(30000).default(3000)
    .describe('time limit in milliseconds for the DNS lookups of one check'),
  addReceivedSpfHeader: z.boolean().default(true)
    .describe('add a Received-SPF header (RFC 7208 section 9.1) to relayed messages'),
});

export const ZHarvestSettings = z.object({
  maxUnknownRecipientsPerMinute: z.number().int().min(1).default(10)
    .describe('non-existent recipients one client may try per minute'),
  blockSeconds: z.number().int().min(1).default(600).describe('how long a harvesting client is refused'),
  validRecipients: z.array(z.string()).default([])
    .describe('when not empty, any other recipient counts as non-existent'),
});

export const ZValidationSettings = z.object({
  maxMessageBytes: z.number().int().min(1024).default(10 * 1024 * 1024)
    .describe('largest message accepted, in bytes'),
  maxRecipients: z.number().int().min(1).default(100).describe('most recipients of one message'),
  disallowedSenders: z.array(z.string()).default([]).describe('addresses, @domains, networks or reverse-DNS names'),
  requireResolvableSenderDomain: z.boolean().default(true)
    .describe('refuse senders whose domain has neither an MX nor an A record'),
  protectedDomains: z.array(z.string()).default([])
    .describe('recipient domains accepted here; empty accepts any (set it to close the relay)'),
});

export const ZSecurityProfileSettings = z.object({
  compliance: ZComplianceSettings.default(ZComplianceSettings.parse({})),
  methods: ZMethodSettings.default(ZMethodSettings.parse({})),
  rateLimits: ZRateLimitSettings.default(ZRateLimitSettings.parse({})),
  greylisting: ZGreylistSettings.default(ZGreylistSettings.parse({})),
  spf: ZSpfSettings.default(ZSpfSettings.parse({})),
  harvest: ZHarvestSettings.default(ZHarvestSettings.parse({})),
  validation: ZValidationSettings.default(ZValidationSettings.parse({})),
});
export type TSecurityProfileSettings = z.infer<typeof ZSecurityProfileSettings>;

export const DEFAULT_SECURITY_PROFILE_SETTINGS: TSecurityProfileSettings = ZSecurityProfileSettings.parse({});
