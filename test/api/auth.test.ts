// Tokens on the real server: the read token reads, the operate token also runs the dashboard and
// its queue actions, a browser signs in with a form that sets an HttpOnly SameSite=Strict cookie.
// The dashboard itself (bull-board) cannot load under jest; here a stand-in serves its paths, and
// test/workers/serve-dashboard.test.ts runs the real one behind the same checks.
import type { FastifyInstance } from 'fastify';
import { type ApiUnderTest, contractOf, request, startApi } from './api-server';
import { validateOpenApi } from './validate-openapi';

const standInDashboard = async (app: FastifyInstance) => {
  app.get('/admin/queues', async (_req, reply) => reply.type('text/html').send('<title>breachfeed</title>'));
  app.put('/admin/queues/api/queues/:queue/pause', async () => ({ paused: true }));
};
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('read and operate tokens', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi('sqlite', 3, { readToken: 'reader-tok', operateToken: 'operator-tok', plugins: [standInDashboard] });
  });
  afterAll(() => api.close());
  const status = async (p: string, init?: RequestInit) => (await request(api.base, p, init)).status;

  it('the scheme is case-insensitive (RFC 7235); anything else is a 401 with a challenge', async () => {
    for (const header of ['Bearer reader-tok', 'bearer reader-tok', 'BEARER reader-tok', 'Bearer  reader-tok ']) {
      expect([header, await status('/records', { headers: { authorization: header } })]).toEqual([header, 200]);
    }
    for (const header of ['Basic reader-tok', 'Bearer', 'Bearer reader-tok2', 'reader-tok', 'Bearer reader-tok x']) {
      const r = await request(api.base, '/records', { headers: { authorization: header } });
      expect([header, r.status]).toEqual([header, 401]);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('/healthz is exempt whatever its query', async () => {
    for (const p of ['/healthz', '/healthz?x=1', '/healthz?']) expect([p, await status(p)]).toEqual([p, 200]);
  });

  it('the read token reads; the dashboard and queue actions need the operate token', async () => {
    expect(await status('/incidents', bearer('reader-tok'))).toBe(200);
    expect(await status('/admin/queues', bearer('reader-tok'))).toBe(403);
    expect(await status('/admin/queues/api/queues/feeds/pause', { method: 'PUT', ...bearer('reader-tok') })).toBe(403);
    expect(await status('/admin/queues/api/queues/feeds/pause', { method: 'PUT' })).toBe(401);
    expect(await status('/records', bearer('operator-tok'))).toBe(200);
    expect(await status('/admin/queues', bearer('operator-tok'))).toBe(200);
    expect(await status('/admin/queues/api/queues/feeds/pause', { method: 'PUT', ...bearer('operator-tok') })).toBe(200);
  });

  it('a browser signs in to the dashboard with a form; the cookie is HttpOnly, SameSite=Strict', async () => {
    const page = await request(api.base, '/admin/queues', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/login');
    const form = await request(api.base, '/admin/login');
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/<form method="post" action="\/admin\/login">.*name="token"/s);
    const post = (token: string) => request(api.base, '/admin/login', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString(),
    });
    expect((await post('nobody-tok')).status).toBe(401);
    const signedIn = await post('operator-tok');
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/admin/queues');
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(cookie).not.toContain('operator-tok');
    const session = cookie.split(';')[0];
    expect(await status('/admin/queues', { headers: { cookie: session, accept: 'text/html' } })).toBe(200);
    expect(await status('/admin/queues/api/queues/feeds/pause', { method: 'PUT', headers: { cookie: session } })).toBe(200);
    const forged = session.replace(/=(\d+)\./, (_m, t: string) => `=${Number(t) + 1}.`);
    expect(await status('/admin/queues/api/queues/feeds/pause', { method: 'PUT', headers: { cookie: forged } })).toBe(401);
  });

  it('the read token signs a browser in to the catalogue and back where it was, not to the dashboard', async () => {
    const page = await request(api.base, '/?q=weibo', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/admin/login?next=%2F%3Fq%3Dweibo');
    const form = await request(api.base, '/admin/login?next=%2F%3Fq%3Dweibo');
    expect(form.text).toContain('<input type="hidden" name="next" value="/?q=weibo">');
    const post = (fields: Record<string, string>) => request(api.base, '/admin/login', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
    });
    const signedIn = await post({ token: 'reader-tok', next: '/?q=weibo' });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/?q=weibo');
    const session = signedIn.headers.get('set-cookie')!.split(';')[0];
    expect(await status('/?q=weibo', { headers: { cookie: session, accept: 'text/html' } })).toBe(200);
    expect(await status('/timeline.json', { headers: { cookie: session } })).toBe(200);
    expect(await status('/admin/queues/api/queues/feeds/pause', { method: 'PUT', headers: { cookie: session } })).toBe(403);
    // Only paths on this server are followed after signing in.
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      expect((await post({ token: 'reader-tok', next })).headers.get('location')).toBe('/');
    }
  });

  it('/openapi.json declares the bearer scheme, 401 on protected routes, none on /healthz', async () => {
    const doc = (await request(api.base, '/openapi.json', bearer('reader-tok'))).body;
    expect(await validateOpenApi(doc)).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths['/records'].get.responses)).toContain('401');
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    const check = contractOf(doc);
    expect(check('GET', '/records', await request(api.base, '/records'))).toEqual([]);
    expect(check('GET', '/healthz', await request(api.base, '/healthz?x=1'))).toEqual([]);
    expect(check('GET', '/openapi.json', await request(api.base, '/openapi.json'))).toEqual([]);
  });
});

describe('one token only', () => {
  it('grants everything, the dashboard included', async () => {
    const api = await startApi('sqlite', 1, { readToken: 'only', plugins: [standInDashboard] });
    try {
      expect((await request(api.base, '/admin/queues', bearer('only'))).status).toBe(200);
      expect((await request(api.base, '/records', bearer('only'))).status).toBe(200);
      expect((await request(api.base, '/records')).status).toBe(401);
    } finally {
      await api.close();
    }
  });
});
