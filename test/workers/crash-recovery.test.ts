import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { readStatus } from '../../workers/operator';
import { makeTempDir } from '../helpers/temp-dir';
import { type CliProcess, runCli, settled, startCli, stopCli, uniquePrefix, waitFor, testSettings } from './helpers';
import { NEWSROOM_PAGES, startTestSite, type TestSite, useSiteFixture, writeSiteConfig } from './test-site';

const PAGES = NEWSROOM_PAGES.slice(0, 4);


describe('a worker killed with SIGKILL mid-job loses nothing', () => {
  // A short lock, so the stalled-job check hands the orphaned job over within seconds.
  const f = useSiteFixture('sigkill', PAGES.slice(0, 2), { BREACHFEED_LOCK_MS: '2000' });

  it('the job is recovered by another worker and its records are stored exactly once', async () => {
    const { env, site, tmp, ctx, workers } = f;
    const slow = PAGES[1];
    site.holdFor.set(slow, 3_000);
    const cfg = writeSiteConfig(path.join(tmp.dir, 'bf.yaml'), site);
    const db = path.join(tmp.dir, 'w.db');
    expect((await runCli(['schedule', '-c', cfg], env)).code).toBe(0);
    const doomed = startCli(['worker', '-c', cfg, '--db', db], env);
    workers.push(doomed);
    // The slow page has been asked for: its job is running in the doomed worker.
    await waitFor('the slow page to be requested', async () => (site.hits.get(slow) ?? 0) >= 1, 30_000, 50);
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    // Orphaned and still locked (on a slow machine the fast page's job may be running too).
    expect((await readStatus(ctx.queues, ctx.ledger, null)).queues.articles.active).toBeGreaterThanOrEqual(1);

    const rescuer = startCli(['worker', '-c', cfg, '--db', db], env);
    workers.push(rescuer);
    const s = await waitFor('recovery', () => settled(ctx), 45_000, 200);
    expect(s.items).toMatchObject({ seen: 2, records: 2, failed: 0, inFlight: 0 });
    expect(s.queues.articles).toMatchObject({ completed: 2, failed: 0, active: 0 });
    // Workers that serve `records` store verdicts themselves; `records` only takes failed writes.
    expect(s.queues.records).toMatchObject({ completed: 0, waiting: 0, failed: 0 });
    expect(site.hits.get(slow)).toBe(2); // once by the killed worker, once by the rescuer
    const store = openSqliteStore(db);
    const recs = (await store.listRecords()).filter((r) => r.article.url.endsWith(slow));
    const counts = await store.counts();
    await store.close();
    expect(recs.length).toBeGreaterThan(0);
    expect(new Set(recs.map((r) => r.id)).size).toBe(recs.length);
    expect(counts.articles).toEqual({ breach: 2, no_incident: 0, failed: 0 });
    expect(rescuer.logs().some((l) => l.msg === 'job stalled, handed back to the queue')).toBe(true);
  }, 90_000);
});

describe('a worker stopped with SIGTERM mid-job finishes the job first', () => {
  const f = useSiteFixture('sigterm', [PAGES[0]]);
  beforeAll(() => f.site.holdFor.set(PAGES[0], 2_000));

  it('exits 0 after the running job completed and its verdict was handed on', async () => {
    const { env, site, tmp, ctx } = f;
    const cfg = writeSiteConfig(path.join(tmp.dir, 'bf.yaml'), site);
    expect((await runCli(['schedule', '-c', cfg], env)).code).toBe(0);
    // Only the feeds and articles queues here, so the handed-on records job is left for inspection.
    const worker = startCli(['worker', '-c', cfg, '--db', path.join(tmp.dir, 'w.db'), '--queues', 'feeds,articles'], env);
    f.workers.push(worker);
    await waitFor('the slow page to be requested', async () => (site.hits.get(PAGES[0]) ?? 0) >= 1, 30_000, 50);
    worker.child.kill('SIGTERM');
    const r = await worker.exited;
    const logs = worker.logs().map((l) => `${l.msg}${l.queue ? ` ${l.queue}` : ''}`);
    expect(r.code).toBe(0);
    expect(logs.slice(logs.indexOf('signal received'))).toEqual(['signal received', 'shutting down: finishing running jobs', 'job completed articles', 'workers stopped']);
    const counts = await ctx.queues.articles.getJobCounts('completed', 'active', 'waiting');
    expect(counts).toEqual({ completed: 1, active: 0, waiting: 0 });
    expect(await ctx.queues.records.getJobCounts('waiting')).toEqual({ waiting: 1 });
    expect(site.hits.get(PAGES[0])).toBe(1);
  }, 60_000);
});

