// The CPU pool against in-process stages, for the inline runner (`breachfeed run`), measured in one
// run: the same locally served articles as the distributed bench (serveCorpus), one process,
// concurrency 4, scrape and extract either on the main thread or in the pool's worker threads
// (one per core). The two alternate for BENCH_POOL_ROUNDS rounds (3), each round on articles of
// its own; each keeps its best round, after one untimed warm-up pass each.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HttpClient } from '../src/ingest/http-get';
import { RobotsCache } from '../src/ingest/robots';
import { CpuPool, type CpuStages, DEFAULT_CPU_LIMITS } from '../src/pipeline/cpu-pool';
import { inProcessStages } from '../src/pipeline/in-process-stages';
import { runInline } from '../src/pipeline/run-inline';
import { openSqliteStore } from '../src/store/sqlite-store';
import type { FeedConfig } from '../src/types';
import { printTable } from './bench-utils';
import { serveCorpus } from './distributed.bench';

const ROUNDS = Number(process.env.BENCH_POOL_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const FETCH = { allowPrivateAddresses: true, perHostDelayMs: 0, perHostConcurrency: 64, timeoutMs: 30_000 };

async function timeRun(feeds: FeedConfig[], cpu: CpuStages, dir: string): Promise<{ seconds: number; articles: number }> {
  const store = openSqliteStore(path.join(dir, `pool-${randomBytes(3).toString('hex')}.db`));
  const http = new HttpClient(FETCH);
  try {
    const t0 = process.hrtime.bigint();
    const s = await runInline({ feeds, store, http, robots: new RobotsCache(http), cpu, concurrency: CONCURRENCY, maxItemsPerFeed: 100_000 });
    if (s.articles.failed) throw new Error(`pool bench: ${s.articles.failed} articles failed: ${s.failures[0]?.reason}`);
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, articles: s.items.new };
  } finally {
    await http.close();
    await store.close();
  }
}

export async function main(): Promise<void> {
  const corpus = await serveCorpus(ROUNDS * 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pool-'));
  const pool = new CpuPool({ threads: 0, taskTimeoutMs: 30_000, maxHeapMb: 256, ...DEFAULT_CPU_LIMITS });
  const inline = inProcessStages();
  try {
    if (corpus.warmupFeeds.length) {
      await timeRun(corpus.warmupFeeds, inline, dir);
      await timeRun(corpus.warmupFeeds.map((f) => ({ ...f, id: `${f.id}-again` })), pool, dir);
    }
    let best = { inline: Infinity, pool: Infinity };
    let articles = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const a = await timeRun(corpus.rounds[2 * r], inline, dir);
      const b = await timeRun(corpus.rounds[2 * r + 1], pool, dir);
      articles = a.articles;
      best = { inline: Math.min(best.inline, a.seconds), pool: Math.min(best.pool, b.seconds) };
      console.log(`  round ${r + 1}: in-process ${a.seconds.toFixed(2)} s, pool ${b.seconds.toFixed(2)} s`);
    }
    printTable(`pool: breachfeed run (inline, concurrency ${CONCURRENCY}) over ${articles} local articles, best of ${ROUNDS}`, [
      ['in-process stages', `${best.inline.toFixed(2)} s (${(articles / best.inline).toFixed(1)} articles/s)`],
      [`pool (${pool.threads} threads)`, `${best.pool.toFixed(2)} s (${(articles / best.pool).toFixed(1)} articles/s)`],
      ['ratio pool / in-process', `${(best.inline / best.pool).toFixed(2)}x on ${os.availableParallelism()} cores`],
    ]);
  } finally {
    await pool.close();
    await corpus.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
