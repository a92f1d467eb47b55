import type { FastifyInstance } from 'fastify';
import type client from 'prom-client';
import recordSchema from '../../../schema/record.schema.json';
import type { RecordStore } from '../../store/record-store';

/** Health, metrics and the published record schema. */
export async function metaRoutes(app: FastifyInstance, opts: { store: RecordStore; metrics: client.Registry }): Promise<void> {
  app.get('/healthz', { schema: { summary: 'Liveness and store reachability' } }, async (_req, reply) => {
    try {
      await opts.store.counts();
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', error: 'the store does not answer' });
    }
  });

  app.get('/metrics', { schema: { summary: 'Prometheus metrics' } }, async (_req, reply) => {
    reply.type(opts.metrics.contentType);
    return opts.metrics.metrics();
  });

  app.get('/schema/record.json', { schema: { summary: 'JSON Schema of a record (breachfeed.record/1)' } }, async (_req, reply) => {
    reply.type('application/schema+json');
    return recordSchema;
  });
}
