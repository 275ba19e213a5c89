// How each known internal parameter's value is checked, and how it is tidied
// before it is stored. Parameters missing here (added by a later release before
// this table) take any short text.

type TParameterRule = {
  // What a valid value looks like, for the refusal message.
  expects: string;
  // The value to store, or undefined when the text is not valid.
  normalise(text: string): string | undefined;
};

// An ICAP service path (RFC 3507 section 4.2): segments of unreserved URI
// characters, so it can be put after `icap://host:port/` as it is.
const SERVICE_SEGMENT = /^[A-Za-z0-9._~-]+$/;
// RFC 9110 section 5.1: a field name is a token.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function serviceName(text: string): string | undefined {
  const segments = text.trim().replace(/^\/+/, '').split('/');
  const isSafe = segments.every((s) => SERVICE_SEGMENT.test(s) && s !== '.' && s !== '..');

  return isSafe && text.length <= 128 ? segments.join('/') : undefined;
}

function headerNames(text: string): string | undefined {
  const names = text.split(',').map((name) => name.trim());
  if (names.length > 16 || !names.every((name) => HEADER_NAME.test(name))) return undefined;

  return names.join(',');
}

function integerFrom(minimum: number) {
  return (text: string): string | undefined => {
    const trimmed = text.trim();
    if (!/^\d{1,9}$/.test(trimmed) || Number(trimmed) < minimum) return undefined;

    return String(Number(trimmed));
  };
}

export const PARAMETER_RULES: Record<string, TParameterRule> = {
  icap_uri: {
    expects: 'an ICAP service name such as avscan: letters, digits, ".", "_", "~", "-" and "/"',
    normalise: serviceName,
  },
  virus_header_name: {
    expects: 'header names separated by commas, such as X-Virus-Name,X-Infection-Found',
    normalise: headerNames,
  },
  icap_timeout_ms: {
    expects: 'a whole number of milliseconds above 0',
    normalise: integerFrom(1),
  },
  // 0 is allowed: it sends no preview.
  icap_preview_bytes: {
    expects: 'a whole number of bytes, 0 for no preview',
    normalise: integerFrom(0),
  },
};

export const ANY_TEXT_RULE: TParameterRule = {
  expects: 'text of 1 to 1024 characters',
  normalise: (text) => (text.length >= 1 && text.length <= 1024 ? text : undefined),
};
