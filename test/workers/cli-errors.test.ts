import net from 'node:net';
import { hasStackTrace } from '../helpers/run-cli';
import { runCli } from './helpers';

/** A loopback port with nothing listening (taken from the OS, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// Distributed commands facing a missing Redis or bad arguments: one line, non-zero, no trace, no hang.
describe('distributed commands: errors', () => {
  let down: string;
  beforeAll(async () => {
    down = `redis://127.0.0.1:${await closedPort()}`;
  });

  it.each([
    ['worker', ['worker']],
    ['schedule', ['schedule']],
    ['status', ['status']],
    ['jobs failed', ['jobs', 'failed']],
    ['queues pause', ['queues', 'pause', 'articles']],
  ])('%s with Redis unreachable: one clear line and exit 1', async (_name, args) => {
    const r = await runCli(args, { REDIS_URL: down, BREACHFEED_QUEUE_PREFIX: 'bftest-unreachable' }, { timeoutMs: 20_000 });
    expect(r.signal).toBeNull(); // it exited by itself, no hang
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`breachfeed: redis: cannot connect to ${down}: connect ECONNREFUSED ${down.slice('redis://'.length)}\n`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it.each([
    [['worker', '--queues', 'feeds,pages'], "breachfeed: worker: --queues: unknown queue 'pages' (expected feeds, articles, records)\n"],
    [['queues', 'drain', 'everything'], "breachfeed: queues drain: unknown queue 'everything' (expected feeds, articles, records)\n"],
    [['jobs', 'retry'], 'breachfeed: jobs retry: give one or more job ids, or --all\n'],
    [['jobs', 'failed', '--since', 'yesterday'], 'breachfeed: jobs failed: --since must be a duration like 30m, 2h or 1d (got yesterday)\n'],
    [['worker', '--concurrency', '0'], 'breachfeed: worker: --concurrency must be a positive integer (got 0)\n'],
  ])('bad arguments %j: one line naming the problem, exit 2', async (args, message) => {
    const r = await runCli(args, { REDIS_URL: 'redis://127.0.0.1:6379', BREACHFEED_QUEUE_PREFIX: 'bftest-badargs' });
    expect(r.stderr).toBe(message);
    expect(r.code).toBe(2);
  });

  it('a malformed REDIS_URL is a config error', async () => {
    const r = await runCli(['status'], { REDIS_URL: 'http://127.0.0.1:6379' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^breachfeed: config: .*redis/i);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });
});
