// The CPU stages (scrape, extract) off the main thread (DESIGN.md §2b): a pool of worker threads
// (piscina), up to one per core by default, shared by every item of a process, so the inline runner
// uses every core and no page can stall or exhaust it. Each task has a wall-time budget and a
// heap cap: a task over either is terminated (piscina replaces its thread) and the item fails,
// permanently, with one line naming the stage and the budget.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { ContentError, describeError, type FailureStage } from '../errors';
import { DEFAULT_MAX_TEXT_CHARS } from '../extract/limit-text';
import { DEFAULT_MAX_MARKUP_CHARS, DEFAULT_MAX_NESTING_DEPTH } from '../extract/scrape/pre-parse-limits';
import type { Article, ArticleText, Page } from '../types';
// Types only: the stages' code (the parser, the NLP library) loads in the threads, not here.
import type { ArticleFallback, CpuTask, ExtractResult, ReadResult } from './cpu-task';

export type { ArticleFallback, ExtractResult, ReadResult } from './cpu-task';

export interface CpuLimits {
  /** scrape.maxNestingDepth */
  maxNestingDepth: number;
  /** scrape.maxMarkupChars */
  maxMarkupChars: number;
  /** extract.maxTextChars */
  maxTextChars: number;
}

export interface CpuPoolOptions extends CpuLimits {
  /** Worker threads; 0: one per core. */
  threads: number;
  /** Wall time one task may run. */
  taskTimeoutMs: number;
  /** Old-generation heap of one thread (resourceLimits). */
  maxHeapMb: number;
}

/** How the pipeline runs its CPU stages: in worker threads with budgets (CpuPool), or in-process (tests, benches, batch commands). */
export interface CpuStages {
  scrape(page: Page): Promise<Article>;
  /** `url` names the article in messages. */
  extract(article: ArticleText, url: string): Promise<ExtractResult>;
  /** Scrape, then extract when the page has a body: both stages in one task, each with its own budget. */
  read(page: Page, fallback: ArticleFallback): Promise<ReadResult>;
  close(): Promise<void>;
}

export const DEFAULT_CPU_LIMITS: CpuLimits = {
  maxNestingDepth: DEFAULT_MAX_NESTING_DEPTH, maxMarkupChars: DEFAULT_MAX_MARKUP_CHARS, maxTextChars: DEFAULT_MAX_TEXT_CHARS,
};

/**
 * The compiled worker entry (cpu-task.js): next to this module when it runs from dist/, else
 * the build's copy (under jest, which runs the .ts sources, test/global-setup.js builds dist/).
 */
export function findWorkerFile(): string {
  const candidates = [
    path.join(__dirname, 'cpu-task.js'),
    path.join(__dirname, '..', '..', 'dist', 'src', 'pipeline', 'cpu-task.js'),
  ];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`cpu pool: no compiled worker file (looked for ${candidates.join(', ')}); run npm run build`);
  return found;
}

/**
 * Tasks handed to one thread at a time: the one it runs and the next, already in its queue, so a
 * thread goes from one to the next without waiting for the main thread's turn (on a busy machine
 * that wait is as long as a task). Budgets count running time only (see run()).
 */
const TASKS_PER_THREAD = 2;

export class CpuPool implements CpuStages {
  readonly threads: number;
  private readonly pool: Piscina;
  /** Tasks handed to piscina, at most TASKS_PER_THREAD per thread: none waits in piscina's own queue. */
  private free: number;
  private readonly waiting: (() => void)[] = [];
  private closing: Promise<void> | null = null;

