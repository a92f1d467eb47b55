import type { FastifyInstance } from 'fastify';
import { ConfigError } from '../errors';
import { type AppOptions, buildApp } from './app';

export interface ServeOptions extends AppOptions {
  /** @default 127.0.0.1 */
  host?: string;
  /** 0: any free port. */
  port: number;
}

/** Loopback addresses, the only ones served without a token. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Builds the app and listens; refuses to serve beyond loopback without a token. */
export async function startServer(opts: ServeOptions): Promise<{ app: FastifyInstance; url: string }> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !opts.readToken && !opts.operateToken) {
    throw new ConfigError(`serve: binding to ${host} exposes the API beyond this machine; set a token (--token or BREACHFEED_API_TOKEN)`);
  }
  const app = await buildApp(opts);
  try {
    const url = await app.listen({ host, port: opts.port });
    return { app, url };
  } catch (err) {
    await app.close();
    throw new ConfigError(`serve: cannot listen on ${host}:${opts.port}: ${(err as Error).message}`);
  }
}
