/*
 * Which URLs from the API may become links: http(s) ones and relative ones (resolved against the page that shows
 * them). Everything else (javascript:, data:, vbscript:, blob:, file:, …) is refused.
 */

/** The URL resolved against base when it is http(s) or relative, else null. */
export function safeHref(url, base) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch (e) {
    return null;
  }
}
