// The catalogue's first render at scale: server time of GET / (the first page of incidents) and
// of /timeline.json (the chart's figures over every incident) with N reports, on SQLite and, when
// one answers on 127.0.0.1, PostgreSQL; and the page's weight compressed, scripts and styles
// included. N: BENCH_WEB_RECORDS, 100,000 (node dist/bench/web.bench.js N runs this bench alone).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startServer } from '../src/api/server';
import { openPostgresStore } from '../src/store/postgres-store';
import type { RecordStore } from '../src/store/record-store';
import { openSqliteStore } from '../src/store/sqlite-store';
import { importCatalogue } from '../test/web/catalogue-store';
import { printTable } from './bench-utils';

const HTML = { accept: 'text/html', 'accept-encoding': 'gzip' };

/** One GET over loopback: the time to the last byte and the bytes sent. */
function timedGet(url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes: raw.length, body });
      });
    }).on('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(label: string, store: RecordStore, n: number): Promise<void> {
  const t0 = Date.now();
  // Five reports per organization, as in the news: many organizations, few reports each.
  await importCatalogue(store, n, Math.max(400, Math.floor(n / 5)));
  const seedSecs = (Date.now() - t0) / 1000;
  const server = await startServer({ store, port: 0 });
  try {
    const first = await timedGet(`${server.url}/`, HTML);
    const again: number[] = [];
    for (let k = 0; k < 5; k++) again.push((await timedGet(`${server.url}/`, HTML)).ms);
    const filtered = await timedGet(`${server.url}/?type=email&min=100000&from=2019`, HTML);
    const search = await timedGet(`${server.url}/?q=no-such-organization`, HTML);
    const timeline = await timedGet(`${server.url}/timeline.json`, { 'accept-encoding': 'gzip' });
    let weight = first.bytes;
    for (const m of first.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) weight += (await timedGet(`${server.url}${m[1]}`, { 'accept-encoding': 'gzip' })).bytes;
    printTable(`web: the catalogue with ${n.toLocaleString('en-US')} reports on ${label} (imported in ${seedSecs.toFixed(0)} s)`, [
      ['GET / first render', `${first.ms.toFixed(0)} ms (target < 300 ms)`],
      ['GET / again (median of 5)', `${median(again).toFixed(0)} ms`],
      ['GET /?type=email&min=100000&from=2019', `${filtered.ms.toFixed(0)} ms`],
      ['GET /?q=no-such-organization', `${search.ms.toFixed(0)} ms`],
      ['GET /timeline.json (every incident)', `${timeline.ms.toFixed(0)} ms`],
      ['page weight, gzip, with CSS and JS', `${(weight / 1024).toFixed(1)} KB (target < 200 KB)`],
    ]);
  } finally {
    await server.app.close();
  }
}

export async function main(n = Number(process.env.BENCH_WEB_RECORDS ?? 100_000)): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachfeed-bench-web-'));
  try {
    const sqlite = openSqliteStore(path.join(dir, 'web.db'));
    try {
      await measure('SQLite', sqlite, n);
    } finally {
      await sqlite.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const schema = `bf_bench_web_${process.pid}`;
  let pg: RecordStore;
  try {
    pg = await openPostgresStore({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test', schema });
  } catch (err) {
    printTable('web: PostgreSQL', [['skipped', (err as Error).message]]);
    return;
  }
  try {
    await measure('PostgreSQL', pg, n);
    await (pg as unknown as { pool: { query(s: string): Promise<unknown> } }).pool.query(`DROP SCHEMA ${schema} CASCADE`);
  } finally {
    await pg.close();
  }
}

if (require.main === module) {
  main(process.argv[2] ? Number(process.argv[2]) : undefined).catch((err) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
