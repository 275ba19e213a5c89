import nodemailer from 'nodemailer';

export interface TSendResult {
  isAccepted: boolean;
  responseCode: number | null;
  response: string;
}

/** Sends one raw message with a real SMTP client (nodemailer), one connection each. */
export async function sendRawMessage(
  port: number,
  envelope: { from: string; to: string[] },
  raw: string,
): Promise<TSendResult> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return { isAccepted: true, responseCode: 250, response: info.response };
  } catch (error) {
    const failure = error as { responseCode?: number; response?: string; message: string };
    return {
      isAccepted: false,
      responseCode: failure.responseCode ?? null,
      response: failure.response ?? failure.message,
    };
  } finally {
    transport.close();
  }
}

export function buildRawMessage(id: string): string {
  return [
    'From: Alice <alice@sender.example>',
    'To: Bob <bob@protected.example>',
    `Subject: message ${id}`,
    `Message-ID: <${id}@sender.example>`,
    '',
    `Body of ${id}.`,
    '.a line that starts with a dot must survive dot-stuffing',
    '..and one with two dots',
    'Last line.',
    '',
  ].join('\r\n');
}
