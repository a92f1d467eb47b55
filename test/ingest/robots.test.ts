import { NetworkError, isRetryable } from '../../src/errors';
import type { FetchOptions } from '../../src/ingest/fetch-options';
import type { HttpClient } from '../../src/ingest/http-get';
import { RobotsCache } from '../../src/ingest/robots';
import { startHostileServer, type HostileServer } from '../helpers/hostile-server';
import { testClient } from '../helpers/http-client';

const OPTS: FetchOptions = { allowPrivateAddresses: true, timeoutMs: 2_000, headersTimeoutMs: 1_000, perHostDelayMs: 0 };
let server: HostileServer;
let robots: { status: number; body: string };

beforeAll(async () => {
  server = await startHostileServer();
  server.route('/robots.txt', (_req, res) => {
    res.writeHead(robots.status, { 'content-type': 'text/plain' });
    res.end(robots.body);
  });
});

// One client and robots cache per option set, fresh for each test.
let clients = new Map<string, { http: HttpClient; robots: RobotsCache }>();
beforeEach(() => (clients = new Map()));
function clientFor(opts: FetchOptions) {
  const key = JSON.stringify(opts);
  if (!clients.has(key)) {
    const http = testClient(opts);
    clients.set(key, { http, robots: new RobotsCache(http) });
  }
  return clients.get(key)!;
}
const isAllowedByRobots = (url: string, opts: FetchOptions) => clientFor(opts).robots.isAllowed(url);

afterAll(async () => {
  await server.close();
});

const robotsHits = () => server.hits.get('/robots.txt') ?? 0;

describe('isAllowedByRobots', () => {
  it('applies the rules for breachfeed and fetches robots.txt once per origin', async () => {
    robots = { status: 200, body: 'User-agent: *\nDisallow: /private\n\nUser-agent: breachfeed\nDisallow: /members\n' };
    const before = robotsHits();
    expect(await isAllowedByRobots(server.url('/news/story'), OPTS)).toBe(true);
    expect(await isAllowedByRobots(server.url('/members/story'), OPTS)).toBe(false);
    // A group naming breachfeed replaces the * group (RFC 9309), so /private is open to us.
    expect(await isAllowedByRobots(server.url('/private/x'), OPTS)).toBe(true);
    await Promise.all([isAllowedByRobots(server.url('/a'), OPTS), isAllowedByRobots(server.url('/b'), OPTS)]);
    expect(robotsHits() - before).toBe(1);
    expect(server.log.filter((l) => l.path === '/robots.txt').at(-1)?.headers['user-agent']).toMatch(/^breachfeed\//);
  });

  it('fetches again once the TTL has passed', async () => {
    robots = { status: 200, body: 'User-agent: *\nDisallow: /\n' };
    const before = robotsHits();
    expect(await isAllowedByRobots(server.url('/x'), { ...OPTS, robotsTtlMs: 0 })).toBe(false);
    robots = { status: 200, body: '' };
    expect(await isAllowedByRobots(server.url('/x'), { ...OPTS, robotsTtlMs: 0 })).toBe(true);
    expect(robotsHits() - before).toBe(2);
  });

  it('a 404 robots.txt allows everything', async () => {
    robots = { status: 404, body: 'nope' };
    expect(await isAllowedByRobots(server.url('/anything'), OPTS)).toBe(true);
  });

  it('a 5xx robots.txt is a retryable error, not a verdict', async () => {
    robots = { status: 503, body: '' };
    const error = await isAllowedByRobots(server.url('/story'), OPTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(isRetryable(error)).toBe(true);
    expect((error as Error).message).toBe(`robots: ${server.url('/robots.txt')} cannot be read now (fetch: ${server.url('/robots.txt')} answered HTTP 503); not crawling ${server.origin} until it can`);
  });

  it('Crawl-delay spaces later requests to that host', async () => {
    robots = { status: 200, body: 'User-agent: *\nCrawl-delay: 0.4\n' };
    const opts = { ...OPTS, perHostDelayMs: 0, maxRedirects: 3 }; // its own client: the delay must not slow other tests
    expect(await isAllowedByRobots(server.url('/ok?crawl=0'), opts)).toBe(true);
    for (let i = 1; i <= 3; i++) await clientFor(opts).http.get(server.url(`/ok?crawl=${i}`));
    const times = server.log.filter((l) => l.path.startsWith('/ok?crawl=')).map((l) => l.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(340);
  });

  it('an invalid URL is a one-line error', async () => {
    await expect(isAllowedByRobots('nope', OPTS)).rejects.toThrow('robots: "nope" is not a valid URL');
  });
});
