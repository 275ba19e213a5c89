// DATA: the message goes to the member through the security profile's data checks (when
// it has any), behind the trace fields; the client gets the member's verdict, or the
// profile's refusal once its data is drained. With virus scanning the message is held for
// its verdict first (scanned-data-handler.ts).
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { decideData } from '../policy/decide-data.ts';
import { refusalError } from '../policy/reply-table.ts';
import { createMessageInspector } from '../protection/create-message-inspector.ts';
import { buildMessageHeader } from '../relay/build-message-header.ts';
import { answerRelayed, type TCallback, type TDataHandlerOptions } from './answer-relayed.ts';
import { handleScannedData, isScanning } from './scanned-data-handler.ts';
import { fault, refuse } from './session-replies.ts';
import type { TSessionState } from './session-state.ts';

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
  if (policy && isScanning(policy)) {
    return handleScannedData(options, { state, relay, policy }, stream, session, cb);
  }

  const filter = policy ? createMessageInspector(policy) : null;
  const header = buildMessageHeader(session, options.hostname, policy?.transaction.spf ?? null);

  relay.sendMessage(stream, header, filter).then(
    (outcome) => {
      policy?.transcript.add('C', `<message data, ${stream.byteLength} octets>`);
      answerRelayed(options, state, session, outcome, stream.byteLength, cb);
    },
    (error: Error) => cb(fault(state, error)),
  );
}
