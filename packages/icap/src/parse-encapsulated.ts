import { IcapError } from './icap-error.ts';
import { clip } from './parse-header-block.ts';

export interface TEncapsulated {
  // Sections in order, each with its byte offset from the end of the ICAP head.
  sections: { name: string; offset: number }[];
  // Bytes of encapsulated HTTP headers before the body (or null-body) offset.
  headerBytes: number;
  // Whether a chunked body follows the headers.
  hasBody: boolean;
}

const HEADER_SECTIONS = new Set(['req-hdr', 'res-hdr']);
const BODY_SECTIONS = new Set(['req-body', 'res-body', 'opt-body']);

/**
 * The Encapsulated header (RFC 3507 section 4.4.1): header sections with
 * ascending offsets, then exactly one body or null-body entry last. A missing
 * header means no encapsulated part at all, as c-icap sends with 204.
 */
export function parseEncapsulated(value: string | undefined): TEncapsulated {
  if (value === undefined) return { sections: [], headerBytes: 0, hasBody: false };

  const sections = value.split(',').map((entry) => parseEntry(entry.trim(), value));
  const last = sections[sections.length - 1];
  if (!last || !(BODY_SECTIONS.has(last.name) || last.name === 'null-body')) {
    throw new IcapError('icap_protocol_error', `Encapsulated ends without a body: ${clip(value)}`);
  }

  if (sections[0]!.offset !== 0) {
    throw new IcapError('icap_protocol_error', `Encapsulated must start at 0: ${clip(value)}`);
  }
  sections.forEach((section, index) => {
    const isLast = index === sections.length - 1;
    const previous = sections[index - 1];
    if (!isLast && !HEADER_SECTIONS.has(section.name)) {
      throw new IcapError('icap_protocol_error', `Encapsulated order: ${clip(value)}`);
    }
    if (previous && section.offset < previous.offset) {
      throw new IcapError('icap_protocol_error', `Encapsulated offsets: ${clip(value)}`);
    }
  });

  return { sections, headerBytes: last.offset, hasBody: last.name !== 'null-body' };
}

function parseEntry(entry: string, whole: string): { name: string; offset: number } {
  const match = /^([a-z-]+)=(\d{1,9})$/i.exec(entry);
  if (!match) throw new IcapError('icap_protocol_error', `bad Encapsulated: ${clip(whole)}`);

  return { name: match[1]!.toLowerCase(), offset: Number(match[2]) };
}
