// The catalogue's routes over real HTTP on 127.0.0.1 with a real store (SQLite and PostgreSQL):
// headers, escaping, the URL's filter state, paging, the incident page beside the API's JSON, and
// the page weight.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startServer } from '../../src/api/server';
import { openStore, STORE_KINDS } from '../api/api-server';
import { HOSTILE, seedCatalogue } from './catalogue-store';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const itemIds = (body: string) => [...body.matchAll(/<h3><a href="\/incidents\/([^"]+)">/g)].map((m) => m[1]);

interface Got { statusCode: number; headers: http.IncomingHttpHeaders; rawPayload: Buffer; body: string; json(): unknown }

/** A GET as sent, the body as it came over the wire (`rawPayload`) and decoded (`body`). */
function get(base: string, url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    http.get(`${base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const rawPayload = Buffer.concat(chunks);
        const body = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(rawPayload) : rawPayload).toString('utf8');
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, rawPayload, body, json: () => JSON.parse(body) });
      });
    }).on('error', reject);
  });
}

describe.each(STORE_KINDS)('web routes on %s', (kind) => {
  let cleanup: () => Promise<void>;
  let close: () => Promise<void>;
  let site: { get(url: string, headers?: Record<string, string>): Promise<Got> };
  beforeAll(async () => {
    const opened = await openStore(kind);
    cleanup = opened.cleanup;
    const { store } = opened;
    await seedCatalogue(store, 120);
    const server = await startServer({ store, port: 0 });
    close = () => server.app.close();
    site = { get: (url, headers) => get(server.url, url, headers) };
  });
  afterAll(async () => {
    await close?.();
    await cleanup?.();
  });

  it('serves the catalogue with a CSP that allows no inline script or style, and none in the page', async () => {
    const res = await site.get('/', HTML);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(res.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(res.body).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    expect(itemIds(res.body)).toHaveLength(50);
  });

  it('shows a hostile organization and headline as text', async () => {
    const list = await site.get(`/?q=${encodeURIComponent('<img')}`, HTML);
    expect(list.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(list.body).not.toContain(HOSTILE);
    const [id] = itemIds(list.body);
    const page = await site.get(`/incidents/${id}`, HTML);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(page.body).not.toContain(HOSTILE);
  });

  it('keeps the filters in the URL: the form shows them, the list follows them, the next page keeps them', async () => {
    const res = await site.get('/?type=medical&min=100000', HTML);
    expect(res.body).toContain('<option value="medical" selected>');
    expect(res.body).toContain('id="min" name="min" value="100000"');
    expect(res.body).toContain('data-src="/timeline.json?type=medical&amp;min=100000"');
    const ids = itemIds(res.body);
    expect(ids.length).toBeGreaterThan(0);
    const api = await site.get('/incidents?dataType=medical&minCount=100000&limit=1000');
    const expected = (api.json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids.every((id) => expected.includes(id))).toBe(true);
  });

  it('pages by cursor: the next page continues where the first stopped', async () => {
    const first = await site.get('/?q=org', HTML);
    const next = /<a rel="next" href="\/([^"]+)">/.exec(first.body)?.[1].replace(/&amp;/g, '&');
    expect(next).toMatch(/^\?q=org&cursor=/);
    const second = await site.get(`/${next}`, HTML);
    expect(second.statusCode).toBe(200);
    const [a, b] = [itemIds(first.body), itemIds(second.body)];
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(second.body).toContain('First page');
  });

  it('a page link the store does not know shows the first page and says so', async () => {
    const res = await site.get('/?q=org&cursor=bm90LWEtY3Vyc29y', HTML);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('the page link is not valid; showing the first page');
    expect(itemIds(res.body)).toEqual(itemIds((await site.get('/?q=org', HTML)).body));
  });

  it('names a bad filter on the page (400) and still lists', async () => {
    const res = await site.get('/?type=shoe_size&from=soon', HTML);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('&quot;shoe_size&quot; is not a data type');
    expect(itemIds(res.body).length).toBe(50);
  });

  it('/incidents/:id is the page for a browser and the API\'s JSON for anything else', async () => {
    const [id] = itemIds((await site.get('/', HTML)).body);
    const page = await site.get(`/incidents/${id}`, HTML);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers.vary).toMatch(/accept/i);
    expect(page.body).toContain('Where each value comes from');
    const json = await site.get(`/incidents/${id}`);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.json()).toMatchObject({ id });
    const unknown = await site.get('/incidents/0123456789abcdef0123456789abcdef', HTML);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('No such incident');
  });

  it('/timeline.json counts every dated incident of the filtered set once', async () => {
    const t = (await site.get('/timeline.json?type=email')).json() as { totals: number[]; incidents: number; undated: number; months: string[] };
    const api = (await site.get('/incidents?dataType=email&limit=1000')).json() as { items: unknown[] };
    expect(t.incidents).toBe(api.items.length);
    expect(t.totals.reduce((a, b) => a + b, 0)).toBe(t.incidents - t.undated);
    expect((await site.get('/timeline.json?type=nope')).statusCode).toBe(400);
  });

  it('weighs under 200 KB compressed, scripts and styles included; the files are cached for good', async () => {
    const page = await site.get('/', { ...HTML, 'accept-encoding': 'gzip' });
    const assets = [...page.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toHaveLength(4);
    let bytes = page.rawPayload.length;
    for (const url of assets) {
      const res = await site.get(url, { 'accept-encoding': 'gzip' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      bytes += res.rawPayload.length;
    }
    expect(bytes).toBeLessThan(200 * 1024);
    expect((await site.get('/assets/nope/catalogue.js')).statusCode).toBe(404);
  });
});
