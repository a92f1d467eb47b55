import { findConfigFile, loadSettings } from '../../config/settings';
import { ConfigError } from '../../errors';
import { discardJobs, type FailedJob, listFailedJobs, retryJobs } from '../../../workers/operator';
import type { RegisterCommand } from '../action';
import { parseDuration, parseQueueOption } from '../args';
import { Runtime } from '../runtime';
import { formatTable, shorten } from '../table';

export interface JobsCommandOptions {
  config?: string;
  db?: string;
  forget?: boolean;
  queue?: string;
  json?: boolean;
  all?: boolean;
  since?: string;
}

export const registerJobs: RegisterCommand = (program, action) => {
  const jobs = program.command('jobs').description('inspect, replay or discard failed jobs');
  jobs.command('failed')
    .description('list failed jobs: id, queue, feed or URL, attempts, age, last error')
    .option('-c, --config <file>', 'config file')
    .option('--queue <name>', 'only this queue (feeds, articles, records)')
    .option('--since <duration>', 'only jobs that failed within this time (30m, 2h, 1d)')
    .option('--json', 'one JSON object per line')
    .action(action(jobsFailedCommand));
  for (const [verb, text] of [
    ['retry', 'replay failed jobs (after fixing their cause) with a fresh attempt budget'],
    ['discard', 'remove failed jobs for good (their items stay counted as failures, and later polls leave them alone)'],
  ] as const) {
    const cmd = jobs.command(`${verb} [ids...]`)
      .description(text)
      .option('-c, --config <file>', 'config file')
      .option('--all', 'every failed job (of --queue, within --since)')
      .option('--queue <name>', 'only this queue')
      .option('--since <duration>', 'with --all: only jobs that failed within this time')
      .option('--json', 'print the result as JSON');
    if (verb === 'discard') {
      cmd.option('--db <file>', 'SQLite file to record the failures in (default: DATABASE_URL, else data/breachfeed.db)')
        .option('--forget', 'also forget the items, so the next poll that lists them enqueues them again');
    }
    cmd.action(action(selectionCommand(verb)));
  }
};

function formatAge(seconds: number | null): string {
  if (seconds === null) return '-';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.round(seconds / 3_600)}h`;
  return `${Math.round(seconds / 86_400)}d`;
}

export function formatFailedJobs(jobs: FailedJob[]): string {
  if (jobs.length === 0) return '(no failed jobs)';
  const rows = jobs.map((j) => [j.id, j.queue, shorten(j.target, 60), String(j.attempts), formatAge(j.ageSeconds), j.error]);
  return formatTable(['id', 'queue', 'for', 'attempts', 'age', 'last error'], rows);
}

/** `breachfeed jobs failed`: failed jobs with what they were for and why they failed. */
export async function jobsFailedCommand(opts: JobsCommandOptions): Promise<number> {
  const queue = parseQueueOption('jobs failed', opts.queue);
  const sinceMs = opts.since ? parseDuration('jobs failed', '--since', opts.since) : undefined;
  const rt = new Runtime(loadSettings(findConfigFile(opts.config)), 'breachfeed-jobs', 2);
  try {
    const ctx = await rt.openDistributed('command');
    const jobs = await listFailedJobs(ctx.queues, { queue, sinceMs });
    if (opts.json) process.stdout.write(jobs.map((j) => `${JSON.stringify(j)}\n`).join(''));
    else process.stdout.write(`${formatFailedJobs(jobs)}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}

/** `breachfeed jobs retry|discard <id...> | --all [--queue Q] [--since D]`. */
function selectionCommand(verb: 'retry' | 'discard') {
  const command = `jobs ${verb}`;
  return async (ids: string[], opts: JobsCommandOptions): Promise<number> => {
    if (opts.all && ids.length) throw new ConfigError(`${command}: give job ids or --all, not both`);
    if (!opts.all && ids.length === 0) throw new ConfigError(`${command}: give one or more job ids, or --all`);
    if (opts.since && !opts.all) throw new ConfigError(`${command}: --since goes with --all`);
    const queue = parseQueueOption(command, opts.queue);
    const sinceMs = opts.since ? parseDuration(command, '--since', opts.since) : undefined;
    const rt = new Runtime(loadSettings(findConfigFile(opts.config)), 'breachfeed-jobs', 2);
    try {
      const ctx = await rt.openDistributed('command');
      const sel = { ids, all: opts.all, queue, sinceMs };
      const { done, missing } = verb === 'retry'
        ? await retryJobs(ctx.queues, ctx.ledger, sel)
        : await discardJobs(ctx.queues, { ledger: ctx.ledger, store: await rt.openStore(opts.db) }, { ...sel, forget: opts.forget });
      const past = verb === 'retry' ? 'retried' : 'discarded';
      if (opts.json) process.stdout.write(`${JSON.stringify({ [past]: done, missing })}\n`);
      else {
        process.stdout.write(`${past} ${done.length} job${done.length === 1 ? '' : 's'}\n`);
        for (const d of done) process.stdout.write(`  ${d.queue}  ${d.id}\n`);
      }
      for (const id of missing) process.stderr.write(`breachfeed: ${command}: no failed job with id ${id}${queue ? ` in queue ${queue}` : ''}\n`);
      return missing.length ? 1 : 0;
    } finally {
      await rt.close();
    }
  };
}
