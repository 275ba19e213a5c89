import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser } from './parse-sse.ts';

describe('SseParser', () => {
  it('should parse an event split across pieces and skip ping comments', () => {
    const parser = new SseParser();

    assert.deepEqual(parser.push(': ping\n\nevent: snap'), []);
    assert.deepEqual(parser.push('shot\ndata: {"version":1}\n'), []);
    assert.deepEqual(parser.push('\n'), [{ event: 'snapshot', data: '{"version":1}' }]);
  });

  it('should join data lines, accept CRLF and default the event name', () => {
    const parser = new SseParser();
    const events = parser.push('data: a\r\ndata:b\r\n\r\nevent: x\ndata: c\n\n');

    assert.deepEqual(events, [
      { event: 'message', data: 'a\nb' },
      { event: 'x', data: 'c' },
    ]);
  });

  it('should dispatch nothing for an event without data', () => {
    assert.deepEqual(new SseParser().push('event: snapshot\n\n'), []);
  });
});
