// An HTTP client and robots cache for a test, closed when the test file ends: the stages take
// them as parameters, as the runtime hands them out in the CLI.
import type { FetchOptions } from '../../src/ingest/fetch-options';
import { HttpClient } from '../../src/ingest/http-get';
import { RobotsCache } from '../../src/ingest/robots';

const clients = new Set<HttpClient>();
afterAll(async () => {
  await Promise.all([...clients].map((c) => c.close()));
  clients.clear();
});

export function testClient(opts: FetchOptions): HttpClient {
  const client = new HttpClient(opts);
  clients.add(client);
  return client;
}

/** What runInline and the processors take for fetching: a client and its robots cache. */
export function fetchDeps(opts: FetchOptions): { http: HttpClient; robots: RobotsCache } {
  const http = testClient(opts);
  return { http, robots: new RobotsCache(http) };
}
