import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runInline } from '../../src/pipeline/run-inline';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';
import { fetchDeps } from '../helpers/http-client';

// A site whose robots.txt disallows part of it: those items are skipped and counted, not failed.
describe('inline run and robots.txt', () => {
  let server: http.Server;
  let base: string;
  const hits: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url!);
      if (req.url === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      if (req.url === '/feed.xml') {
        return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
          <item><title>Open</title><link>${base}/news/open.html</link></item>
          <item><title>Closed</title><link>${base}/private/closed.html</link></item></channel></rss>`);
      }
      if (req.url === '/news/open.html') {
        return res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Open</title></head><body><article>
          <h1>City council approves new bike lanes</h1><p>The city council voted on Monday to approve twelve miles of new protected bike lanes across the downtown area, a plan that had been debated for nearly two years.</p>
          <p>Construction is expected to begin in the spring and last through the end of the year, officials said at the meeting.</p></article></body></html>`);
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('skips disallowed articles without fetching them', async () => {
    const tmp = makeTempDir();
    const store = openSqliteStore(path.join(tmp.dir, 'r.db'));
    try {
      const s = await runInline({
        feeds: [{ id: 'site', url: `${base}/feed.xml` }], store,
        ...fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0 }), concurrency: 2, maxItemsPerFeed: 10,
      });
      expect(s.items).toEqual({ total: 2, new: 1, duplicate: 0, skipped: 1 });
      expect(s.articles).toEqual({ withIncidents: 0, noIncident: 1, failed: 0 });
      expect(hits).not.toContain('/private/closed.html');
      expect(hits.filter((h) => h === '/robots.txt')).toHaveLength(1);
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });
});
