import type { FastifyInstance, FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { ApiError } from '../../errors';
import type { RouteOptions } from './route-options';
import { decodeCursor, encodeCursor } from '../cursor';
import { browseIncidentJson } from '../incident-reads';
import { type FilterQuery, idParams, type PageQuery, pageQuery } from '../query-schema';
import { incidentSchema, incidentTombstoneSchema, pageSchema, responses } from '../response-schema';
import { toRecordQuery } from './to-record-query';

// Incidents leave as the store keeps them, JSON text written by the merge to the schema declared
// here: an incident with thousands of sources is not parsed and serialized again per request.

// The ETag comes from the incidents' stored digests, not from hashing megabytes of body.

/** A page body from its items' JSON texts, and its ETag from what identifies each item. */
function sendPage(reply: FastifyReply, items: { json: string; tag: string }[], nextCursor: string | null, hasMore: boolean): FastifyReply {
  const tail = `"nextCursor":${JSON.stringify(nextCursor)},"hasMore":${hasMore}`;
  const etag = createHash('sha1').update(items.map((i) => i.tag).join('\n')).update(tail).digest('base64url');
  return sendJson(reply.header('etag', `"${etag}"`), `{"items":[${items.map((i) => i.json).join(',')}],${tail}}`);
}

function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

interface IncidentsQuery extends PageQuery {
  order: 'changes' | 'newest';
}

/**
 * GET /incidents and /incidents/:id, read from the incidents the store keeps on write. In change
 * order (the default) the list is a change feed: every new or changed incident, and a tombstone
 * for every id merged into another or deleted. `order=newest` lists live incidents for people.
 */
export async function incidentRoutes(app: FastifyInstance, opts: RouteOptions): Promise<void> {
  app.get<{ Querystring: IncidentsQuery }>('/incidents', {
    schema: {
      summary: 'Incidents in change order with tombstones (keep nextCursor to poll for changes), or order=newest',
      querystring: {
        ...pageQuery,
        properties: {
          ...pageQuery.properties,
          order: {
            type: 'string', enum: ['changes', 'newest'], default: 'changes',
            description: 'changes: every change in order, tombstones included, cursor always set; newest: live incidents, newest disclosure first',
          },
        },
      },
      response: responses({
        200: pageSchema({ anyOf: [incidentSchema, incidentTombstoneSchema] }, true, 'A page of incidents (and, in change order, tombstones)'),
        304: { description: 'Not modified (If-None-Match)' },
      }, [400, ...opts.authErrors, 503]),
    },
    config: { cacheControl: 'no-cache' },
  }, async (req, reply) => {
    const query = toRecordQuery(req.query as FilterQuery);
    if (req.query.order === 'newest') {
      const page = await browseIncidentJson(opts.store, query, req.query.cursor, req.query.limit);
      return sendPage(reply, page.items.map((i) => ({ json: i.json, tag: i.digest })), page.nextCursor, page.nextCursor !== null);
    }
    const after = req.query.cursor === undefined ? 0 : decodeCursor(req.query.cursor, 'incidentSeq');
    if (after === null) throw new ApiError(400, 'cursor is not a cursor this API issued for /incidents in change order', 'cursor');
    const page = await opts.store.pageIncidentChanges(query, after, req.query.limit + 1);
    const items = page.slice(0, req.query.limit);
    const entries = items.map((c) => {
      if ('incident' in c) return { json: c.incident.json, tag: c.incident.digest };
      const json = JSON.stringify(c.tombstone);
      return { json, tag: json };
    });
    // Always a cursor to continue from, even at the end: a consumer polls it later for what changed.
    const next = items.length ? encodeCursor(items[items.length - 1].seq, 'incidentSeq') : req.query.cursor ?? encodeCursor(0, 'incidentSeq');
    return sendPage(reply, entries, next, page.length > req.query.limit);
  });

  app.get<{ Params: { id: string } }>('/incidents/:id', {
    schema: {
      summary: 'One incident with all its sources; an id that merged redirects (301) to the incident it merged into',
      params: idParams,
      response: responses({
        200: { ...incidentSchema, description: 'The incident' },
        301: { ...incidentTombstoneSchema, description: 'Merged into another incident: `Location` and `mergedInto` name it' },
        304: { description: 'Not modified (If-None-Match)' },
        410: { ...incidentTombstoneSchema, description: 'Deleted: its sources no longer report it' },
      }, [400, ...opts.authErrors, 404, 503]),
    },
    config: { cacheControl: 'no-cache' },
  }, async (req, reply) => {
    const found = await opts.store.getIncident(req.params.id);
    if (!found) throw new ApiError(404, `no incident with id ${req.params.id}`, 'id');
    // The same URL serves the incident page to browsers (web/web-routes.ts): caches keep both apart.
    reply.header('vary', 'accept');
    if (found.state === 'live') return sendJson(reply.header('etag', `"${found.incident.digest}"`), found.incident.json);
    if (found.state === 'merged') return reply.code(301).header('location', `${found.mergedInto}`).send({ id: found.id, mergedInto: found.mergedInto });
    return reply.code(410).send({ id: found.id, deleted: true });
  });
}
