import type { TIcapServer } from '@portcullis/testkit';

/** The client options that point at a test server's avscan service. */
export function target(server: TIcapServer, service: string = server.service) {
  return { host: server.host, port: server.port, service };
}
