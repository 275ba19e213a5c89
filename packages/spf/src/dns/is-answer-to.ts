// Matches a received message to the question we sent (RFC 5452 section 4.3): same id, marked as
// a response, same question name (case-insensitively) and type.
import dnsPacket from 'dns-packet';

export function isAnswerTo(message: Buffer, id: number, name: string, type: string): boolean {
  let packet: dnsPacket.DecodedPacket;
  try {
    packet = dnsPacket.decode(message);
  } catch {
    return false;
  }

  const question = packet.questions?.[0];

  return (
    packet.id === id &&
    packet.flag_qr &&
    question !== undefined &&
    question.type === type &&
    question.name.toLowerCase() === name.toLowerCase()
  );
}
