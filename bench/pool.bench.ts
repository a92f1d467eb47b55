// The CPU pool against in-process stages, for the inline runner (`breachfeed run`), measured in one
// run: the same locally served articles as the distributed bench (serveCorpus), one process,
// concurrency 4, scrape and extract either on the main thread or in the pool's worker threads
// (one per core). The two alternate for BENCH_POOL_ROUNDS rounds (3), each round on articles of
// its own; each keeps its best round, after one untimed warm-up pass each. On Linux it also says how
// much of the time the threads were ready to run they got a core: on a machine other jobs keep
// busy the pool's threads wait, and the ratio says more about them than about the pool. The pages are served by
// a child process, as a publisher's server would be: in this process the server's work would
// queue behind the main thread's and hold back the fetches that feed the pool.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { HttpClient } from '../src/ingest/http-get';
import { RobotsCache } from '../src/ingest/robots';
import { CpuPool, type CpuStages, DEFAULT_CPU_LIMITS } from '../src/pipeline/cpu-pool';
import { inProcessStages } from '../src/pipeline/in-process-stages';
import { runInline } from '../src/pipeline/run-inline';
import { openSqliteStore } from '../src/store/sqlite-store';
import type { FeedConfig } from '../src/types';
import { printTable } from './bench-utils';
import { type Corpus, serveCorpus } from './distributed.bench';

const ROUNDS = Number(process.env.BENCH_POOL_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const FETCH = { allowPrivateAddresses: true, perHostDelayMs: 0, perHostConcurrency: 64, timeoutMs: 30_000 };
/** Set in the child process that serves the pages. */
const SERVER_ROLE = 'BENCH_POOL_SERVE_ROUNDS';

interface Timed { seconds: number; articles: number; mainBusy: number; sched: Sched | null }

/** CPU time of this process's threads, and time they were ready to run but waited for a core (Linux). */
interface Sched { runSeconds: number; waitSeconds: number }

function schedTotals(): Sched | null {
  try {
    let run = 0;
    let wait = 0;
    for (const t of fs.readdirSync('/proc/self/task')) {
      const [r, w] = fs.readFileSync(`/proc/self/task/${t}/schedstat`, 'utf8').split(' ').map(Number);
      run += r;
      wait += w;
    }
    return { runSeconds: run / 1e9, waitSeconds: wait / 1e9 };
  } catch {
    return null;
  }
}

/** How much of the time the threads wanted a core they got: other processes on the machine lower it. */
function coreShare(t: Timed): string {
  return t.sched ? `, threads got a core ${pct(t.sched.runSeconds / (t.sched.runSeconds + t.sched.waitSeconds))} of the time they were ready` : '';
}

async function timeRun(feeds: FeedConfig[], cpu: CpuStages, dir: string): Promise<Timed> {
  const store = openSqliteStore(path.join(dir, `pool-${randomBytes(3).toString('hex')}.db`));
  const http = new HttpClient(FETCH);
  try {
    const elu = performance.eventLoopUtilization();
    const sched0 = schedTotals();
    const t0 = process.hrtime.bigint();
    const s = await runInline({ feeds, store, http, robots: new RobotsCache(http), cpu, concurrency: CONCURRENCY, maxItemsPerFeed: 100_000 });
    if (s.articles.failed) throw new Error(`pool bench: ${s.articles.failed} articles failed: ${s.failures[0]?.reason}`);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const sched1 = schedTotals();
    // Threads that ended during the run drop out of the sums: the figure is a guide, not a measure.
    const sched = sched0 && sched1 ? { runSeconds: sched1.runSeconds - sched0.runSeconds, waitSeconds: sched1.waitSeconds - sched0.waitSeconds } : null;
    return { seconds, articles: s.items.new, mainBusy: performance.eventLoopUtilization(elu).utilization, sched };
  } finally {
    await http.close();
    await store.close();
  }
}

/** The corpus, served by a child process (this file, in its server role). */
async function serveFromChild(rounds: number): Promise<Omit<Corpus, 'baseUrl'>> {
  const child: ChildProcess = fork(__filename, [], { env: { ...process.env, [SERVER_ROLE]: String(rounds) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const corpus = await new Promise<Pick<Corpus, 'rounds' | 'warmupFeeds'>>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Pick<Corpus, 'rounds' | 'warmupFeeds'>));
    child.once('exit', (code) => reject(new Error(`pool bench: the page server exited (${code})`)));
  });
  return {
    ...corpus,
    close: async () => {
      child.kill();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    },
  };
}

if (process.env[SERVER_ROLE] && process.send) {
  void serveCorpus(Number(process.env[SERVER_ROLE])).then(({ rounds, warmupFeeds }) => process.send!({ rounds, warmupFeeds }));
}

export async function main(): Promise<void> {
  const corpus = await serveFromChild(ROUNDS * 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pool-'));
  const pool = new CpuPool({ threads: 0, taskTimeoutMs: 30_000, maxHeapMb: 256, ...DEFAULT_CPU_LIMITS });
  const inline = inProcessStages();
  try {
    if (corpus.warmupFeeds.length) {
      await timeRun(corpus.warmupFeeds, inline, dir);
      await timeRun(corpus.warmupFeeds.map((f) => ({ ...f, id: `${f.id}-again` })), pool, dir);
    }
    const best = { inline: { seconds: Infinity } as Timed, pool: { seconds: Infinity } as Timed };
    for (let r = 0; r < ROUNDS; r++) {
      const a = await timeRun(corpus.rounds[2 * r], inline, dir);
      const b = await timeRun(corpus.rounds[2 * r + 1], pool, dir);
      if (a.seconds < best.inline.seconds) best.inline = a;
      if (b.seconds < best.pool.seconds) best.pool = b;
      console.log(`  round ${r + 1}: in-process ${a.seconds.toFixed(2)} s, pool ${b.seconds.toFixed(2)} s (main thread busy ${pct(b.mainBusy)}${coreShare(b)})`);
    }
    const { articles } = best.inline;
    printTable(`pool: breachfeed run (inline, concurrency ${CONCURRENCY}) over ${articles} local articles, best of ${ROUNDS}`, [
      ['in-process stages', `${best.inline.seconds.toFixed(2)} s (${(articles / best.inline.seconds).toFixed(1)} articles/s)${coreShare(best.inline)}`],
      [`pool (${pool.threads} threads)`, `${best.pool.seconds.toFixed(2)} s (${(articles / best.pool.seconds).toFixed(1)} articles/s), main thread busy ${pct(best.pool.mainBusy)}${coreShare(best.pool)}`],
      ['ratio pool / in-process', `${(best.inline.seconds / best.pool.seconds).toFixed(2)}x on ${os.availableParallelism()} cores`],
    ]);
  } finally {
    await pool.close();
    await corpus.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
