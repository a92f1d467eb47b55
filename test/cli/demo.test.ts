import net from 'node:net';
import path from 'node:path';
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
