// URL hygiene (issue 17): credentials and absurd lengths are refused at every entry, and no
// error line quotes a URL's userinfo or all of a huge URL.
import { ContentError, formatUrl, NetworkError } from '../../src/errors';
import { toFeedItems } from '../../src/ingest/fetch-feed';
import { HttpClient } from '../../src/ingest/http-get';
import { urlProblem } from '../../src/ingest/url-policy';
import { startHostileServer, type HostileServer } from '../helpers/hostile-server';
import { testClient } from '../helpers/http-client';

const cases: Record<string, { url: string; problem: RegExp | null }> = {
  'plain URL': { url: 'https://a.test/feed', problem: null },
  'user and password': { url: 'https://user:secret@a.test/feed', problem: /^https:\/\/\*\*\*@a\.test\/feed carries credentials/ },
  'user only': { url: 'https://user@a.test/feed', problem: /^https:\/\/\*\*\*@a\.test\/feed carries credentials/ },
  '@ in the path is no userinfo': { url: 'https://medium.test/@someone/post', problem: null },
  '3,000 characters': { url: `https://a.test/${'x'.repeat(3_000)}`, problem: /^https:\/\/a\.test\/x+…\(3,015 chars\) is longer than 2048 characters \(fetch\.maxUrlChars\)$/ },
};

describe('urlProblem', () => {
  it.each(Object.entries(cases))('%s', (_name, c) => {
    const problem = urlProblem(new URL(c.url), 2_048);
    if (c.problem === null) expect(problem).toBeNull();
    else expect(problem).toMatch(c.problem);
    expect(problem ?? '').not.toContain('secret');
  });
});

describe('formatUrl and error messages', () => {
  it('drops the userinfo and cuts long URLs, in every BreachfeedError message', () => {
    expect(formatUrl('http://u:p@h.test:8080/x?q=1')).toBe('http://***@h.test:8080/x?q=1');
    const long = `http://h.test/${'a'.repeat(100_000)}`;
    expect(formatUrl(long).length).toBeLessThan(130);
    const err = new NetworkError(`fetch: http://user:secret@h.test/p failed, then ${long} too`);
    expect(err.message).not.toContain('secret');
    expect(err.message.length).toBeLessThan(250);
  });

  it('toFeedItems drops links with credentials or past the limit', () => {
    const items = toFeedItems([
      { link: 'http://user:secret@a.test/1' },
      { link: `http://a.test/${'x'.repeat(3_000)}` },
      { link: 'http://a.test/ok' },
    ], 'f', 'http://a.test/feed', 10, 2_048);
    expect(items.map((i) => i.url)).toEqual(['http://a.test/ok']);
  });
});

describe('HttpClient', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startHostileServer();
    server.route('/to-credentials', (_req, res) => {
      res.writeHead(302, { location: `http://user:secret@127.0.0.1:${server.port}/ok` });
      res.end();
    });
  });
  afterAll(() => server.close());

  const fast = { allowPrivateAddresses: true, perHostDelayMs: 0, timeoutMs: 5_000 };

  it('refuses a URL with credentials without sending it', async () => {
    const url = server.url('/ok').replace('http://', 'http://user:secret@');
    const err = await testClient(fast).get(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as Error).message).toMatch(/^fetch: http:\/\/\*\*\*@127\.0\.0\.1:\d+\/ok carries credentials/);
    expect(server.hits.get('/ok')).toBeUndefined();
  });

  it('refuses a redirect to a URL with credentials, and one too long', async () => {
    const err = await testClient(fast).get(server.url('/to-credentials')).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/\/to-credentials redirected to http:\/\/\*\*\*@127\.0\.0\.1:\d+\/ok carries credentials/);
    expect(server.hits.get('/ok')).toBeUndefined();
    const long = await testClient({ ...fast, maxUrlChars: 100 }).get(server.url(`/redirect-chain?n=1&pad=${'p'.repeat(60)}`)).catch((e: unknown) => e);
    expect((long as Error).message).toMatch(/is longer than 100 characters/);
  });

  it('follows redirects to the same host without waiting perHostDelayMs inside the request timeout', async () => {
    const client = new HttpClient({ allowPrivateAddresses: true, perHostDelayMs: 1_000, timeoutMs: 5_000 });
    try {
      const t0 = Date.now();
      const err = await client.get(server.url('/redirect-chain?n=10')).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/redirected more than 5 times$/);
      expect(Date.now() - t0).toBeLessThan(2_000);
      // The gap still holds between requests: the next one to the host waits it out.
      const t1 = Date.now();
      await client.get(server.url('/ok'));
      expect(Date.now() - t1).toBeGreaterThanOrEqual(900);
    } finally {
      await client.close();
    }
  });
});
