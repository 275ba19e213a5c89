// The anti-virus settings of a snapshot: the ICAP server of Protocol Security › Anti-Virus
// Protection and the internal parameters that tune the client. A parameter whose value
// does not parse falls back to its default, so a typo never turns scanning off.
import type { TSnapshot } from '@portcullis/contracts';
import { DEFAULT_VIRUS_HEADER_NAMES } from '@portcullis/icap';

export interface TAntivirusSettings {
  // Host name or IP address of the ICAP server.
  host: string;
  port: number;
  // icap_uri: the service path, `avscan` for c-icap's virus_scan.
  service: string;
  // virus_header_name: response headers naming the virus, comma-separated.
  virusHeaderNames: string;
  // icap_timeout_ms: limit for connect, each response and each stalled write.
  timeoutMs: number;
  // icap_preview_bytes: RFC 3507 4.5 preview; 0 sends none.
  previewBytes: number;
  // On: a failed scan refuses the message with 451. Off: it is relayed unscanned.
  isGuaranteed: boolean;
  // The resolvers a host name is looked up with (System › DNS; none: resolv.conf).
  dns: TSnapshot['dns'];
}

const DEFAULT_SERVICE = 'avscan';
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_PREVIEW_BYTES = 1024;

/** Null when no ICAP server is configured: nothing is scanned. */
export function readAntivirusSettings(snapshot: TSnapshot): TAntivirusSettings | null {
  const { antivirus, internalParameters: parameters } = snapshot;
  const host = antivirus.host?.trim();
  if (!host) return null;

  return {
    host,
    port: antivirus.port,
    service: parameters.icap_uri?.trim().replace(/^\/+/, '') || DEFAULT_SERVICE,
    virusHeaderNames: parameters.virus_header_name?.trim() || DEFAULT_VIRUS_HEADER_NAMES.join(','),
    timeoutMs: readInteger(parameters.icap_timeout_ms, 1, DEFAULT_TIMEOUT_MS),
    previewBytes: readInteger(parameters.icap_preview_bytes, 0, DEFAULT_PREVIEW_BYTES),
    isGuaranteed: antivirus.guaranteeEnforcement,
    dns: snapshot.dns,
  };
}

function readInteger(text: string | undefined, min: number, fallback: number): number {
  const digits = text?.trim() ?? '';
  if (!/^\d{1,9}$/.test(digits)) return fallback;

  return Number(digits) >= min ? Number(digits) : fallback;
}
