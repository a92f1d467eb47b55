import { startServer } from '../../api/server';
import { findConfigFile, loadConfig } from '../../config/load-config';
import { ConfigError } from '../../errors';
import { openStore } from '../open-store';

export interface ServeCommandOptions {
  config?: string;
  db?: string;
  host?: string;
  port?: string;
  token?: string;
}

/** `breachfeed serve`: the HTTP API (and the queue dashboard when Redis is configured) until SIGINT/SIGTERM. */
export async function serveCommand(opts: ServeCommandOptions): Promise<number> {
  const config = loadConfig(findConfigFile(opts.config));
  const port = opts.port === undefined ? 8080 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`serve: --port must be 0-65535 (got ${opts.port})`);
  const store = await openStore(config, opts.db);
  try {
    const { app, url } = await startServer({
      store, host: opts.host, port, token: opts.token ?? process.env.BREACHFEED_API_TOKEN ?? null, logger: true,
    });
    process.stderr.write(`breachfeed API listening on ${url} (store: ${store.location})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await app.close();
    return 0;
  } finally {
    await store.close();
  }
}
