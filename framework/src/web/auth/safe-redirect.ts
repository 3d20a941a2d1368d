const BASE = 'http://commun.invalid';
const NO_RETURN = new Set(['/login', '/logout']);

/**
 * A `came_from` value made safe to redirect to: a path of this site only (no scheme, no host, no
 * `//` or `\` trick, no control character), never back to the login or logout page.
 */
export function safeRedirectTarget(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || NO_RETURN.has(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/login?came_from=<path>`, or plain `/login` for the home page. */
export function loginUrl(cameFrom: string): string {
  const target = safeRedirectTarget(cameFrom, '/');
  return target === '/' ? '/login' : `/login?came_from=${encodeURIComponent(target)}`;
}
