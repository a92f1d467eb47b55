// URLs that carry secrets or are absurdly long, at the command line, in the config and in what a
// feed serves (issue 17): exit 2 with one short line, and the secret nowhere in the output or the store.
import fs from 'node:fs';
import path from 'node:path';
import { feedFromUrl } from '../../src/cli/args';
import { articleHtml, startHostileServer, type HostileServer } from '../helpers/hostile-server';
import { hasStackTrace, runCli } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

describe('breachfeed run and URL hygiene', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let server: HostileServer;
  let config: string;
  beforeAll(async () => {
    tmp = makeTempDir();
    server = await startHostileServer();
    const withSecret = (p: string) => `http://user:secret@127.0.0.1:${server.port}${p}`;
    server.route('/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>${server.origin}/</link><description>d</description>
<item><title>Secret link</title><link>${withSecret('/a')}</link></item>
<item><title>Redirects to a secret</title><link>${server.url('/to-secret')}</link></item>
<item><title>Plain</title><link>${server.url('/plain')}</link></item>
</channel></rss>`);
    });
    server.route('/to-secret', (_req, res) => {
      res.writeHead(302, { location: withSecret('/a') });
      res.end();
    });
    server.route('/plain', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(articleHtml('City council meets', 'The city council met on Tuesday to discuss the new park and its opening hours for the summer season, and agreed on them.'.repeat(3)));
    });
    config = path.join(tmp.dir, 'local.yaml');
    fs.writeFileSync(config, 'fetch:\n  allowPrivateAddresses: true\n  perHostDelayMs: 0\n');
  });
  afterAll(async () => {
    await server.close();
    tmp.cleanup();
  });

  function expectShortLine(stderr: string, pattern: RegExp) {
    expect(hasStackTrace(stderr)).toBe(false);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(lines[0].length).toBeLessThan(300);
  }

  it('--feed with credentials → exit 2, the secret printed nowhere and nothing stored', async () => {
    const db = path.join(tmp.dir, 'cred.db');
    const r = await runCli(['run', '--config', config, '--feed', `http://user:secret@127.0.0.1:${server.port}/feed.xml`, '--db', db]);
    expect(r.code).toBe(2);
    expectShortLine(r.stderr, /^breachfeed: run: --feed http:\/\/\*\*\*@127\.0\.0\.1:\d+\/feed\.xml carries credentials/);
    expect(r.stdout + r.stderr).not.toContain('secret');
    expect(fs.existsSync(db) ? fs.readFileSync(db).includes('secret') : false).toBe(false);
    expect(server.hits.get('/feed.xml')).toBeUndefined();
  });

  it('a config feed with credentials → exit 2', async () => {
    const file = path.join(tmp.dir, 'cred.yaml');
    fs.writeFileSync(file, 'feeds:\n  - id: x\n    url: https://user:secret@feeds.example/rss\n');
    const r = await runCli(['run', '--config', file, '--db', path.join(tmp.dir, 'cfg.db')]);
    expect(r.code).toBe(2);
    expectShortLine(r.stderr, /^breachfeed: config: .*cred\.yaml: feed 'x': https:\/\/\*\*\*@feeds\.example\/rss carries credentials/);
    expect(r.stdout + r.stderr).not.toContain('secret');
  });

  it('a 100 KB --feed URL → exit 2 with a short line', async () => {
    const r = await runCli(['run', '--feed', `http://127.0.0.1:${server.port}/${'a'.repeat(100_000)}`, '--db', path.join(tmp.dir, 'long.db')]);
    expect(r.code).toBe(2);
    expectShortLine(r.stderr, /^breachfeed: run: --feed http:\/\/127\.0\.0\.1:\d+\/a+…\(100,\d+ chars\) is longer than 2048 characters/);
  });

  it('feed links and redirects with credentials are refused; the secret reaches neither the output nor the store', async () => {
    const db = path.join(tmp.dir, 'links.db');
    const r = await runCli(['run', '--config', config, '--feed', server.url('/feed.xml'), '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/items:\s+2 seen/);
    expect(r.stdout).toMatch(/1 failed/);
    expect(r.stdout + r.stderr).toMatch(/to-secret redirected to http:\/\/\*\*\*@127\.0\.0\.1:\d+\/a carries credentials/);
    expect(r.stdout + r.stderr).not.toContain('secret@');
    expect(fs.readFileSync(db).includes('user:secret')).toBe(false);
    expect(server.hits.get('/a')).toBeUndefined();
  });
});

describe('feedFromUrl', () => {
  it('bounds the feed id made from a long URL, keeping ids of different URLs apart', () => {
    const a = feedFromUrl('run', `http://h.test/${'p/'.repeat(500)}a`, 2_048);
    const b = feedFromUrl('run', `http://h.test/${'p/'.repeat(500)}b`, 2_048);
    expect(a.id.length).toBeLessThanOrEqual(80);
    expect(a.id).toMatch(/^h\.test-p-p-/);
    expect(a.id).not.toBe(b.id);
    expect(feedFromUrl('run', 'http://h.test/feed.xml', 2_048).id).toBe('h.test-feed.xml');
  });
});
