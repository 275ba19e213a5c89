import type { TSnapshotVirtualServer } from '@portcullis/contracts';
import { maxMessageBytes } from '../protection/message-size-limit.ts';
import { isOn, type TProfilePolicy } from '../protection/profile-policy.ts';
import type { TInspectConnection } from './patch-smtp-server.ts';
import type { SMTPServerOptions } from 'smtp-server';

/** smtp-server options plus those patch-smtp-server.ts adds. */
export interface TGatewaySmtpOptions extends SMTPServerOptions {
  greetingDelayMs?: number;
  inspectConnection?: TInspectConnection;
  isSizeJudgedByPolicy?: boolean;
}

// smtp-server's parser closes the session with 421 past this; shorter lines over the
// profile's limit are the inspector's to judge.
const PARSER_MAX_COMMAND_OCTETS = 16 * 1024;

/**
 * How a virtual server speaks SMTP to clients: ESMTP with SIZE, PIPELINING,
 * 8BITMIME and ENHANCEDSTATUSCODES; STARTTLS only with a certificate; no AUTH (the
 * gateway relays inbound mail, it does not submit for users); extensions the
 * relay cannot carry to the members (SMTPUTF8, DSN, REQUIRETLS) are not offered.
 */
export function buildSmtpOptions(
  virtualServer: TSnapshotVirtualServer,
  policy: TProfilePolicy | null,
  hostname: string,
  inspectConnection: TInspectConnection | null,
): TGatewaySmtpOptions {
  const tls = virtualServer.tls;
  const disabledCommands = ['AUTH', 'XCLIENT', 'XFORWARD', 'WIZ', 'SHELL', 'KILL'];
  if (!tls) disabledCommands.push('STARTTLS');

  return {
    name: hostname,
    size: maxMessageBytes(policy),
    authOptional: true,
    disabledCommands,
    hideSTARTTLS: !tls,
    hideENHANCEDSTATUSCODES: false,
    hideSMTPUTF8: true,
    hideDSN: true,
    hideREQUIRETLS: true,
    // Reverse DNS is the SPF and validation checks' business, with their own resolver.
    disableReverseLookup: true,
    logger: false,
    greetingDelayMs: policy?.settings.compliance.greetingDelayMs ?? 0,
    ...(policy && inspectConnection ? protectedOptions(policy, inspectConnection) : {}),
    ...(tls ? { key: tls.key, cert: tls.certificate } : {}),
  };
}

function protectedOptions(policy: TProfilePolicy, inspectConnection: TInspectConnection) {
  const { maxCommandLineOctets } = policy.settings.compliance;

  return {
    inspectConnection,
    isSizeJudgedByPolicy: isOn(policy, 'message_too_large'),
    maxCommandLength: Math.max(PARSER_MAX_COMMAND_OCTETS, maxCommandLineOctets),
  };
}
