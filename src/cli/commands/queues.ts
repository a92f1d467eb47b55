import { findConfigFile, loadConfig } from '../../config/load-config';
import { ConfigError } from '../../errors';
import { openDistributed } from '../../../workers/connect';
import { applyQueueAction, type QueueAction } from '../../../workers/operator';
import { parseQueueNames, QUEUE_NAMES } from '../../../workers/settings';

export interface QueuesCommandOptions {
  config?: string;
  delayed?: boolean;
}

const PAST: Record<QueueAction, string> = { pause: 'paused', resume: 'resumed', drain: 'drained' };

/** `breachfeed queues pause|resume|drain <queue|all>`. */
export function queuesCommand(action: QueueAction) {
  return async (queue: string, opts: QueuesCommandOptions): Promise<number> => {
    const names = queue === 'all' ? [...QUEUE_NAMES] : parseQueueNames(queue, `queues ${action}`);
    if (opts.delayed && action !== 'drain') throw new ConfigError(`queues ${action}: --delayed goes with drain`);
    const ctx = await openDistributed(loadConfig(findConfigFile(opts.config)).redisUrl, 'command');
    try {
      const dropped = await applyQueueAction(ctx.queues, names, action, { delayed: opts.delayed });
      for (const name of names) {
        const extra = action === 'drain' ? `: ${dropped[name]} job${dropped[name] === 1 ? '' : 's'} removed` : '';
        process.stdout.write(`${name} ${PAST[action]}${extra}\n`);
      }
      return 0;
    } finally {
      await ctx.close();
    }
  };
}
