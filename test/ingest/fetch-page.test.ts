import { ContentError, HttpStatusError, isRetryable } from '../../src/errors';
import type { FetchOptions } from '../../src/ingest/fetch-options';
import { fetchPage, isHtmlContentType } from '../../src/ingest/fetch-page';
import { testClient } from '../helpers/http-client';
import type { FeedEntry } from '../../src/types';
import { formatMeasures, measureCase, type CaseMeasure } from '../helpers/measure-case';
import { CHINESE_BODY, CHINESE_TITLE, startHostileServer, type HostileServer } from '../helpers/hostile-server';

const OPTS_VALUES: FetchOptions = { allowPrivateAddresses: true, timeoutMs: 3_000, headersTimeoutMs: 2_000, perHostDelayMs: 0, perHostConcurrency: 8 };
const OPTS = testClient(OPTS_VALUES);
let server: HostileServer;
const measures: CaseMeasure[] = [];
const item = (path: string): FeedEntry => ({ feedId: 'f', url: server.url(path) });

beforeAll(async () => {
  server = await startHostileServer();
});

afterAll(async () => {
  await server.close();
  console.log(`page measures:\n${formatMeasures(measures)}`);
});

describe('fetchPage', () => {
  it('returns the decoded page with its final URL after redirects', async () => {
    const page = await fetchPage(item('/redirect-chain?n=1'), OPTS);
    expect(page).toMatchObject({
      url: server.url('/redirect-chain?n=1'),
      finalUrl: server.url('/ok'),
      status: 200,
      contentType: 'text/html; charset=utf-8',
    });
    expect(page.html).toContain('<h1>OK page</h1>');
    expect(Number.isNaN(Date.parse(page.fetchedAt))).toBe(false);
  });

  it('missing charset: GBK bytes are detected and decoded', async () => {
    const { value: page } = await measureCase('missing charset (GBK page)', () => fetchPage(item('/gbk-no-charset'), OPTS), measures);
    expect(page?.html).toContain(CHINESE_TITLE);
    expect(page?.html).toContain(CHINESE_BODY);
  });

  it('wrong charset: header says UTF-8, bytes and <meta> say GB2312', async () => {
    const { value: page } = await measureCase('wrong charset (utf-8 header on GBK page)', () => fetchPage(item('/gbk-wrong-charset'), OPTS), measures);
    expect(page?.html).toContain(CHINESE_BODY);
  });

  it('a gzip-compressed page', async () => {
    expect((await fetchPage(item('/gzip-page'), OPTS)).html).toContain('Compressed with gzip.');
  });

  it('an untyped body that is markup is accepted', async () => {
    const page = await fetchPage(item('/no-type-markup'), OPTS);
    expect(page.html).toContain('No content type.');
    expect(page.contentType).toBeUndefined();
  });

  it('refuses a non-HTML content type with a ContentError', async () => {
    const error = await fetchPage(item('/pdf'), OPTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect(isRetryable(error)).toBe(false);
    expect((error as Error).message).toBe(`page: ${server.url('/pdf')} is application/pdf, not HTML`);
  });

  it('a 404 article is a permanent HttpStatusError', async () => {
    const error = await fetchPage(item('/404'), OPTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(isRetryable(error)).toBe(false);
    expect((error as Error).message).toBe(`fetch: ${server.url('/404')} answered HTTP 404`);
  });
});

describe('isHtmlContentType', () => {
  it.each([
    ['text/html', true],
    ['text/html; charset=gbk', true],
    ['TEXT/HTML', true],
    ['application/xhtml+xml', true],
    ['application/pdf', false],
    ['application/rss+xml', false],
    ['', false],
    [null, false],
  ])('%s → %s', (type, expected) => expect(isHtmlContentType(type)).toBe(expected));
});
