import type { FastifyInstance } from 'fastify';
import type { QueueDepths } from '../../api/metrics';
import { startServer } from '../../api/server';
import { findConfigFile, loadConfig } from '../../config/load-config';
import { ConfigError } from '../../errors';
import { openDistributed } from '../../../workers/connect';
import { readQueueCounts } from '../../../workers/operator';
import { openStore } from '../open-store';

export interface ServeCommandOptions {
  config?: string;
  db?: string;
  host?: string;
  port?: string;
  token?: string;
}

/** `breachfeed serve`: the HTTP API, plus the queue dashboard and depths when Redis is configured; until SIGINT/SIGTERM. */
export async function serveCommand(opts: ServeCommandOptions): Promise<number> {
  const config = loadConfig(findConfigFile(opts.config));
  const port = opts.port === undefined ? 8080 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`serve: --port must be 0-65535 (got ${opts.port})`);
  const distributed = config.redisUrl ? await openDistributed(config.redisUrl, 'command') : null;
  const store = await openStore(config, opts.db);
  try {
    let plugins: ((app: FastifyInstance) => Promise<void>)[] = [];
    let queueDepths: QueueDepths | undefined;
    if (distributed) {
      // Required here, not imported at the top: bull-board loads an ES module that jest cannot,
      // and the API alone does not need it.
      const { registerDashboard } = require('../../../workers/dashboard') as typeof import('../../../workers/dashboard');
      const queues = Object.values(distributed.queues);
      plugins = [(app) => registerDashboard(app, { queues })];
      queueDepths = async () => {
        const counts = await readQueueCounts(distributed.queues);
        return Object.fromEntries(Object.entries(counts).map(([q, c]) => [q, {
          waiting: c.waiting, active: c.active, delayed: c.delayed, completed: c.completed, failed: c.failed,
        }]));
      };
    }
    const { app, url } = await startServer({
      store, host: opts.host, port, token: opts.token ?? process.env.BREACHFEED_API_TOKEN ?? null, logger: true, plugins, queueDepths,
    });
    process.stderr.write(`breachfeed API listening on ${url} (store: ${store.location})${distributed ? `; dashboard at ${url}/admin/queues` : ''}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await app.close();
    return 0;
  } finally {
    await store.close();
    await distributed?.close();
  }
}
