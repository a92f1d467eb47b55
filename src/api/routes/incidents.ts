import type { FastifyInstance } from 'fastify';
import { filterIncidents, loadIncidents } from '../../store/export-records';
import { ApiError } from '../../errors';
import type { RouteOptions } from './route-options';
import { decodeCursor, encodeCursor } from '../cursor';
import { type FilterQuery, idParams, type PageQuery, pageQuery } from '../query-schema';
import { incidentSchema, pageSchema, responses } from '../response-schema';
import { toRecordQuery } from './to-record-query';

/**
 * GET /incidents and /incidents/:id: records merged across sources. Merging needs all records of
 * an organization, so incidents are computed per request (narrowed by organization when given)
 * and paged by incident id.
 */
export async function incidentRoutes(app: FastifyInstance, opts: RouteOptions): Promise<void> {
  app.get<{ Querystring: PageQuery }>('/incidents', {
    schema: {
      summary: 'Incidents merged across sources, by id; follow nextCursor for more',
      querystring: pageQuery,
      response: responses({
        200: pageSchema(incidentSchema, true, 'A page of incidents; nextCursor is null at the end'),
        304: { description: 'Not modified (If-None-Match)' },
      }, [400, ...opts.authErrors, 503]),
    },
    config: { cacheControl: 'no-cache' },
  }, async (req) => {
    const after = req.query.cursor === undefined ? '' : decodeCursor(req.query.cursor, 'id');
    if (after === null) throw new ApiError(400, 'cursor is not a cursor this API issued for /incidents', 'cursor');
    const query = toRecordQuery(req.query as FilterQuery);
    const all = filterIncidents(await loadIncidents(opts.store, { org: query.org }), query);
    const rest = all.filter((i) => i.id > after);
    const items = rest.slice(0, req.query.limit);
    const hasMore = rest.length > req.query.limit;
    return { items, nextCursor: hasMore ? encodeCursor(items[items.length - 1].id) : null, hasMore };
  });

  app.get<{ Params: { id: string } }>('/incidents/:id', {
    schema: {
      summary: 'One incident with all its sources',
      params: idParams,
      response: responses({ 200: { ...incidentSchema, description: 'The incident' }, 304: { description: 'Not modified (If-None-Match)' } }, [400, ...opts.authErrors, 404, 503]),
    },
    config: { cacheControl: 'no-cache' },
  }, async (req) => {
    const incident = (await loadIncidents(opts.store)).find((i) => i.id === req.params.id);
    if (!incident) throw new ApiError(404, `no incident with id ${req.params.id}`, 'id');
    return incident;
  });
}
