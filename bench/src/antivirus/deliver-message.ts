// One message through a target, for the checks before measuring: the reply to the end of
// its data (or to whichever command refused it first).
import net from 'node:net';
import { readReplies } from '../smtp-tools.ts';

export async function deliverMessage(port: number, message: string): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  const replies = readReplies(socket);
  const steps = [
    'EHLO bench.example',
    'MAIL FROM:<bench@sender.example>',
    'RCPT TO:<rcpt@protected.example>',
    'DATA',
  ];

  try {
    await replies.next();
    for (const line of steps) {
      socket.write(`${line}\r\n`);
      const reply = await replies.next();
      if (!/^[23]/.test(reply)) return reply;
    }
    socket.write(`${message}\r\n.\r\n`);

    return await replies.next();
  } finally {
    socket.end('QUIT\r\n');
  }
}
