// The one-time password goes to standard output only, in a box a person notices,
// never into the structured log (logs are shipped and kept; this must not be).

/** The text shown once when the first administrator was created with a random password. */
export function formatFirstRunBanner(username: string, password: string, url: string): string {
  const lines = [
    'Portcullis: first start. An administrator was created:',
    '',
    `  username: ${username}`,
    `  password: ${password}`,
    '',
    `Sign in at ${url} and change this password (it is shown only now).`,
    'To choose it yourself, set PORTCULLIS_ADMIN_PASSWORD on an empty database.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = `+${'-'.repeat(width + 2)}+`;

  return [rule, ...lines.map((line) => `| ${line.padEnd(width)} |`), rule, ''].join('\n');
}
