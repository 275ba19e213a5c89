/** `virtual server "a"` or `virtual servers "a", "b"`, for IN_USE messages. */
export function describeUsers(kind: string, names: string[]): string {
  const quoted = names.map((name) => `"${name}"`).join(', ');

  return names.length === 1 ? `${kind} ${quoted}` : `${kind}s ${quoted}`;
}
