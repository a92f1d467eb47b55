// Incidents at scale (issue 12): 100,000 records (about 50,000 articles, organizations repeating
// as in the news, one breach reported 5,000 times) exported as NDJSON, then for SQLite and for
// PostgreSQL: `breachfeed import` records/s; `breachfeed serve` in a child process and, as
// medians over repeated requests, /incidents first and deep pages, /incidents/:id, /healthz
// while four /incidents readers and one /export/incidents.ndjson run; the server's peak RSS.
// N: BENCH_INCIDENT_RECORDS (default 100,000).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildRecords } from '../src/pipeline/build-records';
import type { BreachRecord, DataType, Incident } from '../src/types';
import { printTable } from './bench-utils';

const BIN = path.join(__dirname, '..', '..', 'bin', 'breachfeed.js');
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const TYPES: DataType[] = ['email', 'password', 'name', 'phone', 'address', 'payment_card', 'date_of_birth', 'ip_address'];

/** A deterministic pseudo-random stream (mulberry32), so every run builds the same records. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `n` records as NDJSON: 2 per article on average; organizations skewed; one breach 5,000 times (at 100,000). */
export function writeRecords(file: string, n: number): void {
  const rnd = random(7);
  const out = fs.openSync(file, 'w');
  let written = 0;
  let buffer = '';
  for (let a = 0; written < n; a++) {
    const url = `https://news${a % 40}.example/${2015 + (a % 10)}/story-${a}`;
    const perArticle = Math.min(n - written, 1 + Math.floor(rnd() * 3)); // 1–3
    const incidents: Incident[] = [];
    for (let k = 0; k < perArticle; k++) {
      const famous = (written + k) % 20 === 0; // every 20th record: the one big breach, reported over three weeks
      const org = famous ? 0 : 1 + Math.floor(rnd() ** 2 * 50_000); // skewed: the top organizations recur dozens of times
      const year = famous ? 2024 : 2012 + (org % 13);
      const month = famous ? 3 : 1 + (org % 12);
      const day = famous ? 10 + (a % 21) : 1 + (a % 28);
      const count = 1000 * (1 + (org % 500));
      incidents.push({
        organization: { name: `Company ${org}`, key: `company-${org}`, evidence: `Company ${org} said attackers had accessed a database holding customer records in ${year}.` },
        breachDate: rnd() < 0.7 ? { value: `${year}-${String(month).padStart(2, '0')}`, precision: 'month', text: `in ${year}` } : null,
        disclosedAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        dataTypes: TYPES.filter((_, t) => (org + t) % 3 === 0).map((type) => ({ type, text: `${type.replace('_', ' ')} of customers` })),
        notLeaked: org % 4 === 0 ? ['payment_card'] : [],
        affectedCount: { value: count, unit: 'people', qualifier: null, text: `${count.toLocaleString('en-US')} customers` },
        confidence: 0.5 + rnd() * 0.5,
      });
    }
    const records: BreachRecord[] = buildRecords(incidents, {
      article: { url, canonicalUrl: url, title: `Story ${a}: a data breach`, publishedAt: incidents[0].disclosedAt, author: null, language: 'en', siteName: null, text: '' },
      feed: `feed-${a % 40}`, fetchedAt: null, extractor: 'bench',
    });
    for (const r of records) buffer += `${JSON.stringify(r)}\n`;
    written += records.length;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited ${code}: ${stderr.trim().split('\n').filter((l) => !l.startsWith('import:')).slice(0, 8).join(' | ')}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function serve(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), ...args], {
    env: { ...process.env, ...env, BREACHFEED_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => d.toString().includes('listening') && resolve());
    child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** GET to the last byte: milliseconds and the body. */
function get(url: string): Promise<{ ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http.get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

/** GET, reading and dropping the body. */
function drain(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => res.on('data', () => undefined).on('end', resolve)).on('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function medianOf(times: number, f: (i: number) => Promise<{ ms: number }>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) ms.push((await f(i)).ms);
  return median(ms);
}

function peakRssMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function measureServer(base: string, pid: number): Promise<[string, string][]> {
  const page = (q: string) => get(`${base}/incidents?limit=100${q}`);
  const first = await page('');
  const firstMs = await medianOf(15, () => page(''));
  // A deep page: follow the change-order cursor 100 pages in, then time that page.
  let cursor = JSON.parse(first.body).nextCursor as string;
  for (let i = 0; i < 100; i++) cursor = JSON.parse((await page(`&cursor=${cursor}`)).body).nextCursor;
  const deepMs = await medianOf(15, () => page(`&cursor=${cursor}`));
  const newestMs = await medianOf(15, () => page('&order=newest'));
  const ids = (JSON.parse((await page('&order=newest')).body).items as { id: string; sources: unknown[] }[]);
  const big = (await get(`${base}/incidents?order=newest&organization=company-0&limit=1`));
  const bigId = (JSON.parse(big.body).items[0] as { id: string; sources: unknown[] });
  const byIdMs = await medianOf(15, (i) => get(`${base}/incidents/${ids[i % ids.length].id}`));
  const bigMs = await medianOf(7, () => get(`${base}/incidents/${bigId.id}`));
  const missingMs = await medianOf(15, () => get(`${base}/incidents/${'0'.repeat(32)}`));

  // /healthz while four readers page /incidents and one exports every incident.
  let running = true;
  // The load must not load the prober: readers take the cursor off the body's tail instead of
  // parsing megabytes, the exporter drops what it reads.
  const readers = [0, 1, 2, 3].map(async (k) => {
    let c = '';
    while (running) {
      const tail = (await page(`${k % 2 ? '&order=newest' : ''}${c}`)).body.slice(-200);
      const m = /"nextCursor":"([\w-]+)","hasMore":true\}$/.exec(tail);
      c = m ? `&cursor=${m[1]}` : '';
    }
  });
  const exporter = (async () => { while (running) await drain(`${base}/export/incidents.ndjson`); })();
  await new Promise((r) => setTimeout(r, 300));
  const healthMs = await medianOf(40, async () => {
    await new Promise((r) => setTimeout(r, 25));
    return get(`${base}/healthz`);
  });
  running = false;
  await Promise.all([...readers, exporter]);
  return [
    ['/incidents?limit=100, first page (change order)', `${firstMs.toFixed(1)} ms`],
    ['/incidents?limit=100, 100 pages deep by cursor', `${deepMs.toFixed(1)} ms`],
    ['/incidents?order=newest&limit=100', `${newestMs.toFixed(1)} ms`],
    ['/incidents/:id', `${byIdMs.toFixed(1)} ms`],
    [`/incidents/:id, the breach with ${bigId.sources.length.toLocaleString('en-US')} sources`, `${bigMs.toFixed(1)} ms`],
    ['/incidents/:id, unknown (404)', `${missingMs.toFixed(1)} ms`],
    ['/healthz under 4 readers + 1 export', `${healthMs.toFixed(1)} ms`],
    ['server peak RSS', `${peakRssMiB(pid).toFixed(0)} MiB`],
  ];
}

async function benchStore(label: string, file: string, n: number, storeArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const t0 = process.hrtime.bigint();
  await runCli(['import', ...storeArgs, file], env);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const { child, base } = await serve(storeArgs, env);
  try {
    printTable(`incidents on ${label}: ${n.toLocaleString('en-US')} records (targets: pages and :id < 50 ms, /healthz < 20 ms, RSS < 300 MiB, import ≥ 5,000/s)`, [
      ['import', `${(n / secs).toFixed(0)} records/s (${secs.toFixed(1)} s, whole command)`],
      ...await measureServer(base, child.pid!),
    ]);
  } finally {
    child.kill();
  }
}

export async function main(n = Number(process.env.BENCH_INCIDENT_RECORDS ?? 100_000)): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachfeed-bench-incidents-'));
  const database = `bf_bench_incidents_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  };
  try {
    const file = path.join(dir, 'records.ndjson');
    writeRecords(file, n);
    await benchStore('SQLite', file, n, ['--db', path.join(dir, 'bench.db')], { DATABASE_URL: '' });
    try {
      await admin(`CREATE DATABASE ${database}`);
    } catch (err) {
      console.log(`\nincidents on PostgreSQL: skipped (${(err as Error).message})`);
      return;
    }
    const url = new URL(PG_URL);
    url.pathname = `/${database}`;
    await benchStore('PostgreSQL', file, n, [], { DATABASE_URL: url.toString(), BREACHFEED_DB: '' });
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv[2] ? Number(process.argv[2]) : undefined).catch((err) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
