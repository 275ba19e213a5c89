import type { TViolationRecord } from '@portcullis/contracts';

/** A complete violation record as the worker builds it, for the remote logging tests. */
export function violationRecord(overrides: Partial<TViolationRecord> = {}): TViolationRecord {
  return {
    supportId: 'ABCDE-12345',
    time: '2026-12-04T19:42:33.123Z',
    protocol: 'SMTP',
    virtualServer: 'vs_smtp',
    serviceProfile: 'smtp',
    securityProfile: 'strict',
    clientAddress: '192.0.2.7',
    clientPort: 40123,
    helo: 'client.example',
    mailFrom: 'alice@sender.example',
    rcptTo: ['bob@protected.example', 'carol@protected.example'],
    command: 'VRFY bob',
    violation: 'disallowed_method',
    action: 'ALARM_BLOCK',
    reply: '502 5.5.1 Command not allowed here (Support ID: ABCDE-12345)',
    details: { transcript: [], note: 'VRFY is on the disallowed list' },
    ...overrides,
  };
}
