import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createLineScanState,
  normalizeLineEndings,
  scanTextLines,
} from './scan-text-lines.ts';

// Scans the pieces in turn; the first bare ending and long line, as offsets in the whole.
function scan(pieces: string[], max = 1000) {
  const state = createLineScanState();
  let offset = 0;
  let bareAt = -1;
  let longAt = -1;
  for (const piece of pieces) {
    const result = scanTextLines(Buffer.from(piece, 'latin1'), state, max);
    if (bareAt === -1 && result.bareAt !== -1) bareAt = offset + result.bareAt;
    if (longAt === -1 && result.longAt !== -1) longAt = offset + result.longAt;
    offset += piece.length;
  }

  return { bareAt, longAt };
}

describe('scanTextLines', () => {
  for (const [label, pieces, bareAt] of [
    ['clean CRLF lines', ['a\r\nb\r\n'], -1],
    ['a bare LF', ['a\nb\r\n'], 1],
    ['a bare CR', ['a\rb\r\n'], 1],
    ['a CRLF split over two chunks', ['a\r', '\nb\r\n'], -1],
    ['an LF alone at the start of a chunk', ['a', '\nb'], 1],
    ['a CR at a chunk end without its LF', ['a\r', 'b\r\n'], 2],
    ['LF CR (not CRLF)', ['a\n\rb'], 1],
  ] as const) {
    it(`should find ${label}`, () => {
      assert.equal(scan([...pieces]).bareAt, bareAt);
    });
  }

  it('should count the CRLF in a line\'s length (RFC 5321 4.5.3.1.6)', () => {
    assert.equal(scan([`${'x'.repeat(998)}\r\n`]).longAt, -1);
    assert.equal(scan([`${'x'.repeat(999)}\r\n`]).longAt, 1000);
  });

  it('should find a long line across chunks, and before its end arrives', () => {
    assert.equal(scan(['x'.repeat(600), 'x'.repeat(600), 'end\r\n']).longAt, 1199);
    assert.equal(scan(['ok\r\n', 'y'.repeat(20)], 10).longAt, 23);
  });
});

describe('normalizeLineEndings', () => {
  for (const [input, wasCrPending, output] of [
    ['a\nb', false, 'a\r\nb'],
    ['a\rb', false, 'a\r\nb'],
    ['a\r\nb', false, 'a\r\nb'],
    ['\n.\n', false, '\r\n.\r\n'],
    ['\nb', true, '\nb'],
    ['b', true, '\nb'],
    ['\nb', false, '\r\nb'],
    ['a\r', false, 'a\r'],
  ] as const) {
    it(`should turn ${JSON.stringify(input)} (CR pending: ${wasCrPending}) into CRLF lines`, () => {
      const result = normalizeLineEndings(Buffer.from(input, 'latin1'), wasCrPending);

      assert.equal(result.toString('latin1'), output);
    });
  }
});
