// Politeness: requests to one host are spaced by the configured delay and capped in
// number, while another host proceeds in parallel. Shown over real HTTP on two loopback
// addresses (127.0.0.1 and 127.0.0.2), measured by the servers' arrival times.
import type { FetchOptions } from '../../src/ingest/fetch-options';
import { HostLimiter } from '../../src/ingest/host-limiter';
import { HttpClient } from '../../src/ingest/http-get';
import { startHostileServer, type HostileServer } from '../helpers/hostile-server';

const DELAY_MS = 300;
const PAGES = 4;
/** Arrival times are taken by the server after the request crossed loopback; allow that much jitter. */
const JITTER_MS = 60;

let one: HostileServer;
let two: HostileServer;

beforeAll(async () => {
  one = await startHostileServer('127.0.0.1');
  two = await startHostileServer('127.0.0.2');
});

afterAll(async () => {
  await Promise.all([one.close(), two.close()]);
});

function arrivals(server: HostileServer, prefix: string): number[] {
  return server.log.filter((l) => l.path.startsWith(prefix)).map((l) => l.at);
}

describe('politeness over real HTTP', () => {
  it(`fetches ${PAGES} pages per host no faster than one per ${DELAY_MS} ms, hosts in parallel`, async () => {
    const opts: FetchOptions = { allowPrivateAddresses: true, perHostConcurrency: 1, perHostDelayMs: DELAY_MS, timeoutMs: 5_000 };
    const client = new HttpClient(opts);
    try {
      const urls = [];
      for (let i = 0; i < PAGES; i++) urls.push(one.url(`/ok?polite=${i}`), two.url(`/ok?polite=${i}`));
      const results = await Promise.all(urls.map((u) => client.get(u)));
      expect(results.every((r) => r.status === 200)).toBe(true);
    } finally {
      await client.close();
    }
    const a = arrivals(one, '/ok?polite=');
    const b = arrivals(two, '/ok?polite=');
    expect(a).toHaveLength(PAGES);
    expect(b).toHaveLength(PAGES);
    for (const times of [a, b]) {
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(DELAY_MS - JITTER_MS);
    }
    // The second host did not queue behind the first: each host's first request came before the other's second.
    expect(b[0]).toBeLessThan(a[1]);
    expect(a[0]).toBeLessThan(b[1]);
  });
});

describe('redirects between hosts', () => {
  it('wait for the new host\'s politeness gap between requests, not inside the request timeout', async () => {
    // one → two → one → two → one → /ok: each host asked three or two times, a second apart, within a 1.5 s timeout.
    const hop = (from: HostileServer, to: HostileServer, prefix: string) => from.route(`${prefix}`, (req, res) => {
      const n = Number(new URL(req.url ?? '/', from.origin).searchParams.get('n'));
      res.writeHead(302, { location: n > 0 ? to.url(`${prefix === '/hop-a' ? '/hop-b' : '/hop-a'}?n=${n - 1}`) : to.url('/ok?hops-done') });
      res.end();
    });
    hop(one, two, '/hop-a');
    hop(two, one, '/hop-b');
    const client = new HttpClient({ allowPrivateAddresses: true, perHostConcurrency: 1, perHostDelayMs: 1_000, timeoutMs: 1_500 });
    try {
      const res = await client.get(one.url('/hop-a?n=3'));
      expect(res.status).toBe(200);
      expect(res.redirects).toHaveLength(4);
    } finally {
      await client.close();
    }
    const a = [...arrivals(one, '/hop-a'), ...arrivals(one, '/ok?hops-done')];
    const b = arrivals(two, '/hop-b');
    expect([a.length, b.length]).toEqual([3, 2]);
    for (const times of [a, b]) {
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(1_000 - JITTER_MS);
    }
  });
});

describe('HostLimiter', () => {
  it('never has more than `concurrency` holders per host', async () => {
    const limiter = new HostLimiter(2, 0);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const release = await limiter.acquire('h');
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        release();
      }),
    );
    expect(peak).toBe(2);
  });

  it('a waiter whose signal aborts leaves the queue; the next one still gets the slot', async () => {
    const limiter = new HostLimiter(1, 0);
    const first = await limiter.acquire('h');
    const ac = new AbortController();
    const abandoned = limiter.acquire('h', ac.signal);
    const next = limiter.acquire('h');
    ac.abort(new Error('gave up'));
    await expect(abandoned).rejects.toThrow('gave up');
    first();
    const release = await next;
    release();
    release(); // a second release is harmless
  });

  it('pauseHost holds requests to that host only', async () => {
    const limiter = new HostLimiter(4, 0);
    limiter.pauseHost('slow', Date.now() + 150);
    expect(limiter.pausedForMs('slow')).toBeGreaterThan(100);
    expect(limiter.pausedForMs('fast')).toBe(0);
    const t0 = Date.now();
    const order: string[] = [];
    await Promise.all([
      limiter.acquire('slow').then((r) => (order.push('slow'), r())),
      limiter.acquire('fast').then((r) => (order.push('fast'), r())),
    ]);
    expect(order).toEqual(['fast', 'slow']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });
});
