export { createIcapClient } from './icap-client.ts';
export { scanMessage } from './scan-message.ts';
export type { TMessagePart, TMessageVerdict, TScanMessageOptions } from './scan-message.ts';
export { DEFAULT_VIRUS_HEADER_NAMES } from './find-threat.ts';
export { ICAP_ERROR_CODES, IcapError, type TIcapErrorCode } from './icap-error.ts';
export type {
  TIcapClient,
  TIcapClientOptions,
  TIcapClientStats,
  TIcapLogger,
  TIcapServiceOptions,
  TScanOptions,
  TScanSource,
  TScanVerdict,
} from './types.ts';
