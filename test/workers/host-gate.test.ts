import { Redis } from 'ioredis';
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
      const release = await gates[i % 2](`http://news.example/story-${i}`);
      inFlight++;
      peak = Math.max(peak, inFlight);
      // Another host is not held up by this one's full slots.
      if (i === 0) other.push(await gates[1]('http://elsewhere.example/x').then(async (r) => { await r(); return 'ok'; }));
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
      const release = await gates[i % 2]('http://slow.example/p');
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
    await gate('http://crashy.example/1'); // never released, as by a killed worker
    const t0 = Date.now();
    const release = await createRedisHostGate(b, opts)('http://crashy.example/2');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
    await release();
  });
});
