// The CPU stages on the calling thread, without budgets: for tests of other things, benches and
// one-off calls. A module of its own so that importing the pool never loads the parser and the
// NLP library into the main thread (cpu-task.ts does).
import { ContentError, describeError } from '../errors';
import type { Article } from '../types';
import { type CpuLimits, type CpuStages, DEFAULT_CPU_LIMITS } from './cpu-pool';
import { type CpuTask, type ExtractResult, type ReadResult, runCpuTask } from './cpu-task';

export function inProcessStages(limits: CpuLimits = DEFAULT_CPU_LIMITS): CpuStages {
  const run = async <R>(task: CpuTask, url: string): Promise<R> => {
    try {
      return runCpuTask(task) as R;
    } catch (err) {
      const stage = task.stage === 'extract' ? 'extract' : 'scrape';
      throw new ContentError(`${stage}: ${url} failed: ${describeError(err)}`, { stage, cause: err });
    }
  };
  const { maxNestingDepth, maxMarkupChars, maxTextChars } = limits;
  return {
    scrape: (page) => run<Article>({ stage: 'scrape', page, maxNestingDepth, maxMarkupChars }, page.url),
    extract: (article, url) => run<ExtractResult>({ stage: 'extract', article, maxTextChars }, url),
    // Stage by stage, so a failure names the one it happened in.
    read: async (page, fallback): Promise<ReadResult> => {
      const article = await run<Article>({ stage: 'scrape', page, maxNestingDepth, maxMarkupChars }, page.url);
      if (!article.text) return { article, extraction: null };
      const text = { title: article.title ?? fallback.title, publishedAt: article.publishedAt ?? fallback.publishedAt, text: article.text };
      return { article: { ...article, text: '' }, extraction: await run<ExtractResult>({ stage: 'extract', article: text, maxTextChars }, page.url) };
    },
    close: async () => undefined,
  };
}
