import net from 'node:net';
import path from 'node:path';
import { DEMO_ORIGIN, DEMO_PORT } from '../../src/cli/commands/demo';
import { hasStackTrace, runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// `breachfeed demo` as a user runs it: the real binary, its newsroom on 127.0.0.1, a real SQLite file.
describe('breachfeed demo', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => (tmp = makeTempDir()));
  afterAll(() => tmp.cleanup());

  it('prints the records as a table and where the database is; a second run stores nothing new', async () => {
    const db = path.join(tmp.dir, 'demo.db');
    const port = String(await freePort());
    const first = await runCli(['demo', '--db', db, '--port', port]);
    expect(hasStackTrace(first.stderr)).toBe(false);
    expect(first.stderr).toMatch(/^feed demo-ledger-feed-security-xml: 6 items$/m);
    expect(first.code).toBe(0);
    expect(hasStackTrace(first.stdout)).toBe(false);
    expect(first.stdout).toMatch(/^organization +breach date +disclosed +affected +data types/m);
    expect(first.stdout).toMatch(/^OnePlus +2018-01 +2019-11-22 +40,000 +payment_card/m);
    expect(first.stdout).toMatch(/^Weibo +- +2020-03-27 +538,000,000 /m);
    expect(first.stdout).toContain(`database: ${db}`);
    const stored = Number(/stored records \((\d+)\)/.exec(first.stdout)?.[1]);
    expect(stored).toBeGreaterThan(0);

    const second = await runCli(['demo', '--db', db, '--port', port]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^records: +0 stored$/m);
    expect(second.stdout).toContain(`stored records (${stored})`);
  });

  it('records --csv and --json read what the demo stored', async () => {
    const db = path.join(tmp.dir, 'demo.db');
    const csv = await runCli(['records', '--csv', '--db', db, '--org', 'oneplus']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,organization,organization_key,breach_date,/);
    expect(lines.slice(1).every((l) => l.includes(',OnePlus,oneplus,'))).toBe(true);
    expect(lines.length).toBe(3); // the 2019 breach and the 2018 one it recalls
    const json = await runCli(['records', '--json', '--db', db, '--since', '2020-01-01']);
    const records = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r: { disclosedAt: string }) => r.disclosedAt >= '2020-01-01')).toBe(true);
  });
});

/** Holds 127.0.0.1:port for the test; null when something else already does (then it is taken anyway). */
function occupy(port: number): Promise<net.Server | null> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(null));
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

// Two demos at once (and a third program on the demo's port): each falls back to a free port,
// and both store the records under the demo's usual origin, so with the same ids.
describe('breachfeed demo beside another program on its port', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let blocker: net.Server | null = null;
  beforeAll(async () => {
    tmp = makeTempDir();
    blocker = await occupy(DEMO_PORT);
  });
  afterAll(async () => {
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    tmp.cleanup();
  });

  it('both demos succeed on free ports and store the same record ids', async () => {
    const dbs = ['a.db', 'b.db'].map((f) => path.join(tmp.dir, f));
    const runs = await Promise.all(dbs.map((db) => runCli(['demo', '--db', db], { timeoutMs: 90_000 })));
    const ports = runs.map((r) => {
      expect({ code: r.code, stderr: r.stderr.split('\n').filter((l) => /error|cannot/i.test(l)) }).toEqual({ code: 0, stderr: [] });
      expect(r.stdout).toContain(`(port ${DEMO_PORT} was taken; records are stored as from ${DEMO_ORIGIN})`);
      return /serving \d+ feeds at http:\/\/127\.0\.0\.1:(\d+)/.exec(r.stdout)?.[1];
    });
    expect(new Set([...ports, String(DEMO_PORT)]).size).toBe(3);

    const stored = await Promise.all(dbs.map(async (db) => {
      const r = await runCli(['records', '--json', '--db', db]);
      return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; article: { url: string; canonicalUrl: string } });
    }));
    expect(stored[0].length).toBeGreaterThan(5);
    expect(stored[0].map((r) => r.id).sort()).toEqual(stored[1].map((r) => r.id).sort());
    for (const r of stored.flat()) {
      expect(r.article.url.startsWith(`${DEMO_ORIGIN}/`)).toBe(true);
      expect(r.article.canonicalUrl.startsWith(`${DEMO_ORIGIN}/`)).toBe(true);
    }
  }, 120_000);

  it('a port asked for with --port that is taken is an error, in one line', async () => {
    if (!blocker) return; // another program holds the port and may let it go at any moment
    const r = await runCli(['demo', '--db', path.join(tmp.dir, 'c.db'), '--port', String(DEMO_PORT)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^breachfeed: newsroom: cannot listen on 127\\.0\\.0\\.1:${DEMO_PORT}: listen EADDRINUSE[^\\n]*$`));
  });
});
