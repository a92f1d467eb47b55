import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runInline } from '../../src/pipeline/run-inline';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';
import { fetchDeps } from '../helpers/http-client';

const PAGE = `<html><head><title>Library extends weekend hours</title></head><body><article>
  <h1>Library extends weekend hours</h1><p>The central library will stay open until 9 p.m. on Saturdays and Sundays starting next month, the city's library board announced on Wednesday after a survey of readers.</p>
  <p>The longer hours are paid for by a state grant and will be reviewed at the end of the year, a spokesperson said.</p></article></body></html>`;

// Dedupe across runs by GUID: a feed that changes an entry's link does not make it new.
describe('inline run dedupe by GUID', () => {
  let server: http.Server;
  let base: string;
  let link = '/news/library-hours.html';
  const pageHits: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/feed.xml') {
        return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
          <item><title>Library extends weekend hours</title><link>${base}${link}</link><guid isPermaLink="false">city-news-4411</guid></item></channel></rss>`);
      }
      if (req.url?.startsWith('/news/') || req.url?.startsWith('/2026/')) {
        pageHits.push(req.url);
        return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('a known GUID under a new link is a duplicate, not fetched again', async () => {
    const tmp = makeTempDir();
    const store = openSqliteStore(path.join(tmp.dir, 'g.db'));
    const run = () => runInline({
      feeds: [{ id: 'city', url: `${base}/feed.xml` }], store,
      ...fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0 }), concurrency: 1, maxItemsPerFeed: 10,
    });
    try {
      expect((await run()).articles.noIncident).toBe(1);
      link = '/2026/03/library-extends-weekend-hours.html';
      const second = await run();
      expect(second.items).toEqual({ total: 1, new: 0, duplicate: 1, skipped: 0 });
      expect(pageHits).toEqual(['/news/library-hours.html']);
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });
});
