import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logger';
import type { RecordStore } from '../store/record-store';
import { ApiError } from '../errors';
import { createMetrics, type QueueDepths } from './metrics';
import { exportRoutes } from './routes/export';
import { incidentRoutes } from './routes/incidents';
import { metaRoutes } from './routes/meta';
import { recordRoutes } from './routes/records';

export interface AppOptions {
  store: RecordStore;
  /** When set, every route but /healthz needs `Authorization: Bearer <token>`. */
  token?: string | null;
  queueDepths?: QueueDepths;
  /** Extra routes (the queue dashboard), registered behind the same token check. */
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
  /** The process logger, for request logs; none when unset. */
  logger?: Logger | false;
}

/** Builds the HTTP API; `server.ts` listens. Tests call `app.inject()`. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // The process's pino logger, typed as fastify's base logger so the instance keeps its default type.
    ...(opts.logger ? { loggerInstance: opts.logger as FastifyBaseLogger } : { logger: false }),
    // Reject unknown query parameters instead of silently ignoring a misspelled filter.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true } },
  });

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.statusCode).send({ error: err.message, parameter: err.parameter });
    if ('validation' in err && err.validation) {
      const v = err.validation[0];
      const parameter = (v.params as { missingProperty?: string; additionalProperty?: string }).additionalProperty
        ?? (v.params as { missingProperty?: string }).missingProperty
        ?? v.instancePath.replace(/^\//, '');
      const message = v.keyword === 'additionalProperties' ? `unknown parameter ${parameter}` : `${parameter} ${v.message}`;
      return reply.code(400).send({ error: message, parameter });
    }
    const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status === 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` }));

  if (opts.token) {
    const expected = Buffer.from(`Bearer ${opts.token}`);
    app.addHook('onRequest', async (req, reply) => {
      if (req.url === '/healthz') return;
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'missing or wrong bearer token' });
      }
    });
  }

  await app.register(swagger, {
    openapi: {
      info: { title: 'breachfeed API', version: '1', description: 'Data-breach records and incidents extracted from the news.' },
      components: opts.token ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } : undefined,
      security: opts.token ? [{ bearer: [] }] : undefined,
    },
  });
  await app.register(recordRoutes, { store: opts.store });
  await app.register(incidentRoutes, { store: opts.store });
  await app.register(exportRoutes, { store: opts.store });
  await app.register(metaRoutes, { store: opts.store, metrics: createMetrics(opts.store, opts.queueDepths) });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  for (const plugin of opts.plugins ?? []) await plugin(app);
  return app;
}
