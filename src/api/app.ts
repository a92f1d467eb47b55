import compress from '@fastify/compress';
import cors from '@fastify/cors';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Logger } from '../logger';
import type { RecordStore } from '../store/record-store';
import { ApiError, BreachfeedError } from '../errors';
import { type AuthOptions, registerAuth } from './auth';
import { registerHttpCache } from './http-cache';
import { checkQueryNumbers, checkRawQuery } from './input-check';
import { createMetrics, type QueueDepths } from './metrics';
import { QUERY_FORMATS } from './query-schema';
import { errorSchema, responses } from './response-schema';
import { exportRoutes } from './routes/export';
import { incidentRoutes } from './routes/incidents';
import { metaRoutes } from './routes/meta';
import { recordRoutes } from './routes/records';
import type { RouteOptions } from './routes/route-options';
import { storeReads } from './store-reads';
import { webRoutes } from './web/web-routes';

export interface AppOptions extends AuthOptions {
  store: RecordStore;
  /** Origins allowed to read the API from a browser (CORS); none: CORS off. `*`: any. */
  corsOrigins?: string[];
  queueDepths?: QueueDepths;
  /** Extra routes (the queue dashboard, under /admin), registered behind the operate token. */
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
  /** The process logger, for request logs; none when unset. */
  logger?: Logger | false;
}

/** Builds the HTTP API; `server.ts` listens. Tests call `app.inject()`. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // The process's pino logger, typed as fastify's base logger so the instance keeps its default type.
    ...(opts.logger ? { loggerInstance: opts.logger as FastifyBaseLogger } : { logger: false }),
    // Unknown query parameters are refused (a misspelled filter must not be silently ignored).
    // A path parameter of any length reaches its schema (400 naming it) instead of a bare 414.
    routerOptions: { maxParamLength: 16_384 },
    // A path that is not valid percent-encoded UTF-8 gets our error body too.
    frameworkErrors: (err, _req, reply) => {
      void (reply as unknown as FastifyReply).code(400).type('application/json; charset=utf-8').send(JSON.stringify({ error: `the path is not valid: ${err.message}`, parameter: 'path' }));
    },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, formats: QUERY_FORMATS } },
  });
  const readToken = opts.readToken ?? null;
  const secured = Boolean(readToken || opts.operateToken);

  app.setErrorHandler((err: FastifyError | BreachfeedError, req, reply) => {
    reply.type('application/json; charset=utf-8').removeHeader('content-disposition');
    if (err instanceof ApiError) return reply.code(err.statusCode).send({ error: err.message, ...(err.parameter === undefined ? {} : { parameter: err.parameter }) });
    if ('validation' in err && err.validation) {
      const v = err.validation[0];
      const params = v.params as { missingProperty?: string; additionalProperty?: string };
      const parameter = params.additionalProperty ?? params.missingProperty ?? v.instancePath.replace(/^\//, '');
      const message = v.keyword === 'additionalProperties' ? `unknown parameter ${parameter}` : `${parameter} ${v.message}`;
      return reply.code(400).send({ error: message, parameter });
    }
    if (err instanceof BreachfeedError && err.stage === 'store') {
      req.log.warn({ err: err.message }, 'store unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: 'the store does not answer; try again later' });
    }
    const status = 'statusCode' in err && err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'request failed');
    return reply.code(status).send({ error: status === 500 ? 'internal error' : err.message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` }));
  app.addHook('preValidation', checkRawQuery);
  app.addHook('preHandler', checkQueryNumbers);

  const corsOrigins = opts.corsOrigins ?? [];
  if (corsOrigins.length) {
    await app.register(cors, {
      origin: corsOrigins.includes('*') ? '*' : corsOrigins,
      methods: ['GET', 'HEAD'],
      allowedHeaders: ['authorization'],
      exposedHeaders: ['etag'],
      maxAge: 600,
    });
  }
  await registerAuth(app, { readToken, operateToken: opts.operateToken, skipPreflight: corsOrigins.length > 0 });
  registerHttpCache(app, { private: secured });
  // After the ETag hook, so tags name the representation, not its compressed bytes.
  await app.register(compress, { threshold: 1024, customTypes: /^(application\/(json|x-ndjson|schema\+json|javascript)|text\/)/ });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'breachfeed API', version: '1', description: 'Data-breach records and incidents extracted from the news.' },
      components: {
        schemas: { Error: errorSchema },
        ...(secured ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the read token, or the operate token' } } } : {}),
      },
      ...(secured ? { security: [{ bearer: [] }] } : {}),
    },
  });
  const store = storeReads(opts.store);
  const routeOpts: RouteOptions = { store, authErrors: secured ? [401] : [] };
  await app.register(recordRoutes, routeOpts);
  await app.register(incidentRoutes, routeOpts);
  await app.register(exportRoutes, routeOpts);
  await app.register(metaRoutes, { ...routeOpts, metrics: createMetrics(store, opts.queueDepths) });
  await app.register(webRoutes, { store });
  app.get('/openapi.json', {
    schema: { summary: 'This description (OpenAPI 3.1)', response: responses({ 200: { type: 'object', additionalProperties: true } }, routeOpts.authErrors) },
    config: { cacheControl: 'no-cache' },
  }, async () => app.swagger());
  for (const plugin of opts.plugins ?? []) await plugin(app);
  return app;
}
