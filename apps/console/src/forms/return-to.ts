// The (+) button next to a select sends the user to another object's create screen
// with `returnTo`; only same-origin paths are followed, so the parameter cannot send
// anyone off the console.
export function readReturnTo(search: URLSearchParams): string | null {
  const target = search.get('returnTo');

  if (!target || !target.startsWith('/') || target.startsWith('//')) return null;

  return target;
}

export function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, window.location.origin);

  url.searchParams.set(name, value);

  return `${url.pathname}${url.search}`;
}
