// Store throughput (records/second upserted into SQLite and PostgreSQL, one article transaction
// each, as the runners write) and the peak memory of streaming an export of 10,000 vs 100,000
// records (each export in its own child process, so peak RSS belongs to the export alone).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRecords } from '../src/pipeline/build-records';
import { openPostgresStore } from '../src/store/postgres-store';
import type { ArticleOutcome, RecordStore } from '../src/store/record-store';
import { openSqliteStore } from '../src/store/sqlite-store';
import type { BreachRecord } from '../src/types';
import { printTable } from './bench-utils';

function report(i: number): { outcome: ArticleOutcome; records: BreachRecord[] } {
  const url = `https://news.example/${i}`;
  const records = buildRecords([{
    organization: { name: `Company ${i % 997}`, key: `company-${i % 997}`, evidence: `Company ${i % 997} said it was breached.` },
    breachDate: { value: `20${10 + (i % 12)}-0${1 + (i % 9)}`, precision: 'month', text: 'in spring' },
    disclosedAt: `20${10 + (i % 12)}-10-01`,
    dataTypes: [{ type: 'email', text: 'email addresses' }, { type: 'password', text: 'hashed passwords' }],
    notLeaked: ['payment_card'],
    affectedCount: { value: 1000 + i, unit: 'people', qualifier: null, text: `${1000 + i} customers` },
    confidence: 0.8,
  }], { article: { url, canonicalUrl: url, title: `Story ${i}`, publishedAt: '2020-01-01', author: null, language: 'en', siteName: null, text: '' }, feed: 'bench', fetchedAt: null, extractor: 'bench' });
  return { outcome: { key: `k${i}`, urlKey: `k${i}`, url, canonicalUrl: url, feed: 'bench', status: 'breach', reason: null }, records };
}

async function upsertRate(store: RecordStore, n: number, offset = 0): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const { outcome, records } = report(offset + i);
    await store.saveArticle(outcome, records);
  }
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

function exportPeakRss(db: string): number {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'export-child.js'), db], { encoding: 'utf8' });
  return Number(out.trim());
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachfeed-bench-'));
  try {
    const sqlite = openSqliteStore(path.join(dir, 'bench.db'));
    const sqliteRate = await upsertRate(sqlite, 5000);
    await sqlite.close();

    let pgRate = 'skipped (no PostgreSQL on 127.0.0.1)';
    const schema = `bf_bench_${process.pid}`;
    try {
      const pg = await openPostgresStore({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test', schema });
      try {
        pgRate = `${(await upsertRate(pg, 2000)).toFixed(0)} records/s`;
        await (pg as unknown as { pool: { query(s: string): Promise<unknown> } }).pool.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await pg.close();
      }
    } catch (err) {
      pgRate = `skipped (${(err as Error).message})`;
    }

    const small = path.join(dir, 'small.db');
    const large = path.join(dir, 'large.db');
    for (const [file, n] of [[small, 10_000], [large, 100_000]] as const) {
      const s = openSqliteStore(file);
      await upsertRate(s, n);
      await s.close();
    }
    const rssSmall = exportPeakRss(small);
    const rssLarge = exportPeakRss(large);
    printTable('store', [
      ['SQLite upsert', `${sqliteRate.toFixed(0)} records/s`],
      ['PostgreSQL upsert', pgRate],
      ['export 10,000 records, peak RSS', `${(rssSmall / 1024 / 1024).toFixed(1)} MiB`],
      ['export 100,000 records, peak RSS', `${(rssLarge / 1024 / 1024).toFixed(1)} MiB`],
      ['ratio 100k / 10k', (rssLarge / rssSmall).toFixed(2)],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
