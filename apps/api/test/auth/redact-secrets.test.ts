import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTED, redactSecrets } from '../../src/domain/audit/redact-secrets.ts';

describe('redactSecrets', () => {
  it('should replace secret-named fields at any depth and keep the rest', () => {
    const value = {
      name: 'smtp_tls',
      tlsKey: '-----BEGIN PRIVATE KEY-----',
      hasTlsKey: true,
      tlsCertificate: 'cert',
      members: [{ passwordHash: 'scrypt$1', address: '192.0.2.1' }],
      nested: { token: 'pct_x', tokenName: 'deploy', clientSecret: 's' },
      empty: { tlsKey: null },
    };

    assert.deepEqual(redactSecrets(value), {
      name: 'smtp_tls',
      tlsKey: REDACTED,
      hasTlsKey: true,
      tlsCertificate: 'cert',
      members: [{ passwordHash: REDACTED, address: '192.0.2.1' }],
      nested: { token: REDACTED, tokenName: 'deploy', clientSecret: REDACTED },
      empty: { tlsKey: null },
    });
  });
});
