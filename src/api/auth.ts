import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { errorSchema } from './response-schema';

export interface AuthOptions {
  /** Reads records, incidents, exports, metrics and the descriptions. */
  readToken?: string | null;
  /** Everything the read token does, plus the queue dashboard and its actions. */
  operateToken?: string | null;
}

type Access = 'open' | 'read' | 'operate';

export const DASHBOARD_PREFIX = '/admin';
export const LOGIN_PATH = '/admin/login';
const COOKIE = 'breachfeed_dashboard';
const SESSION_MS = 12 * 3600_000;

/** What a request needs: /healthz and the sign-in form are open, /admin/** needs the operate token, the rest the read token. */
function accessOf(req: FastifyRequest): Access {
  const path = req.routeOptions.url ?? req.url.split('?')[0];
  if (path === '/healthz' || path === LOGIN_PATH) return 'open';
  return path === DASHBOARD_PREFIX || path.startsWith(`${DASHBOARD_PREFIX}/`) ? 'operate' : 'read';
}

function sameSecret(given: string, expected: string): boolean {
  // Digests have equal lengths, so the comparison takes the same time whatever was sent.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A signed session `<expiry ms>.<hmac>`: the cookie never carries the token itself. */
function sessionValue(token: string, expires: number): string {
  return `${expires}.${createHmac('sha256', token).update(`breachfeed dashboard session ${expires}`).digest('base64url')}`;
}

function validSession(cookieHeader: string | undefined, token: string): boolean {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name !== COOKIE || !value) continue;
    const expires = Number(value.split('.')[0]);
    if (Number.isSafeInteger(expires) && expires > Date.now() && sameSecret(value, sessionValue(token, expires))) return true;
  }
  return false;
}

const wantsHtml = (req: FastifyRequest) => req.method === 'GET' && /text\/html/.test(req.headers.accept ?? '');

/**
 * Bearer tokens (the scheme case-insensitive, RFC 7235), and for the dashboard a session
 * cookie set by the sign-in form. No token configured: everything is open (loopback only).
 */
export async function registerAuth(app: FastifyInstance, opts: AuthOptions & { skipPreflight?: boolean }): Promise<void> {
  const read = opts.readToken || null;
  // One token only: it grants everything, as before there were two.
  const operate = opts.operateToken || read;
  if (!read && !operate) return;

  const grantOf = (req: FastifyRequest): Access | null => {
    const m = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '');
    if (m) {
      if (operate && sameSecret(m[1], operate)) return 'operate';
      if (read && sameSecret(m[1], read)) return 'read';
      return null;
    }
    // The sign-in cookie grants what the token it was signed with grants.
    if (operate && validSession(req.headers.cookie, operate)) return 'operate';
    return read && read !== operate && validSession(req.headers.cookie, read) ? 'read' : null;
  };

  app.addHook('onRequest', async (req, reply) => {
    const needs = accessOf(req);
    if (needs === 'open' || (opts.skipPreflight && req.method === 'OPTIONS')) return;
    const grant = grantOf(req);
    if (grant === 'operate' || (grant === 'read' && needs === 'read')) return;
    if (needs === 'operate' && wantsHtml(req) && operate) return reply.redirect(LOGIN_PATH, 303);
    // A person opening the catalogue (or any page) without a grant signs in, then comes back.
    if (grant === null && wantsHtml(req)) return reply.redirect(`${LOGIN_PATH}?${new URLSearchParams({ next: req.url })}`, 303);
    if (grant === 'read') return reply.code(403).send({ error: 'the read token does not grant the dashboard; use the operate token' });
    return reply.code(401).header('www-authenticate', 'Bearer realm="breachfeed"').send({ error: 'missing or wrong bearer token' });
  });

  if (!operate) return;
  await app.register(async (login) => {
    login.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const html = { 200: { description: 'The sign-in form', content: { 'text/html': { schema: { type: 'string' } } } } };
    login.get<{ Querystring: { next?: string } }>(LOGIN_PATH, {
      schema: { summary: 'Sign-in form (the catalogue and the dashboard)', security: [], querystring: nextQuery, response: html },
    }, async (req, reply) => sendForm(reply, 200, '', req.query.next));
    login.post<{ Body: { token: string; next?: string } }>(LOGIN_PATH, {
      schema: {
        summary: 'Signs in: the read or operate token, posted as a form, sets an HttpOnly SameSite=Strict session cookie granting what that token grants',
        security: [],
        body: { type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 1000 }, next: nextQuery.properties.next } },
        response: {
          303: { description: 'Signed in: the cookie is set, on to the dashboard' },
          400: { ...errorSchema, description: 'No token in the form' },
          401: { description: 'Wrong token: the form again', content: { 'text/html': { schema: { type: 'string' } } } },
        },
      },
    }, async (req, reply) => {
      const token = sameSecret(req.body.token, operate) ? operate : read && sameSecret(req.body.token, read) ? read : null;
      if (!token) return sendForm(reply, 401, 'That is not a token of this server.', req.body.next);
      const expires = Date.now() + SESSION_MS;
      const secure = req.protocol === 'https' ? '; Secure' : '';
      // Path=/: the catalogue's pages and its requests need it as much as the dashboard does.
      reply.header('set-cookie', `${COOKIE}=${sessionValue(token, expires)}; Path=/; Max-Age=${SESSION_MS / 1000}; HttpOnly; SameSite=Strict${secure}`);
      return reply.redirect(localPath(req.body.next) ?? (token === operate ? `${DASHBOARD_PREFIX}/queues` : '/'), 303);
    });
  });
}

const nextQuery = { type: 'object', properties: { next: { type: 'string', maxLength: 2000 } } } as const;

/** `next` when it is a path on this server (never `//host` or a URL elsewhere). */
function localPath(next: string | undefined): string | null {
  return next && /^\/(?![\/\\])[^\s]*$/.test(next) ? next : null;
}

function sendForm(reply: FastifyReply, status: number, problem: string, next?: string): FastifyReply {
  const back = localPath(next);
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>breachfeed: sign in</title></head>
<body><h1>breachfeed: sign in</h1>${problem ? `<p role="alert">${problem}</p>` : ''}
<form method="post" action="${LOGIN_PATH}"><label>Token (read or operate) <input type="password" name="token" autocomplete="current-password" required autofocus></label>
${back ? `<input type="hidden" name="next" value="${back.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">` : ''}
<button type="submit">Sign in</button></form></body></html>
`);
}
