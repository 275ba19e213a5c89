// DATA: the message goes to the member through the security profile's data checks (when
// it has any), behind the trace fields; the client gets the member's verdict, or the
// profile's refusal once its data is drained.
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { decideData } from '../policy/decide-data.ts';
import { refusalError } from '../policy/reply-table.ts';
import { createMessageInspector } from '../protection/create-message-inspector.ts';
import type { TRecordSink } from '../records/record-sink.ts';
import type { TTrafficKey } from '../records/traffic-aggregator.ts';
import { buildMessageHeader } from '../relay/build-message-header.ts';
import { isPositive, mirroredText } from './reply-errors.ts';
import { answer, fault, refuse } from './session-replies.ts';
import type { TSessionState } from './session-state.ts';

type TCallback = (error?: Error | null, message?: string) => void;

export interface TDataHandlerOptions {
  hostname: string;
  records: TRecordSink;
  traffic: TTrafficKey;
}

export function handleData(
  options: TDataHandlerOptions,
  state: TSessionState | undefined,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  cb: TCallback,
): void {
  const relay = state?.relay;
  const verdict = state && relay ? decideData(state.context) : 'backend_lost_in_data';
  if (!state || !relay || verdict !== 'continue') {
    // smtp-server answers once the client has sent the whole message.
    stream.resume();
    const refusal = verdict === 'continue' ? 'backend_lost_in_data' : verdict;
    return cb(state ? refuse(state, refusal) : refusalError(refusal));
  }

  const policy = state.context.policy;
  const filter = policy ? createMessageInspector(policy) : null;
  const header = buildMessageHeader(session, options.hostname, policy?.transaction.spf ?? null);

  relay.sendMessage(stream, header, filter).then(
    (outcome) => {
      policy?.transcript.add('C', `<message data, ${stream.byteLength} octets>`);
      if (!outcome.reply || !isPositive(outcome.reply)) return cb(answer(state, outcome));

      const recipients = session.envelope.rcptTo.length;
      state.messages += 1;
      state.bytes += stream.byteLength;
      const bytes = stream.byteLength;
      options.records.addTraffic(options.traffic, { messages: 1, bytes, recipients });
      cb(null, mirroredText(outcome.reply));
    },
    (error: Error) => cb(fault(state, error)),
  );
}
