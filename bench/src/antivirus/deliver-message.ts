// One message through a target, for the checks before measuring: the reply to the end of
// its data (or to whichever command refused it first).
import net from 'node:net';

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

// Final lines of complete replies, in order.
function readReplies(socket: net.Socket) {
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buffered = '';
  socket.on('data', (chunk) => {
    buffered += chunk.toString('latin1');
    for (let end = buffered.indexOf('\r\n'); end !== -1; end = buffered.indexOf('\r\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (line[3] === '-') continue;

      const taker = waiting.shift();
      if (taker) taker(line);
      else lines.push(line);
    }
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    for (const taker of waiting.splice(0)) taker('closed');
  });

  return {
    next: () =>
      new Promise<string>((resolve) => {
        const line = lines.shift();
        if (line !== undefined) resolve(line);
        else waiting.push(resolve);
      }),
  };
}