  constructor(private readonly opts: CpuPoolOptions) {
    this.threads = opts.threads > 0 ? opts.threads : os.availableParallelism();
    this.free = this.threads * TASKS_PER_THREAD;
    this.pool = new Piscina({
      concurrentTasksPerWorker: TASKS_PER_THREAD,
      // Each task a message event of its own: with piscina's Atomics loop, two tasks read from the
      // queue at once would answer together, the first only when the second ends.
      atomics: 'disabled',
      loadBalancer: (_task, threads) => this.pickThread(threads),
      filename: findWorkerFile(),
      name: 'runCpuTask',
      // One started at once (its start-up overlaps the first fetches), the others when there is
      // work for them: a thread with the parser and the NLP library loaded costs about 45 MB.
      minThreads: 1,
      maxThreads: this.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb },
    });
  }

  scrape(page: Page): Promise<Article> {
    const { maxNestingDepth, maxMarkupChars } = this.opts;
    return this.run<Article>({ stage: 'scrape', page, maxNestingDepth, maxMarkupChars }, page.url);
  }

  extract(article: ArticleText, url: string): Promise<ExtractResult> {
    return this.run<ExtractResult>({ stage: 'extract', article, maxTextChars: this.opts.maxTextChars }, url);
  }

  /**
   * An idle thread, else (once all are started) the least busy with room in its queue; none, and
   * piscina starts a thread. (piscina's own balancer gives a task with an abort signal, which all
   * of ours have, only to an idle thread, and counts a thread running one as full.)
   */
  private pickThread<T extends { currentUsage: number; isRunningAbortableTask: boolean }>(threads: T[]): T | null {
    let best: T | null = null;
    let bestUsage = TASKS_PER_THREAD;
    for (const t of threads) {
      const usage = t.isRunningAbortableTask ? 1 : t.currentUsage;
      if (usage === 0) return t;
      if (usage < bestUsage) {
        best = t;
        bestUsage = usage;
      }
    }
    return threads.length >= this.threads ? best : null;
  }

  read(page: Page, fallback: ArticleFallback): Promise<ReadResult> {
    const { maxNestingDepth, maxMarkupChars, maxTextChars } = this.opts;
    return this.run<ReadResult>({ stage: 'read', page, fallback, maxNestingDepth, maxMarkupChars, maxTextChars }, page.url);
  }

  private async run<R>(task: CpuTask, url: string): Promise<R> {
    await this.slot();
    const progress = { word: new Int32Array(new SharedArrayBuffer(8)), sentAt: Date.now() };
    const step = () => Atomics.load(progress.word, 0);
    const stageOf = (s: number): FailureStage => (task.stage !== 'read' ? task.stage : s === 2 ? 'extract' : 'scrape');
    const budget = new AbortController();
    const limit = this.opts.taskTimeoutMs;
    // Looked at when the running stage's budget would end: one that has not started yet (a new
    // thread still loading) or started since has time left, and the check comes back then.
    let timer: NodeJS.Timeout;
    const check = () => {
      const left = step() === 0 ? limit : progress.sentAt + Atomics.load(progress.word, 1) + limit - Date.now();
      if (left > 0) timer = setTimeout(check, left);
      else budget.abort();
    };
    timer = setTimeout(check, limit);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return (await this.pool.run({ ...task, progress }, { signal: budget.signal })) as R;
        } catch (err) {
          // Queued behind a task whose thread was ended (over its budget): not this one's doing, so again.
          const collateral = step() === 0 && !budget.signal.aborted && !this.closing && attempt < 3;
          if (!collateral) throw err;
        }
      }
    } catch (err) {
      const stage = stageOf(step());
      // Aborting a running task terminates its thread; piscina starts another.
      if (budget.signal.aborted) {
        throw new ContentError(`${stage}: ${url} exceeded ${formatSeconds(limit)} (pool.taskTimeoutMs)`, { stage, cause: err });
      }
      if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new ContentError(`${stage}: ${url} exceeded ${this.opts.maxHeapMb} MB of heap (pool.maxHeapMb)`, { stage, cause: err });
      }
      throw new ContentError(`${stage}: ${url} failed: ${describeError(err)}`, { stage, cause: err });
    } finally {
      clearTimeout(timer);
      this.release();
    }
  }

  private slot(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }

  /** Ends the threads. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.pool.destroy().catch(() => undefined);
    return this.closing;
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
