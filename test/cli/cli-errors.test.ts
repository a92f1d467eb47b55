import fs from 'node:fs';
import path from 'node:path';
import { hasStackTrace, runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

// Bad input at the command line: one clear line on stderr, the right exit code, no stack trace.
describe('breachfeed CLI on bad input', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => (tmp = makeTempDir()));
  afterAll(() => tmp.cleanup());

  function expectOneLineError(r: { stderr: string }, pattern: RegExp) {
    expect(hasStackTrace(r.stderr)).toBe(false);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  }

  it('an invalid config file → exit 2 naming the file and field', async () => {
    const cfg = path.join(tmp.dir, 'bad.yaml');
    fs.writeFileSync(cfg, 'feeds:\n  - id: x\n    url: ftp://example.com/feed\n');
    const r = await runCli(['run', '--config', cfg, '--db', path.join(tmp.dir, 'a.db')]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^breachfeed: config: .*bad\.yaml: \/feeds\/0\/url must match pattern/);
  });

  it('a missing config file → exit 2', async () => {
    const r = await runCli(['run', '--config', path.join(tmp.dir, 'missing.yaml')]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^breachfeed: config: cannot read .*missing\.yaml: ENOENT$/);
  });

  it('an unwritable database path → exit 1 naming the path', async () => {
    const blocker = path.join(tmp.dir, 'plain-file');
    fs.writeFileSync(blocker, 'x');
    const cfg = path.join(tmp.dir, 'empty-feeds.yaml');
    fs.writeFileSync(cfg, 'feeds: []\n');
    const r = await runCli(['run', '--config', cfg, '--db', path.join(blocker, 'db.sqlite')]);
    expect(r.code).toBe(1);
    expectOneLineError(r, /^breachfeed: store: cannot open SQLite database .*plain-file\/db\.sqlite: /);
  });

  it('a --feed that is not a URL → exit 2', async () => {
    const r = await runCli(['run', '--feed', 'not a url', '--db', path.join(tmp.dir, 'b.db')]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^breachfeed: run: --feed not a url is not a URL$/);
  });

  it('records with a bad --since → exit 2', async () => {
    const r = await runCli(['records', '--since', 'yesterday', '--db', path.join(tmp.dir, 'c.db')]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^breachfeed: records: --since yesterday is not a date/);
  });

  it('extract with a missing input file → exit 2', async () => {
    const r = await runCli(['extract', '--in', path.join(tmp.dir, 'none.jsonl')]);
    expect(r.code).toBe(2);
    expectOneLineError(r, /^breachfeed: extract: --in .*none\.jsonl does not exist$/);
  });

  it('extract skips malformed lines with one line each and processes the rest', async () => {
    const input = [
      '{"id": "ok", "text": "Nothing happened today."}',
      '{not json',
      '{"id": "no-text"}',
      '',
    ].join('\n');
    const r = await runCli(['extract'], { input });
    expect(r.code).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain('extract: line 2 is not valid JSON');
    expect(r.stderr).toContain('extract: line 3 has neither "text" nor "html"');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ id: 'ok', incidents: [] }]);
  });

  it('an unknown command → non-zero with usage hint', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).not.toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
