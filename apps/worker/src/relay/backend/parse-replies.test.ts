import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReplyParser } from './parse-replies.ts';

describe('ReplyParser', () => {
  it('should join the lines of a multi-line reply split across chunks', () => {
    const parser = new ReplyParser();

    assert.deepEqual(parser.push(Buffer.from('250-mx.example.org\r\n250-PIPE')), []);
    const replies = parser.push(Buffer.from('LINING\r\n250 SIZE 1000\r\n'));

    const lines = ['mx.example.org', 'PIPELINING', 'SIZE 1000'];
    assert.deepEqual(replies, [{ code: 250, lines }]);
  });

  it('should return several replies from one chunk and accept bare LF and a bare code', () => {
    const parser = new ReplyParser();
    const input = '250 2.1.0 Ok\n550 5.1.1 <a@b>: User unknown\r\n354\r\n';
    const replies = parser.push(Buffer.from(input));

    assert.deepEqual(replies.map((r) => r.code), [250, 550, 354]);
    assert.equal(replies[1]?.lines[0], '5.1.1 <a@b>: User unknown');
    assert.equal(replies[2]?.lines[0], '');
  });

  it('should throw on something that is not a reply', () => {
    const parser = new ReplyParser();

    const http = Buffer.from('HTTP/1.1 400 Bad Request\r\n');
    assert.throws(() => parser.push(http), /not an SMTP reply/);
  });

  it('should throw when a multi-line reply changes its code', () => {
    const parser = new ReplyParser();

    assert.throws(() => parser.push(Buffer.from('250-a\r\n251 b\r\n')), /changed its code/);
  });
});
