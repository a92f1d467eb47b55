// `breachfeed extract` and `breachfeed scrape` run their CPU work on the same pool as `run`, with
// the same budgets (issue 17): an input that would parse for a minute fails alone with the one-line
// budget reason, and the next input is read as usual. The real CLI, with a short budget.
import fs from 'node:fs';
import path from 'node:path';
import { articleHtml } from '../helpers/hostile-server';
import { hasStackTrace, runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const BREACH = 'Acme Corp said on Monday that hackers stole the names, email addresses and phone numbers of 120,000 customers in a data breach discovered last week.';
/** 400,000 unclosed <div>: htmlparser2 needs about a minute for them. */
const DEEP = `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(400_000)}<p>${BREACH}</p></body></html>`;

describe('extract and scrape on the pool', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let config: string;
  beforeAll(() => {
    tmp = makeTempDir();
    config = path.join(tmp.dir, 'budgets.yaml');
    // The depth guard off: the time budget must hold alone (5 s: a fresh thread's first extraction on a loaded machine can take 2).
    fs.writeFileSync(config, 'pool:\n  taskTimeoutMs: 5000\nscrape:\n  maxNestingDepth: 10000000\n');
  });
  afterAll(() => tmp.cleanup());

  it('extract: a line over the time budget fails with the budget reason; the next line is extracted', async () => {
    const input = [
      JSON.stringify({ id: 'deep', html: DEEP }),
      JSON.stringify({ id: 'acme', title: 'Acme Corp data breach', date: '2025-03-03', text: BREACH }),
    ].join('\n');
    const r = await runCli(['extract', '--config', config], { input });
    expect(r.code).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr.split('\n')).toContain('scrape: urn:breachfeed:input:deep exceeded 5 s (pool.taskTimeoutMs)');
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['acme']);
    expect(out[0].incidents[0]).toMatchObject({ organization: { name: 'Acme Corp' }, extractor: expect.stringMatching(/^breachfeed@/) });
  });

  it('scrape: a page over the time budget gets an empty entry with the budget reason; the next page is scraped', async () => {
    const dir = path.join(tmp.dir, 'pages');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a-deep.html'), DEEP);
    fs.writeFileSync(path.join(dir, 'b-acme.html'), articleHtml('Acme Corp data breach', `${BREACH} ${BREACH}`));
    const out = path.join(tmp.dir, 'scraped.json');
    const r = await runCli(['scrape', '--config', config, '--html-dir', dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    const reason = expect.stringMatching(/^scrape: file:\/\/\/.*\/a-deep\.html exceeded 5 s \(pool\.taskTimeoutMs\)$/);
    expect(r.stderr.split('\n')).toContainEqual(reason);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(result['a-deep']).toMatchObject({ articleBody: '', emptyReason: reason });
    expect(result['b-acme'].articleBody).toContain('Acme Corp said on Monday');
  });
});
