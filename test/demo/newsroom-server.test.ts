import * as http from 'node:http';
import * as path from 'node:path';
import Parser from 'rss-parser';
import {
  findPackageRoot,
  readNewsroomManifest,
  resolveSitePath,
  startNewsroom,
  type Newsroom,
  type NewsroomManifest,
} from '../../src/demo/newsroom-server';

const TAXONOMY = new Set([
  'name', 'email', 'phone', 'address', 'date_of_birth', 'government_id', 'username', 'password',
  'payment_card', 'bank_account', 'financial', 'medical', 'location', 'ip_address', 'device',
  'order_history', 'account', 'communications', 'photo', 'biometric', 'employment', 'education',
  'personal_info', 'other',
]);

/** A raw GET that sends `rawPath` byte for byte (fetch would normalize `..` away). */
function rawGet(baseUrl: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method: 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(5_000, () => req.destroy(new Error(`timeout on ${rawPath}`)));
    req.on('error', reject);
    req.end();
  });
}

describe('newsroom server', () => {
  let newsroom: Newsroom;
  let manifest: NewsroomManifest;
  const parser = new Parser();

  beforeAll(async () => {
    manifest = await readNewsroomManifest();
    newsroom = await startNewsroom({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await newsroom?.close();
  });

  it('listens on loopback and lists the manifest feeds as absolute URLs', () => {
    expect(newsroom.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(newsroom.feedUrls).toEqual(manifest.feeds.map((f) => newsroom.baseUrl + f.path));
    expect(manifest.feeds.some((f) => f.format === 'rss')).toBe(true);
    expect(manifest.feeds.some((f) => f.format === 'atom')).toBe(true);
  });

  it('serves every feed with its content type, parseable, linking only to existing pages', async () => {
    const listed = new Map<string, string[]>();
    for (const feed of manifest.feeds) {
      const res = await fetch(newsroom.baseUrl + feed.path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        feed.format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
      );
      const xml = await res.text();
      expect(xml).not.toContain('{{BASE}}');
      const parsed = await parser.parseString(xml);
      expect(parsed.items.length).toBeGreaterThan(0);
      const links: string[] = [];
      for (const item of parsed.items) {
        expect(item.title).toBeTruthy();
        expect(item.link).toBeDefined();
        const link = item.link as string;
        expect(link.startsWith(newsroom.baseUrl + '/')).toBe(true);
        const page = await fetch(link);
        expect(page.status).toBe(200);
        await page.arrayBuffer();
        links.push(link.slice(newsroom.baseUrl.length));
      }
      listed.set(feed.id, links);
    }
    // The manifest says exactly which links each feed carries, and nothing else.
    for (const feed of manifest.feeds) {
      const expected = manifest.articles.flatMap((a) => a.feeds.filter((f) => f.id === feed.id).map((f) => f.link));
      expect([...(listed.get(feed.id) ?? [])].sort()).toEqual(expected.sort());
    }
  });

  it('serves every manifest article as HTML with its title and no placeholder left', async () => {
    for (const article of manifest.articles) {
      const res = await fetch(newsroom.baseUrl + article.path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).not.toContain('{{BASE}}');
      expect(html).toContain('<h1');
      expect(html.replace(/&amp;/g, '&')).toContain(article.title);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html);
      if (canonical) expect(canonical[1]).toBe(newsroom.baseUrl + article.path);
    }
  });

  it('ignores the query string: a tracking link serves the same page as the clean one', async () => {
    const tracked = manifest.articles.flatMap((a) => a.feeds.filter((f) => f.link.includes('?')).map((f) => ({ a, f })));
    expect(tracked.length).toBeGreaterThan(0);
    for (const { a, f } of tracked) {
      const clean = await (await fetch(newsroom.baseUrl + a.path)).text();
      const viaFeed = await (await fetch(newsroom.baseUrl + f.link)).text();
      expect(viaFeed).toBe(clean);
    }
  });

  it('answers 404 for unknown paths and 405 for other methods', async () => {
    for (const p of ['/nope.html', '/ledger/2025/01/05/story-that-was-removed.html', '/ledger/', '/fixtures/newsroom/manifest.json']) {
      const res = await fetch(newsroom.baseUrl + p);
      expect([p, res.status]).toEqual([p, 404]);
      await res.arrayBuffer();
    }
    const post = await fetch(newsroom.baseUrl + '/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    await post.arrayBuffer();
  });

  it('refuses directory traversal, whatever the encoding', async () => {
    const attempts = [
      '/../package.json',
      '/../../package.json',
      '/ledger/../../package.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/ledger/%2E%2E%2F%2E%2E%2Fmanifest.json',
      '/..%5c..%5cpackage.json',
      '/%00/etc/passwd',
      '/%E0%A4%A',
    ];
    for (const attempt of attempts) {
      const res = await rawGet(newsroom.baseUrl, attempt);
      expect([attempt, res.status]).toEqual([attempt, 403]);
      expect(res.body).not.toContain('"name"');
    }
  });

  it('maps request paths inside the site root only', () => {
    const root = path.join(path.sep, 'srv', 'site');
    expect(resolveSitePath(root, '/a/b.html?utm_source=rss')).toBe(path.join(root, 'a', 'b.html'));
    expect(resolveSitePath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveSitePath(root, '/a/../../x')).toBeNull();
    expect(resolveSitePath(root, 'relative.html')).toBeNull();
  });

  it('supports HEAD and conditional GET by ETag', async () => {
    const url = newsroom.baseUrl + manifest.articles[0].path;
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const etag = head.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    await again.arrayBuffer();
  });

  describe('error routes for the pipeline tests', () => {
    const route = (id: string) => {
      const r = manifest.broken.find((b) => b.id === id);
      if (!r) throw new Error(`manifest has no broken route ${id}`);
      return r;
    };

    it('serves malformed feed XML that the feed parser rejects', async () => {
      const res = await fetch(newsroom.baseUrl + route('malformed-feed').path);
      expect(res.status).toBe(200);
      await expect(parser.parseString(await res.text())).rejects.toThrow();
    });

    it('serves a valid feed whose one item answers 404', async () => {
      const res = await fetch(newsroom.baseUrl + route('missing-article').path);
      const feed = await parser.parseString(await res.text());
      expect(feed.items).toHaveLength(1);
      const page = await fetch(feed.items[0].link as string);
      expect(page.status).toBe(404);
      await page.arrayBuffer();
    });

    it('serves a valid feed whose one item is a sign-in wall without an article', async () => {
      const res = await fetch(newsroom.baseUrl + route('no-article-body').path);
      const feed = await parser.parseString(await res.text());
      expect(feed.items).toHaveLength(1);
      const page = await fetch(feed.items[0].link as string);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('type="password"');
      expect(html).not.toContain('<article');
    });

    it('keeps the error routes out of the demo feeds', () => {
      for (const b of manifest.broken) expect(newsroom.feedUrls).not.toContain(newsroom.baseUrl + b.path);
    });
  });

  it('closes idempotently, after which nothing answers', async () => {
    const other = await startNewsroom();
    const first = other.close();
    expect(other.close()).toBe(first);
    await first;
    await expect(fetch(other.baseUrl + '/index.html')).rejects.toThrow();
  });
});

describe('newsroom manifest', () => {
  let manifest: NewsroomManifest;
  beforeAll(async () => {
    manifest = await readNewsroomManifest();
  });

  it('has at least 14 articles, the two seeds among them, each in a feed', () => {
    expect(manifest.articles.length).toBeGreaterThanOrEqual(14);
    expect(manifest.articles.map((a) => a.id)).toEqual(expect.arrayContaining(['seed-oneplus', 'seed-weibo']));
    for (const a of manifest.articles) expect([a.id, a.feeds.length > 0]).toEqual([a.id, true]);
    expect(new Set(manifest.articles.map((a) => a.path)).size).toBe(manifest.articles.length);
  });

  it('lists exactly one article in two feeds, once with a tracking query', () => {
    const twice = manifest.articles.filter((a) => new Set(a.feeds.map((f) => f.id)).size > 1);
    expect(twice).toHaveLength(1);
    expect(twice[0].feeds.some((f) => f.link === `${twice[0].path}?utm_source=rss&utm_medium=feed`)).toBe(true);
    expect(twice[0].feeds.some((f) => f.link === twice[0].path)).toBe(true);
  });

  it('mixes breach and non-breach stories, with expectations inside the taxonomy', () => {
    const breaches = manifest.articles.filter((a) => a.expected.breach);
    expect(breaches.length).toBeGreaterThanOrEqual(8);
    expect(manifest.articles.length - breaches.length).toBeGreaterThanOrEqual(4);
    for (const a of manifest.articles) {
      if (!a.expected.breach) continue;
      expect(a.expected.incidents.length).toBeGreaterThan(0);
      for (const inc of a.expected.incidents) {
        for (const t of [...inc.dataTypes, ...inc.notLeaked]) expect([a.id, t, TAXONOMY.has(t)]).toEqual([a.id, t, true]);
        expect(inc.dataTypes.filter((t) => inc.notLeaked.includes(t))).toEqual([]);
        if (inc.breachDate !== null) expect(inc.breachDate).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        if (inc.affectedCount !== null) expect(Number.isInteger(inc.affectedCount)).toBe(true);
      }
    }
  });

  it('finds the fixtures from the compiled layout too (dist/src/demo walks up to package.json)', () => {
    const root = findPackageRoot();
    expect(findPackageRoot(path.join(root, 'dist', 'src', 'demo'))).toBe(root);
    expect(findPackageRoot(path.join(root, 'src', 'demo'))).toBe(root);
  });
});
