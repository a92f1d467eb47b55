// robots.txt: fetched once per origin through the same client, cached with a TTL; its
// Crawl-delay (capped) becomes that host's gap in the client's politeness limiter.
// RFC 9309: a 4xx means "no rules" (crawl freely); a 5xx or an unreachable server
// means "do not crawl for now", which we report as a retryable error rather than a
// verdict, so the article is retried later instead of skipped for good.
import robotsParser from 'robots-parser';
import { ContentError, HttpStatusError, NetworkError } from '../errors';
import type { HttpClient } from './http-get';

type Robot = ReturnType<typeof robotsParser>;

interface CacheEntry {
  expiresAt: number;
  robot: Promise<Robot | null>;
}

/** The product token matched against `User-agent:` lines. */
export const ROBOTS_AGENT = 'breachfeed';
/** RFC 9309 asks crawlers to parse at least 500 KiB; more than that is not a real robots.txt. */
const MAX_ROBOTS_BYTES = 512 * 1024;
/** A failed fetch is remembered briefly, so a down host is not asked again for every article. */
const FAILURE_TTL_MS = 60_000;
const MAX_CACHED_ORIGINS = 10_000;
/** Crawl-delay is honoured up to this; a site asking for minutes between pages would stall whole runs. */
export const MAX_CRAWL_DELAY_MS = 10_000;

/** The robots.txt of every origin asked about, fetched through one client and cached for its robotsTtlMs. */
export class RobotsCache {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly http: HttpClient) {}

  /** Whether the site's robots.txt lets breachfeed fetch `url`. Throws a retryable error when robots.txt cannot be read now. */
  async isAllowed(url: string): Promise<boolean> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new ContentError(`robots: ${JSON.stringify(url)} is not a valid URL`, { stage: 'robots' });
    }
    const robot = await this.robotsFor(target.origin);
    // undefined means the URL is outside the file's origin, which cannot happen here; allow.
    return robot === null || robot.isAllowed(target.href, ROBOTS_AGENT) !== false;
  }

  private robotsFor(origin: string): Promise<Robot | null> {
    const now = Date.now();
    const hit = this.cache.get(origin);
    if (hit && hit.expiresAt > now) return hit.robot;
    if (this.cache.size >= MAX_CACHED_ORIGINS) {
      for (const [key, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(key);
    }
    const entry: CacheEntry = { expiresAt: now + this.http.options.robotsTtlMs, robot: loadRobots(origin, this.http) };
    // Concurrent callers share the one in-flight fetch; a failure is kept for a short while only.
    entry.robot.catch(() => {
      entry.expiresAt = Math.min(entry.expiresAt, Date.now() + FAILURE_TTL_MS);
    });
    this.cache.set(origin, entry);
    return entry.robot;
  }
}

/** null: no rules apply (4xx, or a file we will not read). */
async function loadRobots(origin: string, client: HttpClient): Promise<Robot | null> {
  const robotsUrl = `${origin}/robots.txt`;
  try {
    const res = await client.get(robotsUrl, { accept: 'text/plain,*/*;q=0.5', maxBodyBytes: MAX_ROBOTS_BYTES });
    const robot = robotsParser(robotsUrl, res.body.toString('utf8'));
    const crawlDelaySecs = robot.getCrawlDelay(ROBOTS_AGENT);
    if (typeof crawlDelaySecs === 'number' && crawlDelaySecs > 0) {
      client.setHostDelay(new URL(origin).hostname, Math.min(crawlDelaySecs * 1000, MAX_CRAWL_DELAY_MS));
    }
    return robot;
  } catch (err) {
    if (err instanceof HttpStatusError && err.status >= 400 && err.status < 500 && err.status !== 429) return null;
    // Too large, redirected off into a loop, and similar: treated as unavailable, like a 4xx.
    if (err instanceof ContentError) return null;
    if (err instanceof HttpStatusError || err instanceof NetworkError) {
      // The cause's kind as it is (a 5xx, an outage, a Retry-After), at the robots stage.
      throw new NetworkError(`robots: ${robotsUrl} cannot be read now (${err.message}); not crawling ${origin} until it can`,
        { cause: err, stage: 'robots', kind: err.kind, retryAfterMs: err.retryAfterMs });
    }
    throw err;
  }
}
