// The offline demo newsroom: fictional publishers' feeds and article pages, served from the
// bundled fixtures (fixtures/newsroom/) on loopback, for `breachfeed demo` and end-to-end tests.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ConfigError } from '../errors';
import type { DataType } from '../types';

export interface NewsroomOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface Newsroom {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Absolute URLs of the demo feeds (the error-case feeds under /broken/ are not listed). */
  feedUrls: string[];
  /** Idempotent: a second call returns the same promise. */
  close(): Promise<void>;
}

/** What a careful annotator marks for one incident of a fixture article. */
export interface ExpectedIncident {
  organization: string;
  dataTypes: DataType[];
  notLeaked: DataType[];
  affectedCount: number | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  breachDate: string | null;
}

export interface NewsroomArticle {
  /** `seed-oneplus` and `seed-weibo` for the two seed articles. */
  id: string;
  /** Path on the server, no query. */
  path: string;
  title: string;
  publisher: string;
  publishedAt: string;
  /** Every feed that lists the article, with the link exactly as listed (path plus any tracking query). */
  feeds: { id: string; link: string }[];
  /** The phrasings the article is there to exercise. */
  exercises: string;
  expected: { breach: false } | { breach: true; incidents: ExpectedIncident[] };
}

export interface NewsroomManifest {
  description: string;
  feeds: { id: string; path: string; format: 'rss' | 'atom'; title: string }[];
  articles: NewsroomArticle[];
  /** Error-case feeds for tests; not part of the demo. */
  broken: { id: string; path: string; problem: string; itemLink?: string }[];
}

/** Placeholder for the server origin in feed and page files. */
const BASE_PLACEHOLDER = /\{\{BASE\}\}/g;

const TEXT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The package root: the nearest directory above `fromDir` holding a package.json. Walking up
 * (rather than a fixed `../..`) works both from src/demo under jest and from dist/src/demo.
 */
export function findPackageRoot(fromDir: string = __dirname): string {
  let dir = path.resolve(fromDir);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new ConfigError(`newsroom: no package.json above ${fromDir}, cannot find the fixtures`);
    dir = parent;
  }
}

/** The fixtures folder: manifest.json and site/ (the files served). */
export function newsroomDir(): string {
  return path.join(findPackageRoot(), 'fixtures', 'newsroom');
}

/** The manifest of the bundled newsroom: feeds, articles with their expected outcome, error routes. */
export async function readNewsroomManifest(): Promise<NewsroomManifest> {
  const file = path.join(newsroomDir(), 'manifest.json');
  return JSON.parse(await readFile(file, 'utf8')) as NewsroomManifest;
}

/** Content type by extension; `.xml` files say by their root element whether they are Atom. */
function pickContentType(file: string, body: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xml') {
    const head = body.slice(0, 512);
    return /<feed[\s>]/.test(head) ? TEXT_TYPES['.atom'] : TEXT_TYPES['.rss'];
  }
  return TEXT_TYPES[ext] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file under `siteRoot`, or null when it would leave it. The query is
 * ignored (feeds carry tracking parameters); `/dir/` serves `/dir/index.html`.
 */
export function resolveSitePath(siteRoot: string, rawUrl: string): string | null {
  const pathname = rawUrl.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  // Refuse any `..` segment outright instead of normalizing it away: no legitimate link has one.
  if (decoded.split('/').some((seg) => seg === '..')) return null;
  const rel = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = path.resolve(siteRoot, `.${rel}`);
  const root = path.resolve(siteRoot);
  return file.startsWith(root + path.sep) ? file : null;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function serveRequest(siteRoot: string, baseUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, 'method not allowed\n');
  }
  const file = resolveSitePath(siteRoot, req.url ?? '/');
  if (file === null) return sendText(res, 403, 'forbidden\n');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendText(res, 404, 'not found\n');

  const raw = await readFile(file);
  const type = pickContentType(file, raw.toString('utf8', 0, Math.min(raw.length, 512)));
  const body = type.startsWith('application/octet-stream')
    ? raw
    : Buffer.from(raw.toString('utf8').replace(BASE_PLACEHOLDER, baseUrl), 'utf8');
  // A strong ETag so fetchers can exercise conditional GET against the newsroom.
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'content-type': type, etag, 'last-modified': info.mtime.toUTCString(), 'cache-control': 'no-cache' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, { ...headers, 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Starts the newsroom on loopback (a free port unless told otherwise). */
export async function startNewsroom(opts: NewsroomOptions = {}): Promise<Newsroom> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 0;
  const siteRoot = path.join(newsroomDir(), 'site');
  const manifest = await readNewsroomManifest();

  let baseUrl = '';
  const server = createServer((req, res) => {
    serveRequest(siteRoot, baseUrl, req, res).catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, `newsroom: ${err instanceof Error ? err.message : String(err)}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(new ConfigError(`newsroom: cannot listen on ${host}:${port}: ${err.message}`, { cause: err })));
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  baseUrl = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;

  let closing: Promise<void> | null = null;
  return {
    baseUrl,
    feedUrls: manifest.feeds.map((f) => baseUrl + f.path),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
