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
import { buildRecords } from '../src/pipeline/build-records';
import { openPostgresStore } from '../src/store/postgres-store';
import type { ArticleOutcome, ImportItem, RecordStore } from '../src/store/record-store';
import { openSqliteStore } from '../src/store/sqlite-store';
import type { BreachRecord, DataType } from '../src/types';
import { printTable } from './bench-utils';

// The generated reports, shared with the catalogue's tests (test/web/catalogue-store.ts), which
// store a few thousand of them: 400 organizations (or as many as asked), disclosures spread over
// 2016–2024, a few data types each, and one report whose organization and headline are an XSS
// attempt. They live here because the build (and the Docker image) compiles bench/ but not test/.

export const HOSTILE = '<img src=x onerror=alert(1)>';
const TYPES: DataType[] = ['email', 'password', 'name', 'phone', 'address', 'payment_card', 'medical', 'government_id'];
/** The i-th generated report of `orgs` organizations: its article verdict and one record. */
export function catalogueReport(i: number, orgs = 400): { outcome: ArticleOutcome; records: BreachRecord[] } {
  const url = `https://news${i % 7}.example/2020/story-${i}`;
  const hostile = i === 0;
  const name = hostile ? HOSTILE : `Org ${String(i % orgs).padStart(3, '0')} Holdings`;
  const key = hostile ? 'img-src-x-onerror-alert-1' : `org-${i % orgs}`;
  // Each organization's reports fall in different months, so they stay separate incidents.
  const month = (Math.floor(i / orgs) * 7 + (i % 108)) % 108;
  const year = 2016 + Math.floor(month / 12);
  const mm = String((month % 12) + 1).padStart(2, '0');
  const types = [TYPES[i % TYPES.length], TYPES[(i * 3 + 1) % TYPES.length]].filter((t, n, all) => all.indexOf(t) === n);
  const count = ((i * 7919) % 500_000) + 100;
  const records = buildRecords([{
    organization: { name, key, evidence: `${name} said attackers reached its systems.` },
    breachDate: { value: `${year}-${mm}`, precision: 'month', text: `in ${year}-${mm}` },
    disclosedAt: `${year}-${mm}-15`,
    dataTypes: types.map((type) => ({ type, text: `${type.replace('_', ' ')} records` })),
    notLeaked: i % 5 === 0 ? ['payment_card'] : [],
    affectedCount: { value: count, unit: 'people', qualifier: null, text: `${count.toLocaleString('en-US')} customers` },
    confidence: 0.8,
  }], {
    article: { url, canonicalUrl: url, title: hostile ? HOSTILE : `Breach at ${name}`, publishedAt: `${year}-${mm}-15`, author: null, language: 'en', siteName: null, text: '' },
    feed: `feed-${i % 7}`,
    fetchedAt: null,
    extractor: 'breachfeed@test',
  });
  return { outcome: { key: `web-${i}`, urlKey: `web-${i}`, url, canonicalUrl: url, feed: `feed-${i % 7}`, status: 'breach', reason: null }, records };
}

/** Reports 0..n-1 through the store's bulk import (batches of 1,000, one transaction): for a benchmark's 100,000. */
export async function importCatalogue(store: RecordStore, n: number, orgs?: number): Promise<void> {
  function* batches(): Generator<ImportItem[]> {
    for (let start = 0; start < n; start += 1000) {
      const batch: ImportItem[] = [];
      for (let i = start; i < Math.min(n, start + 1000); i++) {
        const { outcome, records } = catalogueReport(i, orgs);
        for (const record of records) batch.push({ articleKey: outcome.key, record });
      }
      yield batch;
    }
  }
  await store.importRecords(batches());
}

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
