import type { TSmtpReply } from './parse-replies.ts';

/** The ESMTP extensions of a backend that the relay uses (RFC 5321 4.1.1.1). */
export interface TCapabilities {
  isEsmtp: boolean;
  pipelining: boolean;
  eightBitMime: boolean;
  smtpUtf8: boolean;
  // 0 when the backend announces no limit or no SIZE at all.
  maxSize: number;
  hasSize: boolean;
  xclient: Set<string>;
}

export const NO_CAPABILITIES: TCapabilities = {
  isEsmtp: false,
  pipelining: false,
  eightBitMime: false,
  smtpUtf8: false,
  maxSize: 0,
  hasSize: false,
  xclient: new Set(),
};

/** Reads the keywords of an EHLO reply; the first line is the server's name. */
export function parseCapabilities(reply: TSmtpReply): TCapabilities {
  const capabilities: TCapabilities = { ...NO_CAPABILITIES, isEsmtp: true, xclient: new Set() };

  for (const line of reply.lines.slice(1)) {
    const [keyword = '', ...params] = line.trim().split(/\s+/);

    switch (keyword.toUpperCase()) {
      case 'PIPELINING':
        capabilities.pipelining = true;
        break;
      case '8BITMIME':
        capabilities.eightBitMime = true;
        break;
      case 'SMTPUTF8':
        capabilities.smtpUtf8 = true;
        break;
      case 'SIZE':
        capabilities.hasSize = true;
        capabilities.maxSize = Number(params[0]) || 0;
        break;
      case 'XCLIENT':
        capabilities.xclient = new Set(params.map((p) => p.toUpperCase()));
        break;
    }
  }

  return capabilities;
}
