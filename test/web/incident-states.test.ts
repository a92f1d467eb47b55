// What an incident id answers besides a live incident: an id that merged redirects to the incident
// it joined, a deleted one says it was removed (410). The lookup is stubbed: the states come
// from the store's incident maintenance, tested with the store.
import http from 'node:http';
import path from 'node:path';
import { startServer } from '../../src/api/server';
import type { RecordStore } from '../../src/store/record-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { makeTempDir } from '../helpers/temp-dir';

const MERGED = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const INTO = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const DELETED = 'cccccccccccccccccccccccccccccccc';

jest.mock('../../src/api/incident-reads', () => ({
  ...jest.requireActual('../../src/api/incident-reads'),
  lookupIncident: async (_store: unknown, id: string) => {
    if (id === MERGED) return { state: 'merged', id, mergedInto: INTO };
    if (id === DELETED) return { state: 'deleted', id };
    return null;
  },
}));

function get(url: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { accept: 'text/html' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
    }).on('error', reject);
  });
}

describe('incident ids that are not live', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: RecordStore;
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    tmp = makeTempDir();
    store = openSqliteStore(path.join(tmp.dir, 'states.db'));
    const server = await startServer({ store, port: 0 });
    base = server.url;
    close = () => server.app.close();
  });
  afterAll(async () => {
    await close();
    await store.close();
    tmp.cleanup();
  });

  it('an id that merged redirects (301) to the incident it merged into', async () => {
    expect(await get(`${base}/incidents/${MERGED}`)).toMatchObject({ status: 301, location: `/incidents/${INTO}` });
  });

  it('a deleted id says the incident was removed (410)', async () => {
    const res = await get(`${base}/incidents/${DELETED}`);
    expect(res.status).toBe(410);
    expect(res.body).toContain('<h1>This incident was removed</h1>');
  });

  it('an id that never existed, or is not an id, is a 404 page', async () => {
    for (const id of ['dddddddddddddddddddddddddddddddd', encodeURIComponent('<script>')]) {
      const res = await get(`${base}/incidents/${id}`);
      expect(res.status).toBe(404);
      expect(res.body).toContain('No such incident');
      expect(res.body).not.toContain('<script>');
    }
  });
});
