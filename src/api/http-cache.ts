import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The Cache-Control of the route's 200 responses; `no-store` also means no ETag. */
    cacheControl?: string;
  }
}

/**
 * Caching of read routes: a strong ETag on every 200 GET with a body in memory, a 304 when
 * If-None-Match names it, and the route's Cache-Control (config.cacheControl). Data can change
 * with every pipeline run, so data routes say `no-cache`: revalidate each time, cheaply.
 */
export function registerHttpCache(app: FastifyInstance, opts: { private: boolean }): void {
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return payload;
    const policy = reply.routeOptions.config?.cacheControl;
    if (reply.statusCode !== 200) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    }
    if (policy && !reply.hasHeader('cache-control')) reply.header('cache-control', opts.private && policy !== 'no-store' ? `private, ${policy}` : policy);
    if (!policy || policy === 'no-store' || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
    // A route that knows a cheaper validator than hashing its body (stored digests) sets it itself.
    const etag = (reply.getHeader('etag') as string | undefined) ?? `"${createHash('sha1').update(payload).digest('base64url')}"`;
    reply.header('etag', etag);
    if (matches(req.headers['if-none-match'], etag)) {
      reply.code(304);
      return '';
    }
    return payload;
  });
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/"x"` matches `"x"`; `*` matches anything. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}