/** A free loopback port (asked of the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// Our own redis-server on another loopback port (never the shared one on 6379), with an
// append-only file so a restart keeps the queues, as a production Redis for BullMQ should.
function startRedis(port: number, dir: string): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], { stdio: 'ignore' });
}

async function waitForRedis(url: string): Promise<void> {
  await waitFor(`redis at ${url}`, async () => {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } finally {
      r.disconnect();
    }
  }, 10_000, 100);
}

describe('Redis restarted mid-run', () => {
  const prefix = uniquePrefix('restart');
  let site: TestSite;
  let tmp: ReturnType<typeof makeTempDir>;
  let redis: ChildProcess | null = null;
  let url: string;
  let ctx: DistributedContext | null = null;
  let worker: CliProcess | null = null;

  beforeAll(async () => {
    site = await startTestSite(PAGES);
    for (const p of PAGES) site.holdFor.set(p, 700);
    tmp = makeTempDir();
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = startRedis(port, tmp.dir);
    await waitForRedis(url);
  });
  afterAll(async () => {
    if (worker) await stopCli(worker);
    await ctx?.close();
    redis?.kill('SIGKILL');
    await site?.close();
    tmp?.cleanup();
  });

  it('workers reconnect and finish every item', async () => {
    const env = { REDIS_URL: url, BREACHFEED_QUEUE_PREFIX: prefix };
    const cfg = writeSiteConfig(path.join(tmp.dir, 'bf.yaml'), site);
    const db = path.join(tmp.dir, 'w.db');
    ctx = await openDistributed(testSettings(url, env), 'command');
    expect((await runCli(['schedule', '-c', cfg], env)).code).toBe(0);
    worker = startCli(['worker', '-c', cfg, '--db', db, '--concurrency', '1'], env);
    await waitFor('a first record', async () => (await ctx!.ledger.counts()).records >= 1, 30_000, 50);

    const port = Number(new URL(url).port);
    redis!.kill('SIGKILL');
    await new Promise((r) => redis!.once('exit', r));
    await new Promise((r) => setTimeout(r, 1_500)); // the worker notices
    redis = startRedis(port, tmp.dir);
    await waitForRedis(url);

    const s = await waitFor('the run to finish after the restart', () => settled(ctx!), 60_000, 250);
    expect(worker.child.exitCode).toBeNull(); // still running
    expect(s.items).toMatchObject({ seen: PAGES.length, records: PAGES.length, failed: 0, inFlight: 0 });
    const store = openSqliteStore(db);
    expect((await store.counts()).articles).toEqual({ breach: PAGES.length, no_incident: 0, failed: 0 });
    await store.close();
    // The outage is two lines, lost and back, not one per failed command; nothing reads like a disaster.
    const logs = worker.logs();
    expect(logs.filter((l) => l.msg === 'redis connection lost; reconnecting')).toHaveLength(1);
    expect(logs.filter((l) => String(l.msg).startsWith('redis connection back after'))).toHaveLength(1);
    expect(logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
    const stopped = await stopCli(worker);
    worker = null;
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toBe(''); // the outage is in the JSON log, not dumped on stderr
  }, 120_000);
});
