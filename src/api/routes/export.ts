import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { exportIncidents, exportRecords } from '../../store/export-records';
import type { RouteOptions } from './route-options';
import { type FilterQuery, filterQuery } from '../query-schema';
import { responses, textBody } from '../response-schema';
import { toRecordQuery } from './to-record-query';

/**
 * GET /export.ndjson and /export.csv: every matching record, streamed in change order; and
 * GET /export/incidents.ndjson and .csv: every matching live incident, newest first. Flat memory.
 */
export async function exportRoutes(app: FastifyInstance, opts: RouteOptions): Promise<void> {
  for (const [format, type] of [['ndjson', 'application/x-ndjson'], ['csv', 'text/csv; charset=utf-8']] as const) {
    for (const what of ['records', 'incidents'] as const) {
      app.get<{ Querystring: FilterQuery }>(what === 'records' ? `/export.${format}` : `/export/incidents.${format}`, {
        schema: {
          summary: `All matching ${what} as ${format.toUpperCase()}, streamed`,
          querystring: filterQuery,
          response: responses({ 200: textBody(type.split(';')[0], `Every matching ${what === 'records' ? 'record' : 'incident'}, one per ${format === 'csv' ? 'row after the header' : 'line'}`) },
            [400, ...opts.authErrors, 503]),
        },
        config: { cacheControl: 'no-cache' },
      }, async (req, reply) => {
        const query = toRecordQuery(req.query);
        // One small read before the status line: a store that does not answer is a 503, not a 200 cut short.
        await opts.store.pageRecords(query, 0, 1);
        reply.type(type).header('content-disposition', `attachment; filename="breachfeed-${what}.${format}"`);
        return reply.send(Readable.from(what === 'records' ? exportRecords(opts.store, format, query) : exportIncidents(opts.store, format, query)));
      });
    }
  }
}
