// What a URL must be before breachfeed takes it as a feed or requests it, at every entry: the
// config file, --feed, feed item links and redirect hops. Credentials are refused, not dropped:
// a URL that needs them is not one we can fetch as meant, and they must not end up in logs.
import { formatUrl } from '../errors';

/** Why `url` is refused, as `<the URL, formatted> <problem>`; null when it is fine. */
export function urlProblem(url: URL, maxChars: number): string | null {
  if (url.username || url.password) return `${formatUrl(url.href)} carries credentials (user:password@), which breachfeed does not send`;
  if (url.href.length > maxChars) return `${formatUrl(url.href)} is longer than ${maxChars} characters (fetch.maxUrlChars)`;
  return null;
}
