// A real HTTP server on loopback, one route per way a web server can misbehave, for the
// ingest tests. Every route is bounded: streams stop when the client hangs up, and
// close() destroys whatever is still open.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, server: HostileServer) => void;

export interface HostileServer {
  host: string;
  port: number;
  origin: string;
  url(path: string): string;
  /** Requests seen per path (query included). */
  hits: Map<string, number>;
  /** Every request in arrival order, with its time (ms since epoch) and headers. */
  log: { path: string; at: number; headers: http.IncomingHttpHeaders }[];
  /** Bytes a streaming route wrote before the client hung up, by path. */
  bytesSent: Map<string, number>;
  /** Add or replace a route. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/** Write `total` bytes (or for ever) in chunks, honouring backpressure, until done or the client leaves. */
function streamBytes(req: http.IncomingMessage, res: http.ServerResponse, server: HostileServer, total: number): void {
  let sent = 0;
  let closed = false;
  const path = req.url ?? '';
  res.on('close', () => {
    closed = true;
    server.bytesSent.set(path, sent);
  });
  const pump = () => {
    while (!closed && sent < total) {
      const n = Math.min(CHUNK.length, total - sent);
      sent += n;
      if (!res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void res.once('drain', pump);
    }
    if (!closed) res.end();
  };
  pump();
}

/** gzip of `mib` MiB of zeros, built chunk by chunk so the server never holds the inflated size. */
async function zeroBomb(mib: number, make: () => zlib.Gzip | zlib.BrotliCompress): Promise<Buffer> {
  const z = make();
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => z.on('end', resolve).on('error', reject));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) if (!z.write(zeros)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(out);
}

let bombs: Promise<{ gzip: Buffer; br: Buffer }> | null = null;
/** 256 MiB of zeros as ~250 KB of gzip and a few hundred bytes of brotli (built once per process). */
export function getBombs(): Promise<{ gzip: Buffer; br: Buffer }> {
  bombs ??= Promise.all([
    zeroBomb(256, () => zlib.createGzip({ level: 9 })),
    zeroBomb(256, () => zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })),
  ]).then(([gzip, br]) => ({ gzip, br }));
  return bombs;
}

export const CHINESE_TITLE = '微博5.38亿用户数据在暗网出售';
export const CHINESE_BODY = '微博数据泄露：超过五亿三千八百万用户的个人信息在暗网出售，包括手机号码和性别。';

function rssFeed(items: string, encodingDecl = 'UTF-8'): string {
  return `<?xml version="1.0" encoding="${encodingDecl}"?>
<rss version="2.0"><channel><title>Test feed</title><link>http://example.test/</link><description>d</description>
${items}
</channel></rss>`;
}

function rssItem(title: string, link: string | null, extra = ''): string {
  return `<item><title>${title}</title>${link === null ? '' : `<link>${link}</link>`}${extra}<pubDate>Fri, 27 Mar 2020 09:00:00 GMT</pubDate></item>`;
}

