import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ApiError, BreachfeedError } from '../../errors';
import type { RecordStore } from '../../store/record-store';
import { browseIncidents, lookupIncident } from '../incident-reads';
import { loadAssets } from './assets';
import { renderCatalogue } from './catalogue-page';
import { catalogueSearch, parseCatalogueQuery } from './catalogue-query';
import { renderGone, renderIncident, renderProblem } from './incident-page';
import { timelineOf } from './timeline';

export interface WebOptions {
  store: RecordStore;
  /** Incidents per catalogue page. @default 50 */
  pageSize?: number;
}

// No inline script or style anywhere: scripts and the stylesheet come from this origin only.
const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
  "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
].join('; ');
const EVIDENCE_SOURCES = 100;
const INCIDENT_ID = /^[A-Za-z0-9_-]{1,128}$/;

// /incidents/:id is the API's JSON too: a browser (Accept: text/html) gets the page, anything else the JSON.
const acceptsHtml = {
  name: 'breachfeedAccept',
  storage() {
    const handlers = new Map<string, unknown>();
    return { get: (v: string) => handlers.get(v) ?? null, set: (v: string, h: unknown) => void handlers.set(v, h) };
  },
  deriveConstraint: (req: { headers: Record<string, string | string[] | undefined> }) => {
    const accept = req.headers.accept;
    return typeof accept === 'string' && /\btext\/html\b/i.test(accept) ? 'html' : undefined;
  },
  mustMatchWhenDerived: false,
};

/** The pages for people: the catalogue at /, the incident pages, the timeline's figures and the static files. */
export async function webRoutes(app: FastifyInstance, opts: WebOptions): Promise<void> {
  const { store } = opts;
  const pageSize = opts.pageSize ?? 50;
  const { assets, page } = loadAssets();
  if (!app.hasConstraintStrategy(acceptsHtml.name)) app.addConstraintStrategy(acceptsHtml as Parameters<FastifyInstance['addConstraintStrategy']>[0]);

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');
    return payload;
  });
  app.setErrorHandler((err: FastifyError | BreachfeedError, req, reply) => {
    if (err instanceof ApiError) return sendHtml(reply.code(err.statusCode), renderProblem('That request cannot be answered', err.message, page));
    if (err instanceof BreachfeedError && err.stage === 'store') {
      req.log.warn({ err: err.message }, 'store unavailable');
      return sendHtml(reply.code(503).header('retry-after', '5'), renderProblem('The catalogue is unavailable', 'The store does not answer; try again in a moment.', page));
    }
    req.log.error({ err }, 'web page failed');
    return sendHtml(reply.code(500), renderProblem('Something went wrong', 'The page could not be built; the error is in the server log.', page));
  });

  const hidden = { hide: true };
  app.get('/', { schema: hidden, config: { cacheControl: 'no-cache' } }, async (req, reply) => {
    const q = parseCatalogueQuery(req.query as Record<string, unknown>);
    const { items, nextCursor } = await browseIncidents(store, q.query, q.cursor, pageSize).catch((err: unknown) => {
      // A page link from before the data changed (or edited by hand): the first page, and a word why.
      if (!(err instanceof ApiError) || q.cursor === undefined) throw err;
      q.problems.push('the page link is not valid; showing the first page');
      q.cursor = undefined;
      return browseIncidents(store, q.query, undefined, pageSize);
    });
    const timelineUrl = `/timeline.json${catalogueSearch(q.form)}`;
    return sendHtml(reply.code(q.problems.length ? 400 : 200), renderCatalogue({ q, items, nextCursor, assets: page, timelineUrl }));
  });

  app.get<{ Params: { id: string } }>('/incidents/:id', {
    schema: hidden,
    constraints: { [acceptsHtml.name]: 'html' },
    config: { cacheControl: 'no-cache' },
  }, async (req, reply) => {
    reply.header('vary', 'accept');
    const { id } = req.params;
    const found = INCIDENT_ID.test(id) ? await lookupIncident(store, id) : null;
    if (!found) return sendHtml(reply.code(404), renderGone('unknown', id, page));
    if (found.state === 'merged') return reply.redirect(`/incidents/${encodeURIComponent(found.mergedInto)}`, 301);
    if (found.state === 'deleted') return sendHtml(reply.code(410), renderGone('deleted', id, page));
    // The evidence of the first sources: a breach reported thousands of times lists them all, but
    // reading every record would cost seconds for a page nobody reads to the end.
    const records = await Promise.all(found.incident.sources.map((s, n) => (n < EVIDENCE_SOURCES ? store.getRecord(s.recordId) : null)));
    return sendHtml(reply, renderIncident(found.incident, records, page));
  });

  app.get('/timeline.json', { schema: hidden, config: { cacheControl: 'no-cache' } }, async (req, reply) => {
    const q = parseCatalogueQuery(req.query as Record<string, unknown>);
    if (q.problems.length) return reply.code(400).send({ error: q.problems.join('; ') });
    return timelineOf(await store.countIncidents(q.query));
  });

  app.get<{ Params: { hash: string; name: string } }>('/assets/:hash/:name', { schema: hidden }, async (req, reply) => {
    const asset = assets.get(`/assets/${req.params.hash}/${req.params.name}`);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send('no such file\n');
    // The URL names the content, so a copy never goes stale.
    return reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });
}

function sendHtml(reply: FastifyReply, body: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(body);
}
