// The record sink the sessions write to: every violation goes to the API's spool as before
// and, when its profile says so, to the remote log server too.
import type { TRecordSink } from '../records/record-sink.ts';
import type { TRemoteLogSender } from './remote-log-sender.ts';

export function teeViolations(sink: TRecordSink, remoteLog: TRemoteLogSender): TRecordSink {
  return {
    recordViolation(record) {
      sink.recordViolation(record);
      remoteLog.log(record);
    },
    addTraffic: (key, deltas) => sink.addTraffic(key, deltas),
  };
}
