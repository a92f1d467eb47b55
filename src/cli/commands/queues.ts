import { findConfigFile, loadSettings, QUEUE_NAMES } from '../../config/settings';
import { ConfigError } from '../../errors';
import { applyQueueAction, type QueueAction } from '../../../workers/operator';
import type { RegisterCommand } from '../action';
import { parseQueueNames } from '../args';
import { Runtime } from '../runtime';

export interface QueuesCommandOptions {
  config?: string;
  db?: string;
  delayed?: boolean;
}

const PAST: Record<QueueAction, string> = { pause: 'paused', resume: 'resumed', drain: 'drained' };

export const registerQueues: RegisterCommand = (program, action) => {
  const queues = program.command('queues').description('pause, resume or drain a queue');
  for (const [verb, text] of [
    ['pause', 'stop starting new jobs of a queue (running ones finish)'],
    ['resume', 'start taking jobs of a paused queue again'],
    ['drain', 'remove the waiting jobs of a queue (with --delayed, the delayed ones too)'],
  ] as const) {
    const cmd = queues.command(`${verb} <queue>`)
      .description(`${text}; <queue> is feeds, articles, records or all`)
      .option('-c, --config <file>', 'config file');
    if (verb === 'drain') {
      cmd.option('--delayed', 'also remove delayed jobs (retries waiting out their backoff, scheduled polls)')
        .option('--db <file>', 'SQLite file to record the drained items as failures in (default: DATABASE_URL, else data/breachfeed.db)');
    }
    cmd.action(action(queuesCommand(verb)));
  }
};

/** `breachfeed queues pause|resume|drain <queue|all>`. */
export function queuesCommand(verb: QueueAction) {
  return async (queue: string, opts: QueuesCommandOptions): Promise<number> => {
    const names = queue === 'all' ? [...QUEUE_NAMES] : parseQueueNames(`queues ${verb}`, queue);
    if (opts.delayed && verb !== 'drain') throw new ConfigError(`queues ${verb}: --delayed goes with drain`);
    const rt = new Runtime(loadSettings(findConfigFile(opts.config)), 'breachfeed-queues', 2);
    try {
      const ctx = await rt.openDistributed('command');
      // Drained items are failures on record: the store says so too.
      const store = verb === 'drain' ? await rt.openStore(opts.db) : null;
      const dropped = await applyQueueAction(ctx.queues, names, verb, { ledger: ctx.ledger, store }, { delayed: opts.delayed });
      for (const name of names) {
        const extra = verb === 'drain' ? `: ${dropped[name]} job${dropped[name] === 1 ? '' : 's'} removed` : '';
        process.stdout.write(`${name} ${PAST[verb]}${extra}\n`);
      }
      return 0;
    } finally {
      await rt.close();
    }
  };
}
