import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { exportRecords } from '../../store/export-records';
import type { RecordStore } from '../../store/record-store';
import { type FilterQuery, filterQuery } from '../query-schema';
import { toRecordQuery } from './to-record-query';

/** GET /export.ndjson and /export.csv: every matching record, streamed in change order (flat memory). */
export async function exportRoutes(app: FastifyInstance, opts: { store: RecordStore }): Promise<void> {
  for (const [format, type] of [['ndjson', 'application/x-ndjson'], ['csv', 'text/csv; charset=utf-8']] as const) {
    app.get<{ Querystring: FilterQuery }>(`/export.${format}`, {
      schema: { summary: `All matching records as ${format.toUpperCase()}, streamed`, querystring: filterQuery },
    }, async (req, reply) => {
      reply.type(type).header('content-disposition', `attachment; filename="breachfeed-records.${format}"`);
      return reply.send(Readable.from(exportRecords(opts.store, format, toRecordQuery(req.query))));
    });
  }
}
