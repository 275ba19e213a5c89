// The parts of smtp-server's SMTPConnection and SMTPStream the inspector works with
// (smtp-server 3.21.6). patch-smtp-server.ts checks at start that the methods exist.
import type { SMTPServerSession } from 'smtp-server';

export type TSendReply = (
  code: number,
  data?: string | string[] | null,
  context?: string | false,
) => void;

export interface TInspectedParser {
  // Called by socket.pipe() as data arrives; false pauses the socket until 'drain'.
  write(chunk: Buffer, ...rest: unknown[]): boolean;
  emit(event: 'drain'): boolean;
  // Called by the Writable machinery, in order, when the parser is ready for a chunk;
  // also by the parser itself with what is left when it switches between command and
  // data mode.
  _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void;
  oncommand(command: Buffer, callback?: () => void): void;
  _dataMode: boolean;
  // Longest command line it takes (without the line ending); a longer one fails the stream.
  _maxCommandLength?: number;
}

export interface TInspectedConnection {
  session: SMTPServerSession;
  remoteAddress: string;
  remotePort: number;
  hostNameAppearsAs: string | false;
  openingCommand: string | false;
  secure: boolean;
  send: TSendReply;
  _whenWritable(next: () => void): void;
}
