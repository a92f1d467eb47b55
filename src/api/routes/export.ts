import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { exportRecords } from '../../store/export-records';
import type { RouteOptions } from './route-options';
import { type FilterQuery, filterQuery } from '../query-schema';
import { responses, textBody } from '../response-schema';
import { toRecordQuery } from './to-record-query';

/** GET /export.ndjson and /export.csv: every matching record, streamed in change order (flat memory). */
export async function exportRoutes(app: FastifyInstance, opts: RouteOptions): Promise<void> {
  for (const [format, type] of [['ndjson', 'application/x-ndjson'], ['csv', 'text/csv; charset=utf-8']] as const) {
    app.get<{ Querystring: FilterQuery }>(`/export.${format}`, {
      schema: {
        summary: `All matching records as ${format.toUpperCase()}, streamed`,
        querystring: filterQuery,
        response: responses({ 200: textBody(type.split(';')[0], `Every matching record, one per ${format === 'csv' ? 'row after the header' : 'line'}`) },
          [400, ...opts.authErrors, 503]),
      },
      config: { cacheControl: 'no-cache' },
    }, async (req, reply) => {
      const query = toRecordQuery(req.query);
      // One small read before the status line: a store that does not answer is a 503, not a 200 cut short.
      await opts.store.pageRecords(query, 0, 1);
      reply.type(type).header('content-disposition', `attachment; filename="breachfeed-records.${format}"`);
      return reply.send(Readable.from(exportRecords(opts.store, format, query)));
    });
  }
}
