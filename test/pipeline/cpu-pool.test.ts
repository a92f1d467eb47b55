// The CPU stages in worker threads with budgets (issue 17), on a local hostile server: a page
// that would parse for a minute fails at its time budget and the next item runs normally; a page
// needing more heap than allowed fails alone; the cheap guards cut what is too deep or too long
// before the expensive work, and the records say so. The pool runs the compiled worker (dist/).
import path from 'node:path';
import { articleKey } from '../../src/ingest/canonicalize-url';
import { CpuPool } from '../../src/pipeline/cpu-pool';
import { runInline, type RunEvent } from '../../src/pipeline/run-inline';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store';
import { articleHtml, startHostileServer, type HostileServer } from '../helpers/hostile-server';
import { fetchDeps } from '../helpers/http-client';
import { makeTempDir } from '../helpers/temp-dir';

const BREACH = 'Acme Corp said on Monday that hackers stole the names, email addresses and phone numbers of 120,000 customers in a data breach discovered last week.';
const CALM = 'The city council met on Tuesday to discuss the new park and its opening hours for the summer season, and agreed on them after a long debate.';

/** 400,000 unclosed <div>: htmlparser2 needs about a minute for them. */
const DIVS = '<div>'.repeat(400_000);

describe('the CPU pool', () => {
  let server: HostileServer;
  let tmp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  const pools: CpuPool[] = [];
  const pool = (opts: Partial<ConstructorParameters<typeof CpuPool>[0]>) => {
    const p = new CpuPool({ threads: 2, taskTimeoutMs: 10_000, maxHeapMb: 256, maxNestingDepth: 25_000, maxMarkupChars: 1_000_000, maxTextChars: 100_000, ...opts });
    pools.push(p);
    return p;
  };
  const fetch = fetchDeps({ allowPrivateAddresses: true, perHostDelayMs: 0, timeoutMs: 10_000 });

  beforeAll(async () => {
    server = await startHostileServer();
    tmp = makeTempDir();
    store = openSqliteStore(path.join(tmp.dir, 'pool.db'));
    const page = (html: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    };
    server.route('/divs', page(`<!doctype html><html><head><title>Deep</title></head><body>${DIVS}<p>${CALM}</p></body></html>`));
    server.route('/breach-then-divs', page(articleHtml('Acme Corp data breach', `${BREACH} ${CALM}`).replace('</article>', `</article>${DIVS}`)));
    server.route('/calm', page(articleHtml('Council meets', `${CALM} ${CALM}`)));
    server.route('/big', page(articleHtml('Long read', `${CALM} `.repeat(40_000))));
    for (const name of ['a', 'b', 'c']) {
      const links = { a: ['/divs', '/calm'], b: ['/breach-then-divs'], c: ['/big', '/calm?again'] }[name]!;
      server.route(`/feed-${name}.xml`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>${server.origin}/</link><description>d</description>${
          links.map((l) => `<item><title>${l}</title><link>${server.url(l)}</link></item>`).join('')}</channel></rss>`);
      });
    }
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await store.close();
    await server.close();
    tmp.cleanup();
  });

  it('400k unclosed divs fail at the time budget, naming stage and budget; the next item runs normally', async () => {
    const cpu = pool({ taskTimeoutMs: 2_000, maxNestingDepth: 10_000_000 }); // the depth guard off: the budget must hold alone
    // Threads started and loaded first: the budget counts a task's running time, not a thread's start-up.
    const warm = { url: 'http://h.test/w', finalUrl: 'http://h.test/w', status: 200, html: articleHtml('Warm', CALM), fetchedAt: '' };
    await Promise.all([cpu.read(warm, { title: null, publishedAt: null }), cpu.read(warm, { title: null, publishedAt: null })]);
    const times: { url: string; at: number; kind: string; reason?: string }[] = [];
    const t0 = Date.now();
    const onEvent = (e: RunEvent) => {
      if (e.type === 'item') times.push({ url: e.outcome.url, at: Date.now() - t0, kind: e.outcome.kind, reason: 'reason' in e.outcome ? e.outcome.reason : undefined });
    };
    const s = await runInline({ feeds: [{ id: 'a', url: server.url('/feed-a.xml') }], store, ...fetch, cpu, concurrency: 1, maxItemsPerFeed: 10, onEvent });
    expect(times.map((t) => [t.url.replace(server.origin, ''), t.kind])).toEqual([['/divs', 'failed'], ['/calm', 'no_incident']]);
    expect(times[0].reason).toMatch(/^scrape: http:\/\/127\.0\.0\.1:\d+\/divs exceeded 2 s \(pool\.taskTimeoutMs\)$/);
    expect(times[0].at).toBeLessThan(2_000 + 2_000);
    expect(s.articles).toEqual({ withIncidents: 0, noIncident: 1, failed: 1 });
    const stored = await store.getArticleStatus(articleKey(server.url('/divs')));
    expect(stored).toBe('failed');
  });

  it('scrape and extract of one page run as one task, each stage with its own budget, named when it runs out', async () => {
    const cpu = pool({ threads: 1, taskTimeoutMs: 2_000, maxTextChars: 10_000_000 });
    // 230 KB of breach reports: a tenth of a second to scrape, several seconds to extract.
    const reports = Array.from({ length: 2_000 }, (_, i) => `Vendor${i} Corp said on Monday that hackers stole the names and email addresses of ${i + 1000} customers in a data breach.`);
    const html = articleHtml('Long read', reports.join(' '));
    const page = { url: 'http://h.test/long', finalUrl: 'http://h.test/long', status: 200, html, fetchedAt: '' };
    const err = await cpu.read(page, { title: null, publishedAt: null }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('extract: http://h.test/long exceeded 2 s (pool.taskTimeoutMs)');
    expect(err).toMatchObject({ stage: 'extract', kind: 'permanent' });
    const ok = await cpu.read({ ...page, html: articleHtml('Acme Corp data breach', `${BREACH} ${CALM}`) }, { title: null, publishedAt: '2025-03-03' });
    expect(ok.extraction?.incidents[0].organization?.name).toBe('Acme Corp');
  });

  it('a task queued on a thread behind one over budget is run again on a fresh thread, its budget untouched', async () => {
    const cpu = pool({ threads: 1, taskTimeoutMs: 1_000, maxNestingDepth: 10_000_000 });
    const page = (p: string, html: string) => ({ url: `http://h.test${p}`, finalUrl: `http://h.test${p}`, status: 200, html, fetchedAt: '' });
    const deep = () => cpu.read(page('/divs', `<html><body>${DIVS}</body></html>`), { title: null, publishedAt: null });
    const calm = () => cpu.read(page('/calm', articleHtml('Council meets', `${CALM} ${CALM}`)), { title: null, publishedAt: null });
    const overBudget = { status: 'rejected', reason: { message: 'scrape: http://h.test/divs exceeded 1 s (pool.taskTimeoutMs)' } };
    const fine = { status: 'fulfilled', value: { extraction: { incidents: [] } } };
    expect(await Promise.allSettled([deep(), calm()])).toMatchObject([overBudget, fine]);
    // The other way round: the calm page's result does not wait on the thread for the deep one.
    expect(await Promise.allSettled([calm(), deep()])).toMatchObject([fine, overBudget]);
  });

  it('a page needing more heap than maxHeapMb fails alone, naming the heap budget', async () => {
    const cpu = pool({ threads: 1, maxHeapMb: 32, maxMarkupChars: 10_000_000, maxTextChars: 10_000_000 });
    const page = (p: string, html: string) => ({ url: server.url(p), finalUrl: server.url(p), status: 200, html, fetchedAt: '' });
    const err = await cpu.scrape(page('/big', articleHtml('Long read', `${CALM} `.repeat(40_000)))).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^scrape: http:\/\/127\.0\.0\.1:\d+\/big exceeded 32 MB of heap \(pool\.maxHeapMb\)$/);
    expect(err).toMatchObject({ stage: 'scrape', kind: 'permanent' });
    const ok = await cpu.scrape(page('/calm', articleHtml('Council meets', CALM.repeat(2))));
    expect(ok.text).toContain('city council');
  });

  it('cuts a page at scrape.maxNestingDepth and reads what comes before; the record says so', async () => {
    const cpu = pool({});
    const t0 = Date.now();
    const s = await runInline({ feeds: [{ id: 'b', url: server.url('/feed-b.xml') }], store, ...fetch, cpu, concurrency: 1, maxItemsPerFeed: 10 });
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(s.articles.withIncidents).toBe(1);
    const [record] = await store.listRecords({ org: 'acme' });
    expect(record.organization?.name).toBe('Acme Corp');
    expect(record.article.truncated).toEqual([expect.stringMatching(/^page nests tags deeper than 25000 levels; read its first [\d,]+ of 2,000,[\d,]+ characters \(scrape\.maxNestingDepth\)$/)]);
  });

  it('parses a page up to scrape.maxMarkupChars of markup; script and style contents do not count', async () => {
    const cpu = pool({ maxMarkupChars: 20_000 });
    const page = (html: string) => ({ url: 'http://h.test/m', finalUrl: 'http://h.test/m', status: 200, html, fetchedAt: '' });
    const bundle = `<script>var data = "${'x'.repeat(200_000)}";</script><style>p { color: red }${' '.repeat(50_000)}</style>`;
    const short = await cpu.scrape(page(articleHtml('Acme Corp data breach', BREACH).replace('</head>', `${bundle}</head>`)));
    expect(short.text).toContain('Acme Corp said');
    expect(short.truncated).toBeUndefined();

    const long = await cpu.scrape(page(articleHtml('Long read', `${BREACH}</p>${`<p>${CALM}</p>`.repeat(1_000)}<p>The end.`)));
    expect(long.text).toContain('Acme Corp said');
    expect(long.text).not.toContain('The end.');
    expect(long.text.length).toBeLessThan(20_000);
    expect(long.truncated).toEqual([expect.stringMatching(/^page has more than 20,000 characters of markup; read its first 20,0\d\d of 14\d,\d{3} characters \(scrape\.maxMarkupChars\)$/)]);
  });

  it('extracts from the first extract.maxTextChars characters of a long text, and says so', async () => {
    const cpu = pool({ maxTextChars: 5_000 });
    const { incidents, truncated } = await cpu.extract({ title: 'Acme Corp data breach', publishedAt: '2025-03-01', text: `${BREACH}\n\n${`${CALM}\n\n`.repeat(2_000)}` }, 'http://h.test/x');
    expect(incidents[0].organization?.name).toBe('Acme Corp');
    expect(truncated).toMatch(/^text: read the first 4,\d{3} of 2\d{2},\d{3} characters \(extract\.maxTextChars\)$/);
  });
});
