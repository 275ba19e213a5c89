import { spawn } from 'node:child_process';
import { startProcess, type TStartedProcess } from '@portcullis/testkit';

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
    '-f', 'bench@sender.example',
    '-t', 'rcpt@protected.example',
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
  const net = await import('node:net');
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
