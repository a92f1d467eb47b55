import fs from 'node:fs';
import path from 'node:path';
import { type Newsroom, type NewsroomManifest, readNewsroomManifest, startNewsroom } from '../../src/demo/newsroom-server';
import { runInline } from '../../src/pipeline/run-inline';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { BreachRecord, FeedConfig } from '../../src/types';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { isSettled, readStatus, type DistributedStatus } from '../../workers/operator';
import { makeTempDir } from '../helpers/temp-dir';
import { fetchDeps } from '../helpers/http-client';
import {
  cleanPrefix, comparable, type CliProcess, type CliRun, runCli, startCli, stopCli, TEST_REDIS_URL, uniquePrefix, waitFor, testSettings,
} from './helpers';

// Done-when of issue 5: the demo newsroom through the built CLI — one `schedule`, two
// `worker` processes on the real Redis — stores exactly what the inline runner stores.
describe('distributed run over the demo newsroom (schedule + 2 worker processes)', () => {
  const prefix = uniquePrefix('newsroom');
  const env = { REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix, BREACHFEED_LOG_LEVEL: 'info' };
  let newsroom: Newsroom;
  let manifest: NewsroomManifest;
  let tmp: ReturnType<typeof makeTempDir>;
  let cfg: string;
  let feeds: FeedConfig[];
  let ctx: DistributedContext;
  let workers: CliProcess[];
  let stopped: CliRun[];
  let settled: DistributedStatus;
  let distributed: BreachRecord[];
  let inline: BreachRecord[];
  let inlineCounts: Awaited<ReturnType<ReturnType<typeof openSqliteStore>['counts']>>;
  const distDb = () => path.join(tmp.dir, 'distributed.db');

  beforeAll(async () => {
    newsroom = await startNewsroom();
    manifest = await readNewsroomManifest();
    tmp = makeTempDir();
    feeds = manifest.feeds.map((f) => ({ id: f.id, url: `${newsroom.baseUrl}${f.path}` }));
    cfg = path.join(tmp.dir, 'breachfeed.yaml');
    fs.writeFileSync(cfg, [
      'feeds:',
      ...feeds.map((f) => `  - { id: ${f.id}, url: "${f.url}" }`),
      'fetch: { allowPrivateAddresses: true, perHostDelayMs: 0, timeoutMs: 10000 }',
    ].join('\n'));
    ctx = await openDistributed(testSettings(TEST_REDIS_URL, env), 'command');

    const sched = await runCli(['schedule', '-c', cfg], env);
    expect(sched.stderr).toBe('');
    expect(sched.code).toBe(0);
    workers = [0, 1].map(() => startCli(['worker', '-c', cfg, '--db', distDb(), '--concurrency', '2'], env));
    settled = await waitFor('the distributed run to settle', async () => {
      const s = await readStatus(ctx.queues, ctx.ledger, null);
      return s.queues.feeds.completed === feeds.length && s.items.seen > 0 && isSettled(s) ? s : undefined;
    }, 60_000, 200);
    stopped = await Promise.all(workers.map((w) => stopCli(w)));

    const dStore = openSqliteStore(distDb());
    distributed = await dStore.listRecords();
    await dStore.close();
    const iStore = openSqliteStore(path.join(tmp.dir, 'inline.db'));
    await runInline({ feeds, store: iStore, ...fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0, timeoutMs: 10_000 }), concurrency: 4, maxItemsPerFeed: 50 });
    inline = await iStore.listRecords();
    inlineCounts = await iStore.counts();
    await iStore.close();
  }, 120_000);

  afterAll(async () => {
    for (const w of workers ?? []) w.child.kill('SIGKILL');
    await ctx?.close();
    await cleanPrefix(prefix);
    await newsroom?.close();
    tmp?.cleanup();
  });

  it('stores exactly the records the inline runner stores', () => {
    expect(inline.length).toBeGreaterThan(0);
    const byId = (a: BreachRecord, b: BreachRecord) => a.id.localeCompare(b.id);
    // Fetch times differ between runs; which feed is credited for an article two feeds list is a race in both runners.
    expect([...distributed].sort(byId).map(comparable)).toEqual([...inline].sort(byId).map(comparable));
    for (const r of distributed) {
      const article = manifest.articles.find((a) => new URL(r.article.url).pathname === a.path)!;
      expect(article.feeds.map((f) => f.id)).toContain(r.article.feed);
    }
  });

  it('accounts for every feed item: records, no-incident verdict, duplicate or failure', async () => {
    const links = manifest.articles.reduce((n, a) => n + a.feeds.length, 0);
    const i = settled.items;
    expect(i.seen).toBe(links);
    expect(i.inFlight).toBe(0);
    expect(i.records + i.noIncident + i.duplicate + i.skipped + i.failed).toBe(links);
    expect(i.skipped).toBe(0);
    expect(i.duplicate).toBe(links - manifest.articles.length);
    expect(i.records).toBe(inlineCounts.articles.breach);
    expect(i.noIncident).toBe(inlineCounts.articles.no_incident);
    expect(i.failed).toBe(0);

    const r = await runCli(['status', '-c', cfg, '--db', distDb(), '--json'], env);
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as DistributedStatus;
    expect(status.items).toEqual(settled.items);
    expect(status.store.articles).toEqual(inlineCounts.articles);
    expect(status.store.records).toBe(inlineCounts.records);
    expect(status.schedulers).toBe(feeds.length);
    expect(status.queues.articles).toMatchObject({ waiting: 0, active: 0, failed: 0, completed: manifest.articles.length });
    // Workers that serve `records` store verdicts themselves; `records` only takes failed writes.
    expect(status.queues.records).toMatchObject({ waiting: 0, active: 0, failed: 0, completed: 0 });
    // Each feed's next poll waits for its slot.
    expect(status.queues.feeds).toMatchObject({ completed: feeds.length, delayed: feeds.length, failed: 0 });

    const text = await runCli(['status', '-c', cfg, '--db', distDb()], env);
    expect(text.stdout).toMatch(new RegExp(`^items: +${links} seen = ${i.records} with records \\+ ${i.noIncident} no incident \\+ ${i.duplicate} duplicate \\+ 0 skipped by robots.txt \\+ 0 failed \\+ 0 in flight$`, 'm'));
    expect(text.stdout).toMatch(/^articles +0 +0 +0 +\d+ +0 +no$/m);
  });

  it('both worker processes took jobs, logged JSON lines, and stopped cleanly on SIGTERM', () => {
    for (const [n, w] of workers.entries()) {
      expect({ worker: n, code: stopped[n].code, stderr: stopped[n].stderr }).toEqual({ worker: n, code: 0, stderr: '' });
      const logs = w.logs();
      expect(logs.filter((l) => l.msg === 'job completed').length).toBeGreaterThan(0);
      expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['workers started', 'signal received', 'workers stopped']));
    }
  });

  it('schedule run again changes nothing; no job failed', async () => {
    const again = await runCli(['schedule', '-c', cfg, '--json'], env);
    expect(again.code).toBe(0);
    const { changes } = JSON.parse(again.stdout) as { changes: { feedId: string; action: string }[] };
    expect(changes.map((c) => c.action)).toEqual(feeds.map(() => 'unchanged'));
    const failed = await runCli(['jobs', 'failed', '-c', cfg], env);
    expect(failed.stdout.trim()).toBe('(no failed jobs)');
  });
});
