import { openSession, type RawSmtpClient, type TReply } from './smtp-client.ts';

// The sender and recipient most tests use (sender.example is in TEST_ZONE).
export const ALICE = 'alice@sender.example';
export const BOB = 'bob@protected.example';

export interface TTransactionReplies {
  mail: TReply;
  rcpts: TReply[];
  data: TReply | null;
  end: TReply | null;
}

/**
 * One transaction on an open session: MAIL, each RCPT (all of them, even after a
 * refusal), then DATA and the message when a recipient was accepted.
 */
export async function sendTransaction(
  client: RawSmtpClient,
  from: string,
  to: string[],
  message = 'Subject: test\r\n\r\nbody',
  mailParameters = '',
): Promise<TTransactionReplies> {
  const mail = await client.command(`MAIL FROM:<${from}>${mailParameters}`);
  const rcpts: TReply[] = [];
  if (mail.code !== 250) return { mail, rcpts, data: null, end: null };

  for (const rcpt of to) rcpts.push(await client.command(`RCPT TO:<${rcpt}>`));
  if (!rcpts.some((reply) => reply.code === 250)) return { mail, rcpts, data: null, end: null };

  const data = await client.command('DATA');
  if (data.code !== 354) return { mail, rcpts, data, end: null };

  await client.write(`${message}\r\n.\r\n`);

  return { mail, rcpts, data, end: await client.read() };
}

/** A whole session from a given loopback address: connect, EHLO, one transaction, QUIT. */
export async function sendOne(
  port: number,
  options: { from: string; to: string[]; local?: string; helo?: string; message?: string },
): Promise<TTransactionReplies> {
  const client = await openSession(port, options.helo ?? 'client.test', '127.0.0.1', options.local);
  try {
    return await sendTransaction(client, options.from, options.to, options.message);
  } finally {
    client.close();
  }
}
