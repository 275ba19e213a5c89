import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSnapshot } from '@portcullis/contracts';
import { readAntivirusSettings } from './read-antivirus-settings.ts';

function snapshotWith(host: string | null, parameters: Record<string, string> = {}): TSnapshot {
  return {
    version: 1,
    createdAt: '2026-12-04T00:00:00.000Z',
    virtualServers: [],
    pools: [],
    securityProfiles: [],
    antivirus: { host, port: 1344, guaranteeEnforcement: true },
    internalParameters: parameters,
    dns: { resolvers: ['127.0.0.1:5353'], timeoutMs: 500 },
    remoteLogging: { enabled: false, host: null, port: 514, transport: 'UDP' },
  };
}

describe('readAntivirusSettings', () => {
  it('should scan nothing without an ICAP server', () => {
    assert.equal(readAntivirusSettings(snapshotWith(null)), null);
    assert.equal(readAntivirusSettings(snapshotWith('  ')), null);
  });

  it('should take the defaults of the internal parameters when they are absent', () => {
    const settings = readAntivirusSettings(snapshotWith('av.example'));

    assert.deepEqual(settings, {
      host: 'av.example',
      port: 1344,
      service: 'avscan',
      virusHeaderNames: 'X-Virus-Name,X-Infection-Found',
      timeoutMs: 10_000,
      previewBytes: 1024,
      isGuaranteed: true,
      dns: { resolvers: ['127.0.0.1:5353'], timeoutMs: 500 },
    });
  });

  it('should read the internal parameters, falling back on a value that does not parse', () => {
    const parameters = {
      icap_uri: '/virus/scan',
      virus_header_name: 'X-Threat',
      icap_timeout_ms: 'soon',
      icap_preview_bytes: '0',
    };

    const settings = readAntivirusSettings(snapshotWith('192.0.2.7', parameters));

    assert.equal(settings?.service, 'virus/scan');
    assert.equal(settings?.virusHeaderNames, 'X-Threat');
    assert.equal(settings?.timeoutMs, 10_000);
    assert.equal(settings?.previewBytes, 0);
  });
});
