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
});
