// The record of one violation, as the API stores it (ZViolationRecord): who, where, what
// the client had said so far, and what the gateway did about it.
import type {
  TViolationActionTaken,
  TViolationRecord,
} from '@portcullis/contracts';
import type { TViolationFound } from '@portcullis/policy';
import type { TSessionPolicy } from './session-policy.ts';
import { toVisible } from './transcript.ts';

export interface TFindingSubject {
  // The command or message concerned, as the client sent it.
  command: string;
  // The sender under check at MAIL, before the envelope holds it.
  sender?: string | null;
}

interface TRecordInput {
  policy: TSessionPolicy;
  finding: TViolationFound;
  subject: TFindingSubject;
  supportId: string;
  action: TViolationActionTaken;
  // The reply line sent; '' when the profile only alarms and the command went on.
  reply: string;
}

const MAX_RECIPIENTS = 1000;

export function buildViolationRecord(input: TRecordInput): TViolationRecord {
  const { policy, finding, subject, reply } = input;
  const { profile, session } = policy;
  const envelope = session.envelope as typeof session.envelope | undefined;
  const sender = subject.sender !== undefined ? subject.sender : readSender(envelope?.mailFrom);
  const recipients = envelope?.rcptTo ?? [];
  const transcript = policy.transcript.lines();
  if (reply) transcript.push(`S: ${toVisible(reply)}`);

  return {
    supportId: input.supportId,
    time: new Date().toISOString(),
    protocol: 'SMTP',
    virtualServer: profile.virtualServer,
    serviceProfile: profile.serviceProfile,
    securityProfile: profile.securityProfile,
    clientAddress: policy.client.address,
    clientPort: policy.client.port,
    helo: session.hostNameAppearsAs ? clip(session.hostNameAppearsAs, 512) : null,
    mailFrom: sender === null ? null : clip(sender === '' ? '<>' : sender, 512),
    rcptTo: recipients.slice(0, MAX_RECIPIENTS).map((rcpt) => clip(rcpt.address, 512)),
    command: clip(toVisible(subject.command), 1024),
    violation: finding.violation,
    action: input.action,
    reply: clip(reply, 1024),
    details: { transcript, note: clip(finding.detail, 1024) },
  };
}

function readSender(mailFrom: { address: string } | false | undefined): string | null {
  return mailFrom ? mailFrom.address : null;
}

function clip(text: string, length: number): string {
  return text.length > length ? text.slice(0, length) : text;
}
