import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DotStuffer } from './dot-stuffer.ts';

function run(chunks: string[]): string {
  const stuffer = new DotStuffer();
  const out = chunks.map((chunk) => stuffer.stuff(Buffer.from(chunk, 'latin1')).toString('latin1'));

  return out.join('') + stuffer.finish().toString('latin1');
}

describe('DotStuffer', () => {
  const cases: Array<[string, string[], string]> = [
    ['leaves text without line-start dots alone', ['a.b\r\nc.d\r\n'], 'a.b\r\nc.d\r\n.\r\n'],
    ['doubles a dot after CRLF', ['a\r\n.b\r\n'], 'a\r\n..b\r\n.\r\n'],
    ['doubles a dot at the very start', ['.x\r\n'], '..x\r\n.\r\n'],
    ['doubles a dot after a bare LF (smuggling)', ['a\n.\nQUIT\r\n'], 'a\n..\nQUIT\r\n.\r\n'],
    ['doubles a dot after a bare CR', ['a\r.\r\n'], 'a\r..\r\n.\r\n'],
    ['tracks a line start across chunks', ['a\r\n', '.b\r', '.c\r\n'], 'a\r\n..b\r..c\r\n.\r\n'],
    ['adds the missing final CRLF', ['no newline'], 'no newline\r\n.\r\n'],
    ['adds CRLF after a bare final LF', ['a\n'], 'a\n\r\n.\r\n'],
    ['sees a CRLF split over chunks', ['a\r', '\n'], 'a\r\n.\r\n'],
    ['ends an empty message at once', [], '.\r\n'],
  ];

  for (const [name, chunks, expected] of cases) {
    it(`should ${name}`, () => {
      assert.equal(run(chunks), expected);
    });
  }

  it('should return the same buffer when nothing needs stuffing', () => {
    const chunk = Buffer.from('hello.\r\nworld\r\n');

    assert.equal(new DotStuffer().stuff(chunk), chunk);
  });
});
