import { spawn } from 'node:child_process';
import net from 'node:net';
import { startProcess, type TStartedProcess } from '@portcullis/testkit';
import { BENCH_HELO, BENCH_RECIPIENT, BENCH_SENDER } from './bench-world.ts';

export interface TLoad {
  sessions: number;
  messages: number;
  messageBytes: number;
  // true: one connection carries many messages (smtp-source -d).
  isPersistent: boolean;
}

/** Postfix's smtp-sink: a fast, independent SMTP server that accepts and discards. */
export function startSmtpSink(port: number, logDir: string): Promise<TStartedProcess> {
  // As root smtp-sink insists on dropping privileges after binding.
  return startProcess('smtp-sink', 'smtp-sink', ['-u', 'nobody', `127.0.0.1:${port}`, '1000'], {}, logDir);
}

/** Runs Postfix's smtp-source and returns the messages per second it achieved. */
export async function runSmtpSource(port: number, load: TLoad): Promise<number> {
  const args = [
    '-s', String(load.sessions),
    '-m', String(load.messages),
    '-l', String(load.messageBytes),
    '-M', BENCH_HELO,
    '-f', BENCH_SENDER,
    '-t', BENCH_RECIPIENT,
    ...(load.isPersistent ? ['-d'] : []),
    `127.0.0.1:${port}`,
  ];
  const startedAt = process.hrtime.bigint();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn('smtp-source', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (exitCode) => resolve({ code: exitCode, stderr: errors }));
  });
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  if (code !== 0 || stderr.includes('fatal') || stderr.includes('error')) {
    throw new Error(`smtp-source failed (${code}): ${stderr.trim().slice(0, 300)}`);
  }

  return load.messages / seconds;
}

export async function waitForSmtpGreeting(port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const isReady = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', (chunk) => {
        socket.destroy();
        resolve(chunk.toString().startsWith('220'));
      });
      socket.once('error', () => resolve(false));
    });
    if (isReady) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing greeted on port ${port} within ${timeoutMs} ms`);
}

/**
 * One message with the benchmark's envelope, as smtp-source sends it, answered line by
 * line. Returns the reply to RCPT (greylisting answers there); sends the data on a 250.
 */
export async function tryDelivery(port: number): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  const replies = readReplies(socket);
  const ask = async (line: string) => {
    socket.write(`${line}\r\n`);

    return replies.next();
  };

  try {
    await replies.next();
    await ask(`EHLO ${BENCH_HELO}`);
    await ask(`MAIL FROM:<${BENCH_SENDER}>`);
    const rcpt = await ask(`RCPT TO:<${BENCH_RECIPIENT}>`);
    if (rcpt.startsWith('250') && (await ask('DATA')).startsWith('354')) {
      await ask('Subject: bench warm-up\r\n\r\nwarm-up\r\n.');
    }
    await ask('QUIT');

    return rcpt;
  } finally {
    socket.destroy();
  }
}

type TTaker = { resolve: (reply: string) => void; reject: (error: Error) => void };

/**
 * Complete replies (the last line of a multi-line one has a space after the code), in
 * order. A reply awaited when the connection fails or closes is rejected.
 */
export function readReplies(socket: net.Socket) {
  const complete: string[] = [];
  const waiting: TTaker[] = [];
  let buffered = '';
  socket.on('data', (chunk) => {
    buffered += chunk.toString('latin1');
    for (let end = buffered.indexOf('\r\n'); end !== -1; end = buffered.indexOf('\r\n')) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (line[3] === '-') continue;
      const taker = waiting.shift();
      if (taker) taker.resolve(line);
      else complete.push(line);
    }
  });
  const failAll = (error: Error) => {
    for (const taker of waiting.splice(0)) taker.reject(error);
  };
  socket.on('error', failAll);
  socket.on('close', () => failAll(new Error('the connection closed before the reply')));

  return {
    next: () =>
      new Promise<string>((resolve, reject) => {
        const ready = complete.shift();
        if (ready !== undefined) return resolve(ready);

        waiting.push({ resolve, reject });
      }),
  };
}
