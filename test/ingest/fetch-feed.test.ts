import { ContentError, HttpStatusError, isRetryable } from '../../src/errors';
import { fetchFeed } from '../../src/ingest/fetch-feed';
import type { FetchOptions } from '../../src/ingest/fetch-options';
import { testClient } from '../helpers/http-client';
import type { FeedConfig } from '../../src/types';
import { formatMeasures, measureCase, type CaseMeasure } from '../helpers/measure-case';
import { CHINESE_TITLE, startHostileServer, type HostileServer } from '../helpers/hostile-server';

const OPTS_VALUES: FetchOptions = { allowPrivateAddresses: true, timeoutMs: 3_000, headersTimeoutMs: 2_000, perHostDelayMs: 0, perHostConcurrency: 8 };
const OPTS = testClient(OPTS_VALUES);
let server: HostileServer;
const measures: CaseMeasure[] = [];

const feed = (id: string, path: string): FeedConfig => ({ id, url: server.url(path) });

beforeAll(async () => {
  server = await startHostileServer();
});

afterAll(async () => {
  await server.close();
  console.log(`feed measures:\n${formatMeasures(measures)}`);
});

describe('fetchFeed: formats', () => {
  it('RSS 2.0: absolute and relative links, guid links, items without a link skipped', async () => {
    const res = await fetchFeed(feed('rss', '/feed/rss2'), OPTS);
    expect(res.notModified).toBe(false);
    expect(res.items.map((i) => [i.title, i.url])).toEqual([
      ['Absolute', 'http://example.test/a?utm_source=rss'],
      ['Relative', server.url('/articles/b')],
      ['Guid as link', 'http://example.test/c'],
    ]);
    expect(res.items[0]).toEqual({
      feedId: 'rss',
      url: 'http://example.test/a?utm_source=rss',
      title: 'Absolute',
      publishedAt: '2020-03-27T09:00:00.000Z',
    });
    expect(res.items[2].guid).toBe('http://example.test/c');
  });

  it('Atom', async () => {
    const res = await fetchFeed(feed('atom', '/feed/atom'), OPTS);
    expect(res.items).toEqual([
      { feedId: 'atom', url: 'http://example.test/atom-1', guid: 'urn:1', title: 'Atom entry', publishedAt: '2020-03-26T10:00:00.000Z' },
    ]);
  });

  it('RDF (RSS 1.0) with dc:date', async () => {
    const res = await fetchFeed(feed('rdf', '/feed/rdf'), OPTS);
    expect(res.items).toEqual([{ feedId: 'rdf', url: 'http://example.test/rdf-1', title: 'RDF item', publishedAt: '2020-03-25T08:00:00.000Z' }]);
  });

  it('RSS 0.91 with its (harmless, external) Netscape DOCTYPE', async () => {
    const res = await fetchFeed(feed('old', '/feed/rss091'), OPTS);
    expect(res.items.map((i) => i.url)).toEqual(['http://example.test/old-1']);
    expect(res.items[0].publishedAt).toBeUndefined();
  });

  it('a GBK feed declared only in <?xml encoding?> decodes correctly', async () => {
    const res = await fetchFeed(feed('gbk', '/feed/gbk'), OPTS);
    expect(res.items[0].title).toBe(CHINESE_TITLE);
  });
});

describe('fetchFeed: everyday breakage', () => {
  it('bare ampersands in text and links do not cost the feed', async () => {
    const res = await fetchFeed(feed('amp', '/feed/bare-ampersand'), OPTS);
    expect(res.items.map((i) => [i.title, i.url])).toEqual([['AT&T confirms breach & more', 'http://example.test/att?a=1&b=2']]);
  });
});

