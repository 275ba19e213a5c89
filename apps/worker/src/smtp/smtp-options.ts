import type { TSnapshotSecurityProfile, TSnapshotVirtualServer } from '@portcullis/contracts';
import type { SMTPServerOptions } from 'smtp-server';

/** smtp-server options plus the greeting pause that patch-smtp-server.ts adds. */
export interface TGatewaySmtpOptions extends SMTPServerOptions {
  greetingDelayMs?: number;
}

// SIZE limit when Protocol Security is off and no profile sets one: generous enough
// for any ordinary mail, small enough that a runaway client is stopped.
export const PASS_THROUGH_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * How a virtual server speaks SMTP to clients: ESMTP with SIZE, PIPELINING,
 * 8BITMIME and ENHANCEDSTATUSCODES; STARTTLS only with a certificate; no AUTH (the
 * gateway relays inbound mail, it does not submit for users); extensions the
 * relay cannot carry to the members (SMTPUTF8, DSN, REQUIRETLS) are not offered.
 */
export function buildSmtpOptions(
  virtualServer: TSnapshotVirtualServer,
  securityProfile: TSnapshotSecurityProfile | null,
  hostname: string,
): TGatewaySmtpOptions {
  const tls = virtualServer.tls;
  const disabledCommands = ['AUTH', 'XCLIENT', 'XFORWARD', 'WIZ', 'SHELL', 'KILL'];
  if (!tls) disabledCommands.push('STARTTLS');

  return {
    name: hostname,
    size: securityProfile?.settings.validation.maxMessageBytes ?? PASS_THROUGH_MAX_MESSAGE_BYTES,
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
    greetingDelayMs: securityProfile?.settings.compliance.greetingDelayMs ?? 0,
    ...(tls ? { key: tls.key, cert: tls.certificate } : {}),
  };
}
