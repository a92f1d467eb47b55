// The CPU stages on the calling thread, without budgets: for tests of other things, benches and
// one-off calls. A module of its own so that importing the pool never loads the parser and the
// NLP library into the main thread (cpu-task.ts does).
import { ContentError, describeError } from '../errors';
import type { Article } from '../types';
import { type CpuLimits, type CpuStages, DEFAULT_CPU_LIMITS } from './cpu-pool';
import { type CpuTask, type ExtractResult, runCpuTask } from './cpu-task';

export function inProcessStages(limits: CpuLimits = DEFAULT_CPU_LIMITS): CpuStages {
  const run = async <R>(task: CpuTask, url: string): Promise<R> => {
    try {
      return runCpuTask(task) as R;
    } catch (err) {
      throw new ContentError(`${task.stage}: ${url} failed: ${describeError(err)}`, { stage: task.stage, cause: err });
    }
  };
  return {
    scrape: (page) => run<Article>({ stage: 'scrape', page, maxNestingDepth: limits.maxNestingDepth, maxMarkupChars: limits.maxMarkupChars }, page.url),
    extract: (article, url) => run<ExtractResult>({ stage: 'extract', article, maxTextChars: limits.maxTextChars }, url),
    close: async () => undefined,
  };
}
