// Reads the system's nameservers, for a resolver created without explicit servers.
import { readFileSync } from 'node:fs';

const RESOLV_CONF_PATH = '/etc/resolv.conf';

/** The `nameserver` lines of resolv.conf(5), in order; scoped IPv6 zones are dropped. */
export function readResolvConf(filePath = RESOLV_CONF_PATH): string[] {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return [];
  }

  return text
    .split('\n')
    .map((line) => line.replace(/[#;].*$/, '').trim().split(/\s+/))
    .filter((words) => words[0] === 'nameserver' && words[1])
    .map((words) => (words[1] ?? '').replace(/%.*$/, ''));
}
