import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors';
import type { RouteOptions } from './route-options';
import { decodeCursor, encodeCursor } from '../cursor';
import { type FilterQuery, idParams, type PageQuery, pageQuery } from '../query-schema';
import { pageSchema, recordSchema, recordTombstoneSchema, responses } from '../response-schema';
import { toRecordQuery } from './to-record-query';

/** GET /records (cursor pages in change order) and GET /records/:id. */
export async function recordRoutes(app: FastifyInstance, opts: RouteOptions): Promise<void> {
  app.get<{ Querystring: PageQuery }>('/records', {
    schema: {
      summary: 'Breach records in change order, with a tombstone for each deleted one; follow nextCursor while hasMore, and later for what changed',
      querystring: pageQuery,
      response: responses({
        200: pageSchema({ anyOf: [recordSchema, recordTombstoneSchema] }, false, 'A page of records and tombstones; nextCursor is always set (keep the last one to poll for what changed)'),
        304: { description: 'Not modified (If-None-Match)' },
      }, [400, ...opts.authErrors, 503]),
    },
    config: { cacheControl: 'no-cache' },
  }, async (req) => {
    const after = req.query.cursor === undefined ? 0 : decodeCursor(req.query.cursor, 'seq');
    if (after === null) throw new ApiError(400, 'cursor is not a cursor this API issued for /records', 'cursor');
    const page = await opts.store.pageRecordChanges(toRecordQuery(req.query as FilterQuery), after, req.query.limit + 1);
    const items = page.slice(0, req.query.limit);
    // Always a cursor to continue from, even at the end: a consumer polls it later for what is new.
    return {
      items: items.map((c) => ('record' in c ? c.record : c.tombstone)),
      nextCursor: items.length ? encodeCursor(items[items.length - 1].seq) : req.query.cursor ?? encodeCursor(0),
      hasMore: page.length > req.query.limit,
    };
  });

  app.get<{ Params: { id: string } }>('/records/:id', {
    schema: {
      summary: 'One record',
      params: idParams,
      response: responses({ 200: { ...recordSchema, description: 'The record' }, 304: { description: 'Not modified (If-None-Match)' } }, [400, ...opts.authErrors, 404, 503]),
    },
    config: { cacheControl: 'no-cache' },
  }, async (req) => {
    const record = await opts.store.getRecord(req.params.id);
    if (!record) throw new ApiError(404, `no record with id ${req.params.id}`, 'id');
    return record;
  });
}
