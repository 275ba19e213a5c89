import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRequestHead, serviceAddress } from './build-request-head.ts';
import { parseEncapsulated } from './parse-encapsulated.ts';

function split(head: Buffer) {
  const text = head.toString('latin1');
  const end = text.indexOf('\r\n\r\n') + 4;
  const icap = text.slice(0, end);
  const encapsulated = /Encapsulated: (.*)\r\n/.exec(icap)?.[1];

  return { icap, http: text.slice(end), encapsulated: parseEncapsulated(encapsulated) };
}

describe('buildRequestHead', () => {
  it('should put RESPMOD offsets at the start of each HTTP section', () => {
    const head = buildRequestHead({
      method: 'RESPMOD',
      ...serviceAddress('127.0.0.1', 1344, 'avscan'),
      previewBytes: 1024,
      isAllow204: true,
      bodySize: 12345,
    });
    const { icap, http, encapsulated } = split(head);
    const [reqHdr, resHdr] = encapsulated.sections;

    assert.match(icap, /^RESPMOD icap:\/\/127\.0\.0\.1:1344\/avscan ICAP\/1\.0\r\n/);
    assert.match(icap, /\r\nPreview: 1024\r\n/);
    assert.match(icap, /\r\nAllow: 204\r\n/);
    assert.equal(reqHdr?.name, 'req-hdr');
    assert.ok(http.slice(resHdr!.offset).startsWith('HTTP/1.1 200 OK\r\n'));
    assert.equal(encapsulated.headerBytes, Buffer.byteLength(http));
    assert.match(http, /Content-Length: 12345\r\n\r\n$/);
  });

  it('should wrap REQMOD as a POST and leave out Preview, Allow and Content-Length', () => {
    const head = buildRequestHead({
      method: 'REQMOD',
      ...serviceAddress('::1', 11344, '/scan'),
      previewBytes: null,
      isAllow204: false,
      bodySize: null,
    });
    const { icap, http, encapsulated } = split(head);

    assert.ok(icap.startsWith('REQMOD icap://[::1]:11344/scan ICAP/1.0\r\n'));
    assert.match(icap, /\r\nHost: \[::1\]:11344\r\n/);
    assert.doesNotMatch(icap, /Preview|Allow/);
    assert.doesNotMatch(http, /Content-Length/);
    assert.ok(http.startsWith('POST '));
    assert.equal(encapsulated.sections.at(-1)?.name, 'req-body');
    assert.equal(encapsulated.headerBytes, Buffer.byteLength(http));
  });
});
