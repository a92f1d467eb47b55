// A controllable news site on 127.0.0.1 for the distributed tests: the newsroom's fixture
// pages at their own paths, a feed listing the chosen ones, and per-path faults (an HTTP
// status to answer instead, or a delay before answering).
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { newsroomDir } from '../../src/demo/newsroom-server';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, type CliProcess, stopCli, TEST_REDIS_URL, testSettings, uniquePrefix } from './helpers';

/** Article pages of the newsroom fixture; the first four report breaches. */
export const NEWSROOM_PAGES = [
  '/ledger/2024/08/02/pinecrest-payroll-data-breach.html',
  '/ledger/2025/06/12/tixhaven-customer-data-stolen.html',
  '/ledger/2024/10/08/brightwater-credit-union-email-compromise.html',
  '/ledger/2025/03/14/harbor-lane-outfitters-breach.html',
  '/ledger/2025/02/11/routerline-patches-critical-router-flaw.html',
  '/ledger/2025/04/03/parcel-text-scam-warning.html',
  '/ledger/subscribe/login.html',
  '/technode/2019/11/22/oneplus-data-breach.html',
  '/technode/2024/11/26/chatterbox-series-c-funding.html',
  '/circuitwire/reviews/lumora-fold-e-reader-launch.html',
  '/circuitwire/news/velora-travel-open-bucket.html',
  '/circuitwire/news/quillfeather-student-data-breach.html',
  '/circuitwire/news/nimbus-edge-outage.html',
  '/healthit-sentinel/privacy/st-aldric-hospital-employee-snooping.html',
];

export interface TestSite {
  baseUrl: string;
  feedUrl: string;
  /** Paths answered with this status instead of the page. */
  failWith: Map<string, number>;
  /** Paths answered only after this many ms. */
  holdFor: Map<string, number>;
  /** A Retry-After header for a path's failWith answer. */
  retryAfter: Map<string, string>;
  /** Requests per path. */
  hits: Map<string, number>;
  /** When each request of a path arrived (ms). */
  hitTimes: Map<string, number[]>;
  close(): Promise<void>;
}

function rss(base: string, paths: string[]): string {
  const items = paths.map((p, i) => `<item><title>Story ${i}</title><link>${base}${p}</link><guid>${base}${p}</guid></item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test site</title><link>${base}/</link><description>t</description>${items}</channel></rss>`;
}

/** Serves `paths` (fixture pages under fixtures/newsroom/site, or any path for a 404) in one feed at /feed.xml. */
export async function startTestSite(paths: string[]): Promise<TestSite> {
  const siteRoot = path.join(newsroomDir(), 'site');
  const failWith = new Map<string, number>();
  const holdFor = new Map<string, number>();
  const hits = new Map<string, number>();
  const hitTimes = new Map<string, number[]>();
  const retryAfter = new Map<string, string>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    hits.set(p, (hits.get(p) ?? 0) + 1);
    hitTimes.set(p, [...(hitTimes.get(p) ?? []), Date.now()]);
    const answer = () => {
      if (p === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        return res.end(rss(base, paths));
      }
      const status = failWith.get(p);
      if (status) {
        const after = retryAfter.get(p);
        res.writeHead(status, { 'content-type': 'text/plain', ...(after ? { 'retry-after': after } : {}) });
        return res.end(`status ${status}\n`);
      }
      const file = path.join(siteRoot, p);
      if (!file.startsWith(siteRoot + path.sep) || !p.endsWith('.html') || !fs.existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found\n');
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(fs.readFileSync(file, 'utf8').replace(/\{\{BASE\}\}/g, base));
    };
    const hold = holdFor.get(p);
    if (hold) setTimeout(answer, hold);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: base,
    feedUrl: `${base}/feed.xml`,
    failWith,
    holdFor,
    retryAfter,
    hits,
    hitTimes,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** A config file for one feed of `site`, loopback allowed, no politeness delay (`fetch` adds or overrides fetch settings). */
export function writeSiteConfig(file: string, site: TestSite, feedId = 'testsite', fetch = ''): string {
  fs.writeFileSync(file, [
    'feeds:',
    `  - { id: ${feedId}, url: "${site.feedUrl}" }`,
    `fetch: { allowPrivateAddresses: true, perHostDelayMs: 0, timeoutMs: 10000${fetch ? `, ${fetch}` : ''} }`,
  ].join('\n'));
  return file;
}

/** A test's own site, temp folder, Redis prefix and operator context, set up before its tests. */
export interface SiteFixture {
  prefix: string;
  env: Record<string, string>;
  site: TestSite;
  tmp: ReturnType<typeof makeTempDir>;
  ctx: DistributedContext;
  /** Workers the tests started: stopped after them. */
  workers: CliProcess[];
}

/** Registers the fixture's beforeAll and afterAll in the calling describe block. */
export function useSiteFixture(name: string, pages: string[], extraEnv: Record<string, string> = {}): SiteFixture {
  const prefix = uniquePrefix(name);
  // site, tmp and ctx are filled in by beforeAll, before any test reads them.
  const f = { prefix, env: { REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix, ...extraEnv }, workers: [] } as unknown as SiteFixture;
  beforeAll(async () => {
    f.site = await startTestSite(pages);
    f.tmp = makeTempDir();
    f.ctx = await openDistributed(testSettings(TEST_REDIS_URL, f.env), 'command');
  });
  afterAll(async () => {
    for (const w of f.workers) await stopCli(w);
    await f.ctx?.close();
    await cleanPrefix(prefix);
    await f.site?.close();
    f.tmp?.cleanup();
  });
  return f;
}
