import type { FastifyInstance } from 'fastify';
import type client from 'prom-client';
import recordFile from '../../../schema/record.schema.json';
import type { RouteOptions } from './route-options';
import { responses, textBody } from '../response-schema';

/** Health, metrics and the published record schema. */
export async function metaRoutes(app: FastifyInstance, opts: RouteOptions & { metrics: client.Registry }): Promise<void> {
  const health = (status: string) => ({
    type: 'object', additionalProperties: false, required: ['status'],
    properties: { status: { const: status }, error: { type: 'string' } },
  });
  app.get('/healthz', {
    schema: {
      summary: 'Liveness and store reachability (no token needed)',
      security: [],
      response: { 200: { ...health('ok'), description: 'The store answers' }, 503: { ...health('unavailable'), description: 'The store does not answer' } },
    },
    config: { cacheControl: 'no-store' },
  }, async (_req, reply) => {
    try {
      await opts.store.ping();
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', error: 'the store does not answer' });
    }
  });

  app.get('/metrics', {
    schema: {
      summary: 'Prometheus metrics',
      response: responses({ 200: textBody('text/plain', 'Prometheus text exposition format 0.0.4') }, [...opts.authErrors, 503]),
    },
    config: { cacheControl: 'no-store' },
  }, async (_req, reply) => {
    const text = await opts.metrics.metrics();
    return reply.type(opts.metrics.contentType).send(text);
  });

  app.get('/schema/record.json', {
    schema: {
      summary: 'JSON Schema of a record (breachfeed.record/1)',
      response: responses({ 200: textBody('application/schema+json', 'The JSON Schema (draft 2020-12)') }, opts.authErrors),
    },
    config: { cacheControl: 'no-cache' },
  }, async (_req, reply) => reply.type('application/schema+json').send(JSON.stringify(recordFile)));
}
