// Reads the value of a modifier (RFC 7208 section 6) from a record that has passed the syntax
// check, so each term is one space-separated word.

export function findModifier(record: string, name: 'redirect' | 'exp'): string | undefined {
  const prefix = `${name}=`;
  const term = record.split(' ').find((word) => word.toLowerCase().startsWith(prefix));

  return term?.slice(prefix.length);
}

/** Section 6.1: a redirect is ignored when the record has an "all" mechanism anywhere. */
export function hasAllMechanism(record: string): boolean {
  return record.split(' ').some((word) => /^[+\-?~]?all$/i.test(word));
}
