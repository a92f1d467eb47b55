// Distributed vs inline throughput on one locally served corpus, measured in one run.
// ≥ 1,000 articles made from the newsroom fixtures (breach and non-breach pages), each at a
// URL of its own (its canonical link rewritten to match), listed by 10 feeds. Inline: one
// process, concurrency 4. Distributed: 2 `breachfeed worker` processes (concurrency 4 each)
// on the real Redis, timed from the first poll enqueued to the last item settled. The runners
// alternate for BENCH_ROUNDS rounds (5 by default), each round on articles of its own; each
// keeps its best round. Both first process 1,000 other articles untimed, and the workers stay
// up across rounds, as they do in production (start-up and JIT warm-up are not throughput).
// Both run with the V8 flags this process was started with (see `npm run bench`). The
// machine's parallel headroom (two processes extracting vs one, measured here too) bounds the
// ratio: V8's helper threads and other tenants take part of the second core.
// BENCH_TINY_PAGES=1 serves one-paragraph pages instead, so the runs measure per-item overhead.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadSettings } from '../src/config/settings';
import { findPackageRoot, newsroomDir, readNewsroomManifest } from '../src/demo/newsroom-server';
import { HttpClient } from '../src/ingest/http-get';
import { RobotsCache } from '../src/ingest/robots';
import { runInline } from '../src/pipeline/run-inline';
import { openSqliteStore } from '../src/store/sqlite-store';
import { extractIncidents } from '../src/extract/extract-incidents';
import { scrapeArticle } from '../src/extract/scrape-article';
import type { FeedConfig, Page } from '../src/types';
import { type DistributedContext, deletePrefix, openDistributed } from '../workers/connect';
import { enqueuePollsNow } from '../workers/scheduler';
import { printTable } from './bench-utils';

