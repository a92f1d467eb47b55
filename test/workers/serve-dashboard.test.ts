// `breachfeed serve` with REDIS_URL: the bull-board dashboard at /admin/queues and queue depths
// in /metrics, behind the API's token. The real binary, a real Redis, HTTP on 127.0.0.1.
import path from 'node:path';
import { makeTempDir } from '../helpers/temp-dir';
import { cleanPrefix, type CliProcess, startCli, TEST_REDIS_URL, uniquePrefix, waitFor } from './helpers';

describe('serve with Redis configured', () => {
  const prefix = uniquePrefix('serve');
  let tmp: ReturnType<typeof makeTempDir>;
  let server: CliProcess;
  let base: string;
  beforeAll(async () => {
    tmp = makeTempDir();
    server = startCli(['serve', '--port', '0', '--db', path.join(tmp.dir, 's.db'), '--token', 'tok'],
      { REDIS_URL: TEST_REDIS_URL, BREACHFEED_QUEUE_PREFIX: prefix });
    await waitFor('the server to listen', async () => /listening on (http:\/\/127\.0\.0\.1:\d+)/.test(server.stderr), 20_000, 50);
    base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stderr)![1];
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await cleanPrefix(prefix);
    tmp.cleanup();
  });

  it('serves the dashboard and queue depths only with the token', async () => {
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    const auth = { headers: { authorization: 'Bearer tok' } };
    const page = await fetch(`${base}/admin/queues`, auth);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>breachfeed<\/title>|bull/i);
    const metrics = await (await fetch(`${base}/metrics`, auth)).text();
    for (const q of ['feeds', 'articles', 'records']) expect(metrics).toContain(`breachfeed_queue_jobs{queue="${q}",state="waiting"} 0`);
  });

  it('stops cleanly on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });
});
