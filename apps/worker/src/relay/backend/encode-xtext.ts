/** RFC 3461 4: xtext, as XCLIENT attribute values require (Postfix XCLIENT_README). */
export function encodeXtext(value: string): string {
  let out = '';
  for (const char of Buffer.from(value, 'utf8')) {
    const isPlain = char >= 33 && char <= 126 && char !== 0x2b && char !== 0x3d;
    const hex = char.toString(16).toUpperCase().padStart(2, '0');
    out += isPlain ? String.fromCharCode(char) : `+${hex}`;
  }

  return out;
}
