import { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HostBackoffError } from '../../src/ingest/fetch-errors';
import { HttpClient } from '../../src/ingest/http-get';
import { createRedisHostGate } from '../../workers/host-gate';
import { cleanPrefix, TEST_REDIS_URL, uniquePrefix } from './helpers';

// Two gates on two connections stand for two worker processes sharing one Redis.
describe('Redis-backed per-host politeness', () => {
  const prefix = uniquePrefix('gate');
  let a: Redis;
  let b: Redis;
  beforeAll(() => {
    a = new Redis(TEST_REDIS_URL);
    b = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    a.disconnect();
    b.disconnect();
    await cleanPrefix(prefix);
  });

  it('never lets more than `concurrency` requests to one host run at once across processes', async () => {
    const opts = { prefix, concurrency: 2, delayMs: 0, leaseMs: 10_000 };
    const gates = [createRedisHostGate(a, opts), createRedisHostGate(b, opts)];
    let inFlight = 0;
    let peak = 0;
    const other: string[] = [];
    await Promise.all(Array.from({ length: 12 }, async (_, i) => {
      const release = await gates[i % 2].acquire('news.example', 60_000, `http://news.example/story-${i}`);
      inFlight++;
      peak = Math.max(peak, inFlight);
      // Another host is not held up by this one's full slots.
      if (i === 0) other.push(await gates[1].acquire('elsewhere.example', 60_000, 'http://elsewhere.example/x').then(async (r) => { await r(); return 'ok'; }));
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      await release();
    }));
    expect(peak).toBe(2);
    expect(other).toEqual(['ok']);
  });

  it('spaces the starts of requests to one host by at least the delay', async () => {
    const opts = { prefix, concurrency: 10, delayMs: 150, leaseMs: 10_000 };
    const gates = [createRedisHostGate(a, opts), createRedisHostGate(b, opts)];
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 4 }, async (_, i) => {
      const release = await gates[i % 2].acquire('slow.example', 60_000, 'http://slow.example/p');
      starts.push(Date.now());
      await release();
    }));
    starts.sort((x, y) => x - y);
    // Redis keeps the clock; allow a few ms of local timer jitter.
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(140);
  });

  it('a slot whose holder died is freed when its lease runs out', async () => {
    const opts = { prefix, concurrency: 1, delayMs: 0, leaseMs: 300 };
    const gate = createRedisHostGate(a, opts);
    await gate.acquire('crashy.example', 60_000, 'http://crashy.example/1'); // never released, as by a killed worker
    const t0 = Date.now();
    const release = await createRedisHostGate(b, opts).acquire('crashy.example', 60_000, 'http://crashy.example/2');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
    await release();
  });

  it('a pause (429/503) in one process holds the host in the others; one longer than the wait budget fails fast as throttled', async () => {
    const opts = { prefix, concurrency: 4, delayMs: 0, leaseMs: 10_000 };
    const [one, other] = [createRedisHostGate(a, opts), createRedisHostGate(b, opts)];
    await one.pause('busy.example', 400);
    const t0 = Date.now();
    (await other.acquire('busy.example', 60_000, 'http://busy.example/1'))();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    await one.pause('busy.example', 120_000);
    const err = await other.acquire('busy.example', 20_000, 'http://busy.example/2').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostBackoffError);
    expect(err).toMatchObject({ kind: 'throttled', stage: 'fetch' });
    expect((err as HostBackoffError).retryAfterMs).toBeGreaterThan(100_000);
  });

  it('follows redirects: the host a hop contacts is the one that waits, and a 429 there pauses it for every worker', async () => {
    const listen = async (handler: Parameters<typeof createServer>[1]): Promise<[Server, string]> => {
      const srv = createServer(handler);
      await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
      return [srv, `127.0.0.1:${(srv.address() as AddressInfo).port}`];
    };
    const [target, targetHost] = await listen((_req, res) => {
      res.writeHead(429, { 'retry-after': '120' });
      res.end();
    });
    const [origin, originHost] = await listen((_req, res) => {
      res.writeHead(302, { location: `http://${targetHost}/story` });
      res.end();
    });
    const opts = { prefix, concurrency: 2, delayMs: 0, leaseMs: 10_000 };
    const [one, other] = [new HttpClient({ allowPrivateAddresses: true, perHostDelayMs: 0 }), new HttpClient({ allowPrivateAddresses: true, perHostDelayMs: 0 })];
    one.useHostGate(createRedisHostGate(a, opts));
    other.useHostGate(createRedisHostGate(b, opts));
    try {
      const throttled = await one.get(`http://${originHost}/go`).catch((e: unknown) => e);
      expect(throttled).toMatchObject({ kind: 'throttled', retryAfterMs: 120_000, status: 429 });
      // Another worker: the origin answers, its redirect target is held (it asked for 120 s).
      const held = await other.get(`http://${originHost}/go`).catch((e: unknown) => e);
      expect(held).toBeInstanceOf(HostBackoffError);
      expect((held as Error).message).toContain(`not sent: ${targetHost} asked to wait`);
    } finally {
      await Promise.all([one.close(), other.close()]);
      await Promise.all([target, origin].map((srv) => new Promise((r) => srv.close(r))));
    }
  });
});
