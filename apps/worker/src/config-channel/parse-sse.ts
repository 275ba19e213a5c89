export interface TSseEvent {
  event: string;
  data: string;
}

/**
 * A streaming parser for text/event-stream (HTML Living Standard, "server-sent
 * events"): fields per line, events end at a blank line, lines starting with ":"
 * are comments (the API's keep-alive pings). Feed it decoded text in any pieces.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(text: string): TSseEvent[] {
    this.buffer += text;
    const events: TSseEvent[] = [];
    let start = 0;

    for (;;) {
      const end = this.buffer.indexOf('\n', start);
      if (end === -1) break;

      const line = this.buffer.slice(start, end).replace(/\r$/, '');
      start = end + 1;
      const event = this.takeLine(line);
      if (event) events.push(event);
    }

    this.buffer = this.buffer.slice(start);

    return events;
  }

  private takeLine(line: string): TSseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;

    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const rawValue = colon === -1 ? '' : line.slice(colon + 1);
    const value = rawValue.startsWith(' ') ? rawValue.slice(1) : rawValue;

    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);

    return null;
  }

  private dispatch(): TSseEvent | null {
    const hasData = this.data.length > 0;
    const event = hasData ? { event: this.event || 'message', data: this.data.join('\n') } : null;
    this.event = '';
    this.data = [];

    return event;
  }
}