describe('fetchFeed: conditional GET', () => {
  it('sends the stored ETag and returns notModified on 304 without parsing', async () => {
    const first = await fetchFeed(feed('etag', '/feed/etag'), OPTS);
    expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: 'Fri, 27 Mar 2020 09:00:00 GMT' });
    expect(first.items).toHaveLength(1);

    const { value: second } = await measureCase('304 after ETag', () => fetchFeed(feed('etag', '/feed/etag'), OPTS, { etag: first.etag, lastModified: first.lastModified }), measures);
    expect(second).toEqual({ notModified: true, items: [], etag: '"v1"', lastModified: 'Fri, 27 Mar 2020 09:00:00 GMT' });
    const sent = server.log.filter((l) => l.path === '/feed/etag').at(-1)!.headers;
    expect(sent['if-none-match']).toBe('"v1"');
    expect(sent['if-modified-since']).toBe('Fri, 27 Mar 2020 09:00:00 GMT');
  });
});

describe('fetchFeed: hostile and broken feeds', () => {
  const cases: Record<string, { path: string; message: RegExp; error?: typeof ContentError | typeof HttpStatusError }> = {
    'invalid XML': { path: '/feed/invalid', message: /^feed bad: http:\/\/127\.0\.0\.1:\d+\/feed\/invalid is not a valid feed \(.+\)$/ },
    'billion-laughs feed': { path: '/feed/billion-laughs', message: /^feed bad: .*\/feed\/billion-laughs is not a valid feed \(it declares XML entities, refused\)$/ },
    'external entity (XXE) feed': { path: '/feed/xxe', message: /^feed bad: .*\/feed\/xxe is not a valid feed \(it declares XML entities, refused\)$/ },
    'HTML page served as a feed': { path: '/feed/html', message: /^feed bad: .*\/feed\/html is an HTML page, not a feed \(the page links to a feed at http:\/\/127\.0\.0\.1:\d+\/feed\/rss2\)$/ },
    '404 feed': { path: '/404', error: HttpStatusError, message: /^fetch: .*\/404 answered HTTP 404$/ },
    '500 feed': { path: '/500', error: HttpStatusError, message: /^fetch: .*\/500 answered HTTP 500$/ },
  };
  it.each(Object.entries(cases))('%s', async (name, c) => {
    const { error } = await measureCase(name, () => fetchFeed(feed('bad', c.path), OPTS), measures);
    expect(error).toBeInstanceOf(c.error ?? ContentError);
    expect((error as Error).message).toMatch(c.message);
    expect(isRetryable(error)).toBe(c.path === '/500');
  });

  it('a feed with 10,000 items is capped at maxFeedItems (default 500)', async () => {
    const { value: res } = await measureCase('feed with 10,000 items (cap 500)', () => fetchFeed(feed('big', '/feed/10000'), OPTS), measures);
    expect(res?.items).toHaveLength(500);
    expect(res?.items[0].url).toBe('http://example.test/item/0');
    expect(res?.items[499].url).toBe('http://example.test/item/499');
  });

  it('all 10,000 items when the cap allows', async () => {
    const { value: res } = await measureCase('feed with 10,000 items (cap 10,000)', () => fetchFeed(feed('big', '/feed/10000'), testClient({ ...OPTS_VALUES, maxFeedItems: 10_000 })), measures);
    expect(res?.items).toHaveLength(10_000);
    expect(new Set(res?.items.map((i) => i.url)).size).toBe(10_000);
  });

  it('an empty 200 body is not a valid feed', async () => {
    server.route('/feed/empty', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end();
    });
    await expect(fetchFeed(feed('empty', '/feed/empty'), OPTS)).rejects.toThrow(/^feed empty: .*\/feed\/empty is not a valid feed \(empty body\)$/);
  });

  it('well-formed XML that is not a feed', async () => {
    server.route('/feed/not-a-feed', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0"?><config><a>1</a></config>');
    });
    await expect(fetchFeed(feed('xml', '/feed/not-a-feed'), OPTS)).rejects.toThrow(/^feed xml: .* is not a valid feed \(Feed not recognized as RSS 1 or 2\.\)$/);
  });
});
