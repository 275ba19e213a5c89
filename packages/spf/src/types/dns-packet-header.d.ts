// dns-packet decodes the header's rcode and opcode, but @types/dns-packet leaves them out.
import 'dns-packet';

declare module 'dns-packet' {
  interface DecodedPacket {
    rcode: string;
    opcode: string;
  }
}
