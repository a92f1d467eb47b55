// The distributed-mode commands (issue 5): workers, schedules, operator commands, status.
import type { Command } from 'commander';
import type { Action } from './program';
import { jobsDiscardCommand, jobsFailedCommand, jobsRetryCommand } from './commands/jobs';
import { queuesCommand } from './commands/queues';
import { scheduleCommand } from './commands/schedule';
import { statusCommand } from './commands/status';
import { workerCommand } from './commands/worker';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerDistributedCommands(program: Command, action: Action): void {
  program.command('worker')
    .description('process queued jobs (BullMQ on REDIS_URL) until SIGTERM/SIGINT; JSON logs on stdout')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file shared by the workers (default: DATABASE_URL, else data/breachfeed.db)')
    .option('--queues <list>', 'queues to work on: feeds,articles,records (default: all three)')
    .option('--concurrency <n>', 'articles processed at once by this process (default: run.concurrency)')
    .option('--grace <seconds>', 'on shutdown, how long running jobs may finish before they are released (default: 30)')
    .action(action(workerCommand));

  program.command('schedule')
    .description('create/update one job scheduler per configured feed at its interval; remove those of removed feeds')
    .option('-c, --config <file>', 'config file')
    .option('--feed <url>', 'schedule this feed instead of the configured ones (repeatable)', collect)
    .option('--now', 'also enqueue one poll of every feed right away')
    .option('--watch', 'keep running and reconcile again whenever the config file changes')
    .option('--watch-seconds <n>', 'how often --watch looks at the config file (default: 30)')
    .option('--json', 'print the changes as JSON')
    .action(action(scheduleCommand));

  const jobs = program.command('jobs').description('inspect, replay or discard failed jobs');
  jobs.command('failed')
    .description('list failed jobs: id, queue, feed or URL, attempts, age, last error')
    .option('-c, --config <file>', 'config file')
    .option('--queue <name>', 'only this queue (feeds, articles, records)')
    .option('--since <duration>', 'only jobs that failed within this time (30m, 2h, 1d)')
    .option('--json', 'one JSON object per line')
    .action(action(jobsFailedCommand));
  jobs.command('retry [ids...]')
    .description('replay failed jobs (after fixing their cause) with a fresh attempt budget')
    .option('-c, --config <file>', 'config file')
    .option('--all', 'every failed job (of --queue, within --since)')
    .option('--queue <name>', 'only this queue')
    .option('--since <duration>', 'with --all: only jobs that failed within this time')
    .option('--json', 'print the result as JSON')
    .action(action(jobsRetryCommand));
  jobs.command('discard [ids...]')
    .description('remove failed jobs for good (their items stay counted as failures)')
    .option('-c, --config <file>', 'config file')
    .option('--all', 'every failed job (of --queue, within --since)')
    .option('--queue <name>', 'only this queue')
    .option('--since <duration>', 'with --all: only jobs that failed within this time')
    .option('--json', 'print the result as JSON')
    .action(action(jobsDiscardCommand));

  const queues = program.command('queues').description('pause, resume or drain a queue');
  for (const [verb, text] of [
    ['pause', 'stop starting new jobs of a queue (running ones finish)'],
    ['resume', 'start taking jobs of a paused queue again'],
    ['drain', 'remove the waiting jobs of a queue (with --delayed, the delayed ones too)'],
  ] as const) {
    const cmd = queues.command(`${verb} <queue>`)
      .description(`${text}; <queue> is feeds, articles, records or all`)
      .option('-c, --config <file>', 'config file');
    if (verb === 'drain') cmd.option('--delayed', 'also remove delayed jobs (retries waiting out their backoff, scheduled polls)');
    cmd.action(action(queuesCommand(verb)));
  }

  program.command('status')
    .description('queue counts per state, and what became of every feed item (records, no incident, duplicate, failed)')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: DATABASE_URL, else data/breachfeed.db)')
    .option('--json', 'print as JSON')
    .action(action(statusCommand));
}
