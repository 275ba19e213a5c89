/** The same connection string, pointed at another database on the same server. */
export function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;

  return url.toString();
}

/** The connection string with its password masked, fit for logs. */
export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';

  return url.toString();
}

/** Double-quotes an identifier for SQL, as `quote_ident` would. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
