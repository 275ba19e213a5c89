import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCommandScan, scanCommandBytes } from './scan-command-bytes.ts';

describe('scanCommandBytes', () => {
  it('should split lines as smtp-server does, keeping octets, endings and arrival', () => {
    const scan = createCommandScan();

    scanCommandBytes(scan, Buffer.from('EHLO a\r\nMAIL FROM:<x@y>\nRC'), 1);
    scanCommandBytes(scan, Buffer.from('PT TO:<z@w>\r'), 2);
    scanCommandBytes(scan, Buffer.from('\n'), 3);

    assert.deepEqual(scan.lines, [
      { octets: 8, isBareLf: false, repliesAtArrival: 1 },
      { octets: 16, isBareLf: true, repliesAtArrival: 1 },
      // Its first byte came with the first chunk: that is when it arrived.
      { octets: 15, isBareLf: false, repliesAtArrival: 1 },
    ]);
    assert.equal(scan.partial, null);
  });

  it('should keep a line still open', () => {
    const scan = createCommandScan();

    scanCommandBytes(scan, Buffer.from('NOOP xx'), 4);

    assert.deepEqual(scan.partial, { octets: 7, repliesAtArrival: 4, lastByte: 0x78 });
    assert.deepEqual(scan.lines, []);
  });

  it('should stop at the limit inside a line and report where, whatever the chunking', () => {
    const scan = createCommandScan();

    const first = scanCommandBytes(scan, Buffer.from('NOOP\r\nMAIL 12'), 1, 8);
    const second = scanCommandBytes(scan, Buffer.from('345678'), 2, 8);

    // "MAIL 12" holds 7 of the 8 octets; one more fits, then the cut.
    assert.equal(first, -1);
    assert.equal(second, 1);
    assert.deepEqual(scan.lines, [{ octets: 6, isBareLf: false, repliesAtArrival: 1 }]);
    assert.deepEqual(scan.partial, { octets: 8, repliesAtArrival: 1, lastByte: 0x33 });
  });

  it('should cut a complete line longer than the limit, keeping the lines before it', () => {
    const scan = createCommandScan();

    const cut = scanCommandBytes(scan, Buffer.from('RSET\r\nNOOP 123456\r\nQUIT\r\n'), 1, 8);

    assert.equal(cut, 6 + 8);
    assert.equal(scan.lines.length, 1);
    assert.equal(scan.partial?.octets, 8);
  });
});