const ARTICLES = Number(process.env.BENCH_DISTRIBUTED_ARTICLES ?? 1_008);
const FEEDS = 10;
/** Untimed articles each runner processes first: V8 is still compiling hot code after a few hundred. */
const WARMUP = Number(process.env.BENCH_WARMUP_ARTICLES ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A page with one short paragraph and no breach: fetching, queueing and storing cost the same, extraction next to nothing. */
function tinyPage(i: number): string {
  return `<html><head><title>Note ${i}</title></head><body><article><h1>Note ${i}</h1>
<p>The city council met on Tuesday to discuss the new park and its opening hours for the summer season.</p></article></body></html>`;
}

export interface Corpus { baseUrl: string; rounds: FeedConfig[][]; warmupFeeds: FeedConfig[]; close(): Promise<void> }

/** Serves, for each round, ARTICLES pages (fixture i mod n at /r<round>-<i>/<fixture path>) and FEEDS feeds listing them. */
export async function serveCorpus(rounds: number): Promise<Corpus> {
  const manifest = await readNewsroomManifest();
  const siteRoot = path.join(newsroomDir(), 'site');
  const fixtures = manifest.articles.map((a) => ({ path: a.path, title: a.title, date: a.publishedAt, html: fs.readFileSync(path.join(siteRoot, a.path), 'utf8') }));
  const pages = new Map<string, Buffer>();
  const feeds = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0];
    const body = pages.get(p) ?? feeds.get(p);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found\n');
    }
    res.writeHead(200, { 'content-type': pages.has(p) ? 'text/html; charset=utf-8' : 'application/rss+xml; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const addBatch = (tag: string, count: number, feedCount: number): FeedConfig[] => {
    const items: string[][] = Array.from({ length: feedCount }, () => []);
    for (let i = 0; i < count; i++) {
      const f = fixtures[i % fixtures.length];
      const p = `/${tag}${i}${f.path}`;
      // Every {{BASE}} link, the canonical one included, now points under /<tag><i>: a distinct article.
      pages.set(p, Buffer.from(process.env.BENCH_TINY_PAGES ? tinyPage(i) : f.html.replace(/\{\{BASE\}\}/g, `${base}/${tag}${i}`)));
      items[i % feedCount].push(`<item><title>${f.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title><link>${base}${p}</link><guid>${base}${p}</guid><pubDate>${new Date(f.date).toUTCString()}</pubDate></item>`);
    }
    return items.map((list, k) => {
      feeds.set(`/feeds/${tag}${k}.xml`, Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench ${tag}${k}</title><link>${base}/</link><description>bench</description>${list.join('')}</channel></rss>`));
      return { id: `bench-${tag}${k}`, url: `${base}/feeds/${tag}${k}.xml` };
    });
  };
  return {
    baseUrl: base,
    rounds: Array.from({ length: rounds }, (_, r) => addBatch(`r${r}-`, ARTICLES, FEEDS)),
    warmupFeeds: WARMUP > 0 ? addBatch('w', WARMUP, 2) : [],
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

const FETCH = { allowPrivateAddresses: true, perHostDelayMs: 0, perHostConcurrency: Number(process.env.BENCH_PER_HOST ?? 64), timeoutMs: 30_000 };

type Run = { seconds: number; records: number; articles: number; cpuSeconds: number; redisCpuSeconds: number };

/** One inline run with a client of its own (fresh connections and robots cache), closed after. */
async function runInlineOnce(feeds: FeedConfig[], store: ReturnType<typeof openSqliteStore>, maxItemsPerFeed: number) {
  const http = new HttpClient(FETCH);
  try {
    return await runInline({ feeds, store, http, robots: new RobotsCache(http), concurrency: CONCURRENCY, maxItemsPerFeed });
  } finally {
    await http.close();
  }
}

async function timeInline(feeds: FeedConfig[], dir: string): Promise<Run> {
  const store = openSqliteStore(path.join(dir, `inline-${randomBytes(3).toString('hex')}.db`));
  try {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const s = await runInlineOnce(feeds, store, ARTICLES);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (s.items.new !== ARTICLES || s.articles.failed) throw new Error(`inline run processed ${s.items.new}/${ARTICLES} items, ${s.articles.failed} failed`);
    const cpu = process.cpuUsage(cpu0);
    // This process also serves the corpus; its CPU time includes that.
    return { seconds, records: s.records, articles: s.items.new, cpuSeconds: (cpu.user + cpu.system) / 1e6, redisCpuSeconds: 0 };
  } finally {
    await store.close();
  }
}

const stats = { retries: 0, firstError: null as string | null };

function startWorker(bin: string, cfg: string, db: string, env: NodeJS.ProcessEnv): { child: ChildProcess; ready: Promise<void> } {
  // The workers run with this process's V8 flags (npm run bench sets the young generation), as inline does.
  const child = spawn(process.execPath, [...process.execArgv, bin, 'worker', '-c', cfg, '--db', db, '--concurrency', String(CONCURRENCY)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('"workers started"')) {
        child.stdout!.off('data', onData);
        // Keep draining the job log, counting retries (they cost a backoff each).
        child.stdout!.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n')) {
            if (!line.includes('"job failed, will retry"')) continue;
            stats.retries++;
            stats.firstError ??= (/"err":"([^"]*)"/.exec(line) ?? [])[1] ?? null;
          }
        });
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${err.trim()}`)));
  });
  return { child, ready };
}

