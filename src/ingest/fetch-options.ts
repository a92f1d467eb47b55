// Options of the one HTTP client (feeds, pages, robots.txt), with their defaults.
import { ConfigError } from '../errors';

export const DEFAULT_USER_AGENT = 'breachfeed/0.1 (+https://github.com/breachfeed/breachfeed)';

export interface FetchOptions {
  /** Whole request: waiting for the connection, headers, every redirect hop and the body. @default 20_000 */
  timeoutMs?: number;
  /** TCP (and TLS) connect of one hop. @default 10_000 */
  connectTimeoutMs?: number;
  /** From request sent to response headers received; also the longest silence inside a body. @default 15_000 */
  headersTimeoutMs?: number;
  /** Larger bodies are refused, not truncated; applies to the bytes on the wire and again after decompression. @default 5 MiB */
  maxBodyBytes?: number;
  /** Redirect hops followed before giving up. @default 5 */
  maxRedirects?: number;
  /** Sent on every request, so site owners can see who we are and how to reach us. */
  userAgent?: string;
  /** Skip the SSRF guard: only tests and the demo (which serve from loopback) set this. @default false */
  allowPrivateAddresses?: boolean;
  /** Requests in flight to one host at once. @default 2 */
  perHostConcurrency?: number;
  /** Minimum gap between the starts of two requests to one host. @default 1_000 */
  perHostDelayMs?: number;
  /** Entries read from one feed; the rest are dropped (newest first in most feeds). @default 500 */
  maxFeedItems?: number;
  /** How long a host's robots.txt is trusted before it is fetched again. @default 6 hours */
  robotsTtlMs?: number;
  /** A longer Retry-After is read as this: it delays the host and the job's next attempt. @default 1 hour */
  maxRetryAfterMs?: number;
  /** Longer URLs (feeds, links, redirect targets) are refused. @default 2_048 */
  maxUrlChars?: number;
}

export const FETCH_DEFAULTS = {
  timeoutMs: 20_000, // a dead host must not hold a worker for minutes
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  maxBodyBytes: 5 * 1024 * 1024, // news pages are rarely past 1 MiB; feeds with full text can reach a few
  maxRedirects: 5,
  userAgent: DEFAULT_USER_AGENT,
  allowPrivateAddresses: false,
  perHostConcurrency: 2,
  perHostDelayMs: 1_000,
  maxFeedItems: 500,
  robotsTtlMs: 6 * 60 * 60 * 1000,
  maxRetryAfterMs: 60 * 60 * 1000, // one odd header must not park a host, or a job, for days
  maxUrlChars: 2_048, // what browsers and CDNs reliably accept; a 100 KB URL is an attack or a bug
} satisfies Required<FetchOptions>;

type NumberKey = { [K in keyof Required<FetchOptions>]: Required<FetchOptions>[K] extends number ? K : never }[keyof FetchOptions];

/** The lowest accepted value of each numeric option. */
const MINIMUMS: Record<NumberKey, number> = {
  timeoutMs: 1,
  connectTimeoutMs: 1,
  headersTimeoutMs: 1,
  maxBodyBytes: 1,
  maxRedirects: 0,
  perHostConcurrency: 1,
  perHostDelayMs: 0,
  maxFeedItems: 1,
  robotsTtlMs: 0,
  maxRetryAfterMs: 0,
  maxUrlChars: 64,
};

/** Fill in defaults and validate; one ConfigError naming the first bad field. */
export function resolveFetchOptions(opts: FetchOptions = {}): Required<FetchOptions> {
  const defined = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  const o: Required<FetchOptions> = { ...FETCH_DEFAULTS, ...defined };
  for (const [key, min] of Object.entries(MINIMUMS) as [NumberKey, number][]) {
    const v: unknown = o[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new ConfigError(`fetch.${key} must be an integer >= ${min} (got ${JSON.stringify(v)})`);
    }
  }
  if (typeof o.userAgent !== 'string' || !o.userAgent.trim() || /[\r\n]/.test(o.userAgent)) {
    throw new ConfigError(`fetch.userAgent must be a non-empty single-line string (got ${JSON.stringify(o.userAgent)})`);
  }
  if (typeof o.allowPrivateAddresses !== 'boolean') {
    throw new ConfigError(`fetch.allowPrivateAddresses must be true or false (got ${JSON.stringify(o.allowPrivateAddresses)})`);
  }
  return o;
}
