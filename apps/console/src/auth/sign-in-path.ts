export const SIGN_IN_PATH = '/sign-in';

/** The sign-in page, remembering the page the user wanted (kept as `returnTo`). */
export function signInPath(wanted: string): string {
  if (wanted === '/' || wanted.startsWith(SIGN_IN_PATH)) return SIGN_IN_PATH;

  return `${SIGN_IN_PATH}?${new URLSearchParams({ returnTo: wanted })}`;
}

export function pathOf(url: string | URL): string {
  const parsed = new URL(url);

  return `${parsed.pathname}${parsed.search}`;
}