/** User + system CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

/** Waits until every queue is idle and `n` items are seen, none in flight; throws when any failed. */
async function waitForItems(ctx: DistributedContext, n: number): Promise<void> {
  for (;;) {
    // Cheap checks often (the run's end is timed to ~20 ms); the full ledger scan once idle.
    const busy = await Promise.all(Object.values(ctx.queues).map(async (q) => {
      const c = await q.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
      return Object.values(c).some((v) => v > 0);
    }));
    if (!busy.includes(true)) {
      const c = await ctx.ledger.counts();
      if (c.seen === n && c.pending === 0) {
        if (c.failed) throw new Error(`distributed run: ${c.failed} items failed`);
        return;
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Cluster {
  /** Polls `feeds` and waits until their items are settled; the round's time, records and worker CPU. */
  round(feeds: FeedConfig[]): Promise<Run>;
  stop(): Promise<void>;
}

/** Starts the worker processes (one prefix, one database for all rounds) and warms them up. */
async function startCluster(corpus: Corpus, dir: string): Promise<Cluster> {
  const prefix = `bfbench-${randomBytes(4).toString('hex')}`;
  const env = { REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix, BREACHFEED_LOG_LEVEL: 'info' };
  const cfg = path.join(dir, `dist-${prefix}.yaml`);
  fs.writeFileSync(cfg, [
    'feeds:', ...[...corpus.warmupFeeds, ...corpus.rounds.flat()].map((f) => `  - { id: ${f.id}, url: "${f.url}" }`),
    `fetch: { allowPrivateAddresses: true, perHostDelayMs: 0, perHostConcurrency: ${FETCH.perHostConcurrency}, timeoutMs: ${FETCH.timeoutMs} }`,
    `run: { maxItemsPerFeed: ${Math.max(ARTICLES, WARMUP)} }`,
  ].join('\n'));
  const db = path.join(dir, `dist-${prefix}.db`);
  openSqliteStore(db).close(); // migrate once, before two processes race to
  const storedRecords = async () => {
    const store = openSqliteStore(db);
    try {
      return (await store.counts()).records;
    } finally {
      await store.close();
    }
  };
  const bin = process.env.BREACHFEED_BENCH_BIN ?? path.join(findPackageRoot(), 'bin', 'breachfeed.js');
  const ctx = await openDistributed(loadSettings(null, { ...process.env, ...env, REDIS_URL }).distributed, 'command');
  const workers = Array.from({ length: WORKERS }, () => startWorker(bin, cfg, db, env));
  const stop = async () => {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.child.exitCode !== null ? r(null) : w.child.once('exit', r)))));
    await deletePrefix(ctx.redis, prefix);
    await ctx.close();
  };
  let settled = 0;
  try {
    await Promise.all(workers.map((w) => w.ready));
    if (corpus.warmupFeeds.length) {
      await enqueuePollsNow(ctx.queues.feeds, corpus.warmupFeeds);
      await waitForItems(ctx, (settled += WARMUP));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    async round(feeds) {
      const records0 = await storedRecords();
      const redis0 = redisCpu(await ctx.redis.info('cpu'));
      const cpu0 = workers.reduce((sum, w) => sum + cpuSecondsOf(w.child.pid!), 0);
      const t0 = process.hrtime.bigint();
      await enqueuePollsNow(ctx.queues.feeds, feeds);
      await waitForItems(ctx, (settled += ARTICLES));
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpuSeconds = workers.reduce((sum, w) => sum + cpuSecondsOf(w.child.pid!), 0) - cpu0;
      const redisCpuSeconds = redisCpu(await ctx.redis.info('cpu')) - redis0;
      return { seconds, records: (await storedRecords()) - records0, articles: ARTICLES, cpuSeconds, redisCpuSeconds };
    },
    stop,
  };
}

/** CPU seconds the Redis server has used, from INFO cpu (it shares this machine's cores). */
const redisCpu = (info: string) => Number(/used_cpu_sys:([\d.]+)/.exec(info)![1]) + Number(/used_cpu_user:([\d.]+)/.exec(info)![1]);

const EXTRACT_LOOP_FLAG = '--extract-loop';

/** Child mode: scrape + extract the newsroom pages for `ms` after a warm-up; prints how many. */
async function extractLoop(ms: number): Promise<void> {
  const manifest = await readNewsroomManifest();
  const siteRoot = path.join(newsroomDir(), 'site');
  const pages: Page[] = manifest.articles.map((a) => {
    const url = `http://127.0.0.1/x${a.path}`;
    const html = fs.readFileSync(path.join(siteRoot, a.path), 'utf8').replace(/\{\{BASE\}\}/g, 'http://127.0.0.1/x');
    return { url, finalUrl: url, status: 200, html, fetchedAt: new Date().toISOString() };
  });
  const once = (i: number) => extractIncidents(scrapeArticle(pages[i % pages.length]));
  for (let i = 0; i < 1_000; i++) once(i);
  let n = 0;
  for (const t0 = Date.now(); Date.now() - t0 < ms; n++) once(n);
  process.stdout.write(String(n));
}

/**
 * Articles two processes scrape and extract at once, relative to one alone: 2.0 on two idle
 * cores; less when V8's helper threads (GC, compiler) or other tenants want the second core.
 */
async function measureParallelHeadroom(): Promise<number> {
  const run = () => new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, EXTRACT_LOOP_FLAG], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`extract loop exited with ${code}`))));
  });
  const one = await run();
  const two = await Promise.all([run(), run()]);
  return (two[0] + two[1]) / one;
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachfeed-bench-dist-'));
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const corpus = await serveCorpus(rounds);
  let cluster: Cluster | null = null;
  try {
    if (!process.env.BENCH_SKIP_INLINE && corpus.warmupFeeds.length) {
      const warm = openSqliteStore(path.join(dir, 'inline-warmup.db'));
      await runInlineOnce(corpus.warmupFeeds, warm, WARMUP);
      await warm.close();
    }
    cluster = await startCluster(corpus, dir);
    // Alternate the two runners; each keeps its best round (noise on a shared machine only slows runs down).
    const best = (a: Run | null, b: Run) => (a && a.seconds <= b.seconds ? a : b);
    let inline: Run | null = null;
    let dist: Run | null = null;
    for (const [r, feeds] of corpus.rounds.entries()) {
      const i = process.env.BENCH_SKIP_INLINE ? { seconds: 1, records: 0, articles: 1, cpuSeconds: 0, redisCpuSeconds: 0 } : await timeInline(feeds, dir);
      const d = await cluster.round(feeds);
      if (process.env.BENCH_DEBUG) console.error(`round ${r + 1}: inline ${i.seconds.toFixed(2)} s, distributed ${d.seconds.toFixed(2)} s (${d.cpuSeconds.toFixed(1)} CPU s in workers, ${d.redisCpuSeconds.toFixed(1)} in Redis; ${stats.retries} retries so far${stats.firstError ? `, first: ${stats.firstError}` : ''})`);
      if (!process.env.BENCH_SKIP_INLINE && d.records !== i.records) throw new Error(`round ${r + 1}: distributed stored ${d.records} records, inline ${i.records}`);
      inline = best(inline, i);
      dist = best(dist, d);
    }
    await cluster.stop();
    cluster = null;
    if (!inline || !dist) throw new Error('BENCH_ROUNDS must be at least 1');
    const headroom = await measureParallelHeadroom();
    const rate = (r: { seconds: number; articles: number }) => r.articles / r.seconds;
    printTable(`distributed vs inline: ${ARTICLES} articles, best of ${rounds} round${rounds === 1 ? '' : 's'} (${FEEDS} feeds, newsroom fixtures at distinct URLs, served on 127.0.0.1), ${os.cpus().length} cores`, [
      [`inline (1 process, concurrency ${CONCURRENCY})`, `${inline.seconds.toFixed(2)} s  ${rate(inline).toFixed(1)} articles/s  (${inline.records} records; ${inline.cpuSeconds.toFixed(1)} CPU s incl. serving)`],
      [`distributed (${WORKERS} worker processes × concurrency ${CONCURRENCY})`, `${dist.seconds.toFixed(2)} s  ${rate(dist).toFixed(1)} articles/s  (${dist.records} records; ${dist.cpuSeconds.toFixed(1)} CPU s in workers, ${dist.redisCpuSeconds.toFixed(1)} in Redis)`],
      ['distributed / inline', `${(rate(dist) / rate(inline)).toFixed(2)}× (target ≥ 1.4)`],
      ['parallel headroom now (2 processes extracting / 1)', `${headroom.toFixed(2)}× (2.00 on two idle cores)`],
    ]);
  } finally {
    await cluster?.stop();
    await corpus.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === EXTRACT_LOOP_FLAG) {
  extractLoop(3_000).catch((err) => {
    console.error(`extract loop: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
} else if (require.main === module) {
  main().catch((err) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