export function articleHtml(title: string, body: string, head = ''): string {
  return `<!doctype html><html><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;
}

/** The standard routes; tests may add their own with server.route(). */
function defaultRoutes(): Record<string, Handler> {
  const html = (res: http.ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8', status = 200) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const redirect = (res: http.ServerResponse, location: string, status = 302) => {
    res.writeHead(status, { location });
    res.end();
  };
  return {
    '/ok': (_req, res) => html(res, articleHtml('OK page', 'A plain page.')),
    '/never': () => {
      // Accept the request and never answer; close() destroys the socket.
    },
    '/trickle-headers': (req) => {
      // A status line, then header bytes one per second, never finishing the headers.
      req.socket.write('HTTP/1.1 200 OK\r\nX-Slow: ');
      const t = setInterval(() => req.socket.write('a'), 1000);
      req.socket.on('close', () => clearInterval(t));
    },
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<');
      const t = setInterval(() => res.write('p'), 1000); // one byte per second
      res.on('close', () => clearInterval(t));
    },
    '/endless': (req, res, server) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      streamBytes(req, res, server, Infinity);
    },
    '/50mb': (req, res, server) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(50 * 1024 * 1024) });
      streamBytes(req, res, server, 50 * 1024 * 1024);
    },
    '/gzip-bomb': (_req, res) => {
      void getBombs().then(({ gzip }) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': String(gzip.length) });
        res.end(gzip);
      });
    },
    '/br-bomb': (_req, res) => {
      void getBombs().then(({ br }) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
        res.end(br);
      });
    },
    '/gzip-page': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(articleHtml('Gzipped', 'Compressed with gzip.')));
    },
    '/deflate-page': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate' });
      res.end(zlib.deflateSync(articleHtml('Deflated', 'Compressed with deflate.')));
    },
    '/raw-deflate-page': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'deflate' });
      res.end(zlib.deflateRawSync(articleHtml('Raw deflate', 'Compressed with raw deflate.')));
    },
    '/br-page': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' });
      res.end(zlib.brotliCompressSync(articleHtml('Brotli', 'Compressed with brotli.')));
    },
    '/corrupt-gzip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(Buffer.from('this is not gzip at all'));
    },
    '/redirect-chain': (req, res) => {
      // /redirect-chain?n=10 → … → ?n=0 → /ok
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? '0');
      redirect(res, n > 0 ? `/redirect-chain?n=${n - 1}` : '/ok');
    },
    '/loop-a': (_req, res) => redirect(res, '/loop-b', 301),
    '/loop-b': (_req, res) => redirect(res, '/loop-a#again', 307),
    '/429': (_req, res) => {
      res.writeHead(429, { 'retry-after': '3', 'content-type': 'text/plain' });
      res.end('slow down');
    },
    '/503-date': (_req, res) => {
      res.writeHead(503, { 'retry-after': new Date(Date.now() + 120_000).toUTCString() });
      res.end();
    },
    '/404': (_req, res) => html(res, 'not here', 'text/html', 404),
    '/404-endless': (req, res, server) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      streamBytes(req, res, server, Infinity);
    },
    '/410': (_req, res) => html(res, 'gone', 'text/html', 410),
    '/500': (_req, res) => html(res, 'oops', 'text/html', 500),
    '/pdf': (_req, res) => html(res, Buffer.from('%PDF-1.4\n'), 'application/pdf'),
    '/no-type-markup': (_req, res) => {
      res.writeHead(200, {});
      res.end(articleHtml('Untyped', 'No content type.'));
    },
    '/reset': (req) => req.socket.destroy(),
    '/not-http': (req) => {
      req.socket.end('SSH-2.0-OpenSSH_9.6\r\nthis is not HTTP at all\r\n\r\n');
    },
    '/huge-headers': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'x-filler': 'x'.repeat(64 * 1024) });
      res.end('<p>never seen</p>');
    },
    '/50mb-chunked': (req, res, server) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      streamBytes(req, res, server, 50 * 1024 * 1024);
    },
    '/to-file': (_req, res) => redirect(res, 'file:///etc/passwd'),
    '/gbk-no-charset': (_req, res) => html(res, iconv.encode(articleHtml(CHINESE_TITLE, CHINESE_BODY), 'gbk'), 'text/html'),
    '/gbk-wrong-charset': (_req, res) =>
      html(res, iconv.encode(articleHtml(CHINESE_TITLE, CHINESE_BODY, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'), 'text/html; charset=utf-8'),
    '/feed/rss2': (_req, res) =>
      html(
        res,
        rssFeed(
          [
            rssItem('Absolute', 'http://example.test/a?utm_source=rss'),
            rssItem('Relative', '/articles/b'),
            rssItem('No link at all', null),
            rssItem('Guid as link', null, '<guid isPermaLink="true">http://example.test/c</guid>'),
            rssItem('Opaque guid only', null, '<guid isPermaLink="false">tag:example.test,2020:d</guid>'),
          ].join('\n'),
        ),
        'application/rss+xml; charset=utf-8',
      ),
    '/feed/etag': (req, res) => {
      const etag = '"v1"';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Fri, 27 Mar 2020 09:00:00 GMT' });
      res.end(rssFeed(rssItem('One', 'http://example.test/one')));
    },
    '/feed/gbk': (_req, res) =>
      // No charset in the header: the XML declaration is the only clue.
      html(res, iconv.encode(rssFeed(rssItem(CHINESE_TITLE, 'http://example.test/weibo'), 'GBK'), 'gbk'), 'application/rss+xml'),
    '/feed/atom': (_req, res) =>
      html(
        res,
        `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>urn:x</id><updated>2020-03-27T09:00:00Z</updated>
<entry><title>Atom entry</title><id>urn:1</id><link rel="alternate" href="http://example.test/atom-1"/><updated>2020-03-26T10:00:00Z</updated></entry>
</feed>`,
        'application/atom+xml',
      ),
    '/feed/rdf': (_req, res) =>
      html(
        res,
        `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.test/"><title>RDF</title><link>http://example.test/</link><description>d</description></channel>
<item rdf:about="http://example.test/rdf-1"><title>RDF item</title><link>http://example.test/rdf-1</link><dc:date>2020-03-25T08:00:00Z</dc:date></item>
</rdf:RDF>`,
        'application/rdf+xml',
      ),
    '/feed/rss091': (_req, res) =>
      html(
        res,
        `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://example.test/</link><description>d</description>
<item><title>Old item</title><link>http://example.test/old-1</link></item></channel></rss>`,
        'text/xml',
      ),
    '/feed/bare-ampersand': (_req, res) =>
      html(res, rssFeed(rssItem('AT&T confirms breach & more', 'http://example.test/att?a=1&b=2')), 'application/rss+xml'),
    '/feed/invalid': (_req, res) =>
      html(res, '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</item></channel>', 'application/rss+xml'),
    '/feed/billion-laughs': (_req, res) => {
      const entities = ['<!ENTITY lol "lol">'];
      for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
      html(res, `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${entities.join('\n')}\n]>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`, 'application/rss+xml');
    },
    '/feed/xxe': (_req, res) =>
      html(
        res,
        `<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<rss version="2.0"><channel><title>&xxe;</title></channel></rss>`,
        'application/rss+xml',
      ),
    '/feed/html': (_req, res) =>
      html(res, articleHtml('A news site', 'This is the home page.', '<link rel="alternate" type="application/rss+xml" href="/feed/rss2">')),
    '/feed/10000': (_req, res) => {
      const items: string[] = [];
      for (let i = 0; i < 10_000; i++) items.push(rssItem(`Item ${i}`, `http://example.test/item/${i}`));
      html(res, rssFeed(items.join('\n')), 'application/rss+xml');
    },
  };
}

/** Start a server on `host` (a loopback address) and a free port, or the given port. */
export async function startHostileServer(host = '127.0.0.1', port = 0): Promise<HostileServer> {
  const routes = defaultRoutes();
  const sockets = new Set<Socket>();
  const server = {} as HostileServer;
  const httpServer = http.createServer((req, res) => {
    const path = req.url ?? '/';
    server.hits.set(path, (server.hits.get(path) ?? 0) + 1);
    server.log.push({ path, at: Date.now(), headers: req.headers });
    const handler = routes[path.split('?')[0]];
    if (handler) return handler(req, res, server);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('no such route');
  });
  httpServer.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => httpServer.once('error', reject).listen(port, host, () => resolve()));
  const actualPort = (httpServer.address() as AddressInfo).port;
  Object.assign(server, {
    host,
    port: actualPort,
    origin: `http://${host}:${actualPort}`,
    url: (path: string) => `http://${host}:${actualPort}${path}`,
    hits: new Map(),
    log: [],
    bytesSent: new Map(),
    route: (path: string, handler: Handler) => {
      routes[path] = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        httpServer.close(() => resolve());
      }),
  });
  return server;
}
