import { findConfigFile, loadConfig } from '../../config/load-config';
import { ConfigError } from '../../errors';
import { openDistributed } from '../../../workers/connect';
import { discardJobs, type FailedJob, listFailedJobs, parseDuration, retryJobs } from '../../../workers/operator';
import { parseQueueOption } from './worker';

export interface JobsCommandOptions {
  config?: string;
  queue?: string;
  json?: boolean;
  all?: boolean;
  since?: string;
}

function formatAge(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.round(seconds / 3_600)}h`;
  return `${Math.round(seconds / 86_400)}d`;
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function formatFailedJobs(jobs: FailedJob[]): string {
  if (jobs.length === 0) return '(no failed jobs)';
  const header = ['id', 'queue', 'for', 'attempts', 'age', 'last error'];
  const rows = jobs.map((j) => [j.id, j.queue, shorten(j.target, 60), String(j.attempts), formatAge(j.ageSeconds), j.error]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** `breachfeed jobs failed`: failed jobs with what they were for and why they failed. */
export async function jobsFailedCommand(opts: JobsCommandOptions): Promise<number> {
  const queue = parseQueueOption(opts.queue);
  const sinceMs = opts.since ? parseDuration(opts.since) : undefined;
  const ctx = await openDistributed(loadConfig(findConfigFile(opts.config)).redisUrl, 'command');
  try {
    const jobs = await listFailedJobs(ctx.queues, { queue, sinceMs });
    if (opts.json) process.stdout.write(jobs.map((j) => `${JSON.stringify(j)}\n`).join(''));
    else process.stdout.write(`${formatFailedJobs(jobs)}\n`);
    return 0;
  } finally {
    await ctx.close();
  }
}

function selectionCommand(verb: 'retry' | 'discard') {
  return async (ids: string[], opts: JobsCommandOptions): Promise<number> => {
    if (opts.all && ids.length) throw new ConfigError(`jobs ${verb}: give job ids or --all, not both`);
    if (!opts.all && ids.length === 0) throw new ConfigError(`jobs ${verb}: give one or more job ids, or --all`);
    if (opts.since && !opts.all) throw new ConfigError(`jobs ${verb}: --since goes with --all`);
    const queue = parseQueueOption(opts.queue);
    const sinceMs = opts.since ? parseDuration(opts.since) : undefined;
    const ctx = await openDistributed(loadConfig(findConfigFile(opts.config)).redisUrl, 'command');
    try {
      const act = verb === 'retry' ? retryJobs : discardJobs;
      const { done, missing } = await act(ctx.queues, { ids, all: opts.all, queue, sinceMs });
      if (opts.json) process.stdout.write(`${JSON.stringify({ [verb === 'retry' ? 'retried' : 'discarded']: done, missing })}\n`);
      else {
        const past = verb === 'retry' ? 'retried' : 'discarded';
        process.stdout.write(`${past} ${done.length} job${done.length === 1 ? '' : 's'}\n`);
        for (const d of done) process.stdout.write(`  ${d.queue}  ${d.id}\n`);
      }
      for (const id of missing) process.stderr.write(`breachfeed: jobs ${verb}: no failed job with id ${id}${queue ? ` in queue ${queue}` : ''}\n`);
      return missing.length ? 1 : 0;
    } finally {
      await ctx.close();
    }
  };
}

/** `breachfeed jobs retry <id...> | --all [--queue Q] [--since D]`. */
export const jobsRetryCommand = selectionCommand('retry');
/** `breachfeed jobs discard <id...> | --all [--queue Q] [--since D]`. */
export const jobsDiscardCommand = selectionCommand('discard');
