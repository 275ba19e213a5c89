// A line-by-line SMTP client on a raw socket, for tests that need to see each reply
// exactly as the gateway sent it. It waits for every reply: no pipelining.
import net from 'node:net';

export interface TSmtpReply {
  code: number;
  text: string;
}

export interface TSmtpDialogue {
  greeting: TSmtpReply;
  command(line: string): Promise<TSmtpReply>;
  sendData(message: string): Promise<TSmtpReply>;
  close(): void;
}

const REPLY_TIMEOUT_MS = 15_000;

export async function openSmtpDialogue(port: number, host = '127.0.0.1'): Promise<TSmtpDialogue> {
  const socket = net.connect(port, host);
  let buffer = '';
  let waiting: ((reply: TSmtpReply) => void) | null = null;
  const lines: string[] = [];

  const takeReply = () => {
    const last = lines.findIndex((line) => /^\d{3} /.test(line) || /^\d{3}$/.test(line));
    if (last < 0 || !waiting) return;

    const replyLines = lines.splice(0, last + 1);
    const resolve = waiting;
    waiting = null;
    resolve({ code: Number(replyLines[0]!.slice(0, 3)), text: replyLines.join('\n') });
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\r\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    takeReply();
  });

  const nextReply = () =>
    new Promise<TSmtpReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no SMTP reply in time')), REPLY_TIMEOUT_MS);
      socket.once('error', reject);
      waiting = (reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      takeReply();
    });

  const greeting = await nextReply();
  const command = (line: string) => {
    socket.write(`${line}\r\n`);
    return nextReply();
  };
  const sendData = (message: string) => {
    const stuffed = message.replace(/^\./gm, '..');
    socket.write(`${stuffed.endsWith('\r\n') ? stuffed : `${stuffed}\r\n`}.\r\n`);
    return nextReply();
  };

  return { greeting, command, sendData, close: () => socket.destroy() };
}
