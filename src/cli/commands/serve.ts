import type { FastifyInstance } from 'fastify';
import type { QueueDepths } from '../../api/metrics';
import { startServer } from '../../api/server';
import { findConfigFile, loadSettings } from '../../config/settings';
import { readQueueCounts } from '../../../workers/operator';
import type { RegisterCommand } from '../action';
import { parsePort } from '../args';
import { Runtime } from '../runtime';

export interface ServeCommandOptions {
  config?: string;
  db?: string;
  host?: string;
  port?: string;
  token?: string;
  operateToken?: string;
}

export const registerServe: RegisterCommand = (program, action) => {
  program.command('serve')
    .description('serve the HTTP API: records, incidents, export, metrics, OpenAPI (127.0.0.1 by default)')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db; DATABASE_URL selects PostgreSQL)')
    .option('--host <host>', 'address to bind (default: 127.0.0.1; others need a token)')
    .option('--port <n>', 'port (default: api.port, 8080)')
    .option('--token <token>', 'read token: bearer token required on every route but /healthz (env BREACHFEED_API_TOKEN)')
    .option('--operate-token <token>', 'operate token: the dashboard and queue actions (env BREACHFEED_API_OPERATE_TOKEN; unset: the read token)')
    .action(action(serveCommand));
};

/** `breachfeed serve`: the HTTP API, plus the queue dashboard and depths when Redis is configured; until SIGINT/SIGTERM. */
export async function serveCommand(opts: ServeCommandOptions): Promise<number> {
  const settings = loadSettings(findConfigFile(opts.config));
  const port = opts.port === undefined ? settings.api.port : parsePort('serve', opts.port, 0);
  const rt = new Runtime(settings, 'breachfeed-api');
  try {
    const distributed = settings.redisUrl ? await rt.openDistributed('command') : null;
    const store = await rt.openStore(opts.db);
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
      store, host: opts.host, port, logger: rt.logger, plugins, queueDepths,
      readToken: opts.token ?? settings.api.token,
      operateToken: opts.operateToken ?? settings.api.operateToken,
      corsOrigins: settings.api.corsOrigins?.split(',').map((o) => o.trim()).filter(Boolean) ?? [],
    });
    process.stderr.write(`breachfeed API listening on ${url} (store: ${store.location})${distributed ? `; dashboard at ${url}/admin/queues` : ''}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await app.close();
    return 0;
  } finally {
    await rt.close();
  }
}
