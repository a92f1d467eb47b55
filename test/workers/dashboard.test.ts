import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type DistributedContext, openDistributed } from '../../workers/connect';
import { QUEUE_NAMES } from '../../src/config/settings';
import { cleanPrefix, TEST_REDIS_URL, uniquePrefix, testSettings } from './helpers';

// bull-board's fastify plugin loads an ES-module dependency that jest's CommonJS loader
// cannot require (Node 20.19+ can): the dashboard runs from the built dist/ in a child process.
const HOST_SCRIPT = `
const Fastify = require('fastify');
const { openDistributed } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'workers', 'connect.js'))});
const { registerDashboard } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'workers', 'dashboard.js'))});
const { loadSettings } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist', 'src', 'config', 'settings.js'))});
(async () => {
  const ctx = await openDistributed(loadSettings(null).distributed, 'command');
  const app = Fastify();
  await registerDashboard(app, { queues: [ctx.queues.feeds, ctx.queues.articles, ctx.queues.records] });
  process.stdout.write(await app.listen({ host: '127.0.0.1', port: 0 }) + '\\n');
  process.once('SIGTERM', async () => { await app.close(); await ctx.close(); process.exit(0); });
})().catch((err) => { console.error(err.message); process.exit(1); });`;

describe('bull-board dashboard at /admin/queues', () => {
  const prefix = uniquePrefix('board');
  let ctx: DistributedContext;
  let host: ChildProcess;
  let base: string;
  beforeAll(async () => {
    const env = { ...process.env, REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix };
    ctx = await openDistributed(testSettings(TEST_REDIS_URL, env), 'command');
    await ctx.queues.articles.add('article', { item: { feedId: 'f', url: 'http://127.0.0.1:9/a' }, itemId: 'f x' }, { jobId: 'article-board-test' });
    host = spawn(process.execPath, ['-e', HOST_SCRIPT], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      host.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.trim());
      });
      host.once('exit', (code) => reject(new Error(`dashboard host exited with ${code}`)));
    });
  });
  afterAll(async () => {
    host?.kill('SIGTERM');
    await ctx?.close();
    await cleanPrefix(prefix);
  });

  it('serves the UI page', async () => {
    const res = await fetch(`${base}/admin/queues`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/breachfeed/);
  });

  it('its API lists the three queues with their counts', async () => {
    const res = await fetch(`${base}/admin/queues/api/queues`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());
    expect(body.queues.find((q) => q.name === 'articles')!.counts.waiting).toBe(1);
  });
});
