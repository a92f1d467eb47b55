import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type Newsroom, startNewsroom } from '../../src/demo/newsroom-server';
import { runInline } from '../../src/pipeline/run-inline';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store';
import { hasStackTrace, runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { fetchDeps } from '../helpers/http-client';

// The newsroom's /broken/ feeds: each failure is one clear line, and the run still completes.
describe('inline run over broken feeds and pages', () => {
  let newsroom: Newsroom;
  let tmp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  beforeAll(async () => {
    newsroom = await startNewsroom();
    tmp = makeTempDir();
    store = openSqliteStore(path.join(tmp.dir, 'f.db'));
  });
  afterAll(async () => {
    await store.close();
    await newsroom.close();
    tmp.cleanup();
  });

  const feed = (id: string, p: string) => ({ id, url: `${newsroom.baseUrl}${p}` });
  const fetch = fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0, timeoutMs: 10_000 });

  it('a malformed feed fails alone, with one line naming the feed; the others still run', async () => {
    const s = await runInline({
      feeds: [feed('malformed', '/broken/feed.xml'), feed('missing', '/broken/missing-article-feed.xml')],
      store, ...fetch, concurrency: 2, maxItemsPerFeed: 50,
    });
    expect(s.feeds.failed).toBe(1);
    expect(s.feeds.ok).toBe(1);
    const feedFailure = s.failures.find((f) => f.target === 'feed malformed');
    expect(feedFailure?.reason).toMatch(/^feed malformed: .*\/broken\/feed\.xml is not a valid feed/);
    expect(feedFailure?.reason).not.toContain('\n');
    expect((await store.getFeedState('malformed'))?.consecutiveFailures).toBe(1);
  });

  it('a failing feed backs off: the next run skips it until its wait is over, unless asked to retry', async () => {
    const run = (ignoreBackoff = false) => runInline({
      feeds: [feed('malformed', '/broken/feed.xml')], store, ...fetch, concurrency: 1, maxItemsPerFeed: 50, ignoreBackoff,
    });
    const deferred = await run();
    expect(deferred.feeds).toEqual({ ok: 0, failed: 0, notModified: 0, deferred: 1 });
    expect((await store.getFeedState('malformed'))?.consecutiveFailures).toBe(1); // not asked, not counted
    const forced = await run(true);
    expect(forced.feeds.failed).toBe(1);
    expect((await store.getFeedState('malformed'))?.consecutiveFailures).toBe(2);
  });

  it('a 404 article is a failure with its HTTP status, stored with its reason', async () => {
    // A feed id of its own: the earlier test's poll left an ETag, and a 304 would list no items.
    const s = await runInline({ feeds: [feed('missing-again', '/broken/missing-article-feed.xml')], store, ...fetch, concurrency: 1, maxItemsPerFeed: 50 });
    expect(s.articles.failed).toBe(1);
    expect(s.failures[0].reason).toMatch(/^fetch: http:\/\/127\.0\.0\.1:\d+\/ledger\/2025\/01\/05\/story-that-was-removed\.html answered HTTP 404$/);
    expect((await store.counts()).articles.failed).toBeGreaterThanOrEqual(1);
  });

  it('a page with no article body is a failure with a reason, not a record of the whole page', async () => {
    const s = await runInline({ feeds: [feed('wall', '/broken/no-article-feed.xml')], store, ...fetch, concurrency: 1, maxItemsPerFeed: 50 });
    expect(s.articles.failed).toBe(1);
    expect(s.records).toBe(0);
    expect(s.failures[0].reason).toMatch(/^scrape: .*login\.html.* has no article body/);
  });

  it('the CLI prints the failures in its summary and exits 0 because it ran', async () => {
    const cfg = path.join(tmp.dir, 'broken.yaml');
    fs.writeFileSync(cfg, [
      'feeds:',
      `  - { id: malformed, url: "${newsroom.baseUrl}/broken/feed.xml" }`,
      `  - { id: missing, url: "${newsroom.baseUrl}/broken/missing-article-feed.xml" }`,
      'fetch: { allowPrivateAddresses: true, perHostDelayMs: 0 }',
    ].join('\n'));
    const r = await runCli(['run', '--config', cfg, '--db', path.join(tmp.dir, 'cli.db')]);
    expect(r.code).toBe(0);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
    expect(r.stdout).toMatch(/^feeds: +1 ok, 1 failed$/m);
    expect(r.stdout).toMatch(/^articles: +0 with incidents, 0 without, 1 failed$/m);
    expect(r.stdout).toMatch(/^ {2}- feed malformed: .* is not a valid feed/m);
    expect(r.stdout).toMatch(/answered HTTP 404$/m);
  });

  it('an unreachable feed (nothing listening, as without network) fails with one line; the run still ends', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const s = await runInline({
      feeds: [{ id: 'offline', url: `http://127.0.0.1:${port}/feed.xml` }, feed('wall2', '/broken/no-article-feed.xml')],
      store, ...fetch, concurrency: 2, maxItemsPerFeed: 50,
    });
    expect(s.feeds).toEqual({ ok: 1, failed: 1, notModified: 0, deferred: 0 });
    const reason = s.failures.find((f) => f.target === 'feed offline')!.reason;
    expect(reason).toMatch(/^feed offline: .*127\.0\.0\.1:\d+\/feed\.xml.*refused/);
    expect(reason).not.toContain('\n');
  });

  it('the fetcher refuses loopback unless allowed (SSRF guard default)', async () => {
    const s = await runInline({
      feeds: [feed('guarded', '/broken/missing-article-feed.xml')], store, ...fetchDeps({ timeoutMs: 5_000 }), concurrency: 1, maxItemsPerFeed: 50,
    });
    expect(s.feeds.failed).toBe(1);
    expect(s.failures[0].reason).toMatch(/127\.0\.0\.1/);
  });
});
