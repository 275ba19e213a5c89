import type { TSnapshotSecurityProfile, TSnapshotVirtualServer } from '@portcullis/contracts';
import type { SMTPServerSession } from 'smtp-server';
import type { TSessionPolicy } from '../protection/session-policy.ts';

/** What every phase may look at: the virtual server, its profile and the session. */
export interface TPhaseContext {
  virtualServer: TSnapshotVirtualServer;
  // Null when Protocol Security is off: no check runs.
  securityProfile: TSnapshotSecurityProfile | null;
  hasPool: boolean;
  session: SMTPServerSession;
  // The session's side of the security profile; null when Protocol Security is off.
  policy: TSessionPolicy | null;
}
