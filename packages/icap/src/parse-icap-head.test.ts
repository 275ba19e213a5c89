import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IcapError } from './icap-error.ts';
import { parseIcapHead } from './parse-icap-head.ts';

const head = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');

describe('parseIcapHead', () => {
  it('should read the status line and lower-case the header names', () => {
    const lines = ['ICAP/1.0 204 Unmodified', 'ISTag: "x1"', 'Connection: keep-alive'];
    const parsed = parseIcapHead(head(lines));

    assert.equal(parsed.status, 204);
    assert.equal(parsed.reason, 'Unmodified');
    assert.deepEqual(parsed.headers, { istag: '"x1"', connection: 'keep-alive' });
  });

  it('should unfold tab- and space-continued lines (c-icap X-Violations-Found)', () => {
    const parsed = parseIcapHead(
      head([
        'ICAP/1.0 200 OK',
        'X-Violations-Found: 1',
        '\t-',
        '\tEicar.Test',
        '  0',
        '\t0',
        'Encapsulated: res-hdr=0, res-body=161',
      ]),
    );

    assert.equal(parsed.headers['x-violations-found'], '1 - Eicar.Test 0 0');
    assert.equal(parsed.headers['encapsulated'], 'res-hdr=0, res-body=161');
  });

  it('should join repeated headers', () => {
    const parsed = parseIcapHead(head(['ICAP/1.0 200 OK', 'X-A: 1', 'x-a: 2']));

    assert.equal(parsed.headers['x-a'], '1, 2');
  });

  const malformed: [string, string[]][] = [
    ['an HTTP status line', ['HTTP/1.1 200 OK']],
    ['a missing status code', ['ICAP/1.0 OK']],
    ['a continuation before any header', ['ICAP/1.0 200 OK', '\tdangling']],
    ['a header without a colon', ['ICAP/1.0 200 OK', 'no colon here']],
    ['binary garbage', ['\u0000\u0001\u0002']],
  ];
  for (const [name, lines] of malformed) {
    it(`should refuse ${name} as a protocol error`, () => {
      assert.throws(
        () => parseIcapHead(head(lines)),
        (error: unknown) => error instanceof IcapError && error.code === 'icap_protocol_error',
      );
    });
  }
});
