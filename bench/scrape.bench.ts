// Scraping throughput on the article eval's dev pages: scrapeArticle against
// @mozilla/readability on linkedom (Readability's fastest DOM), in the same run.
//
// Each measurement runs in its own child process: a fresh process per contender
// means its peak RSS (process.resourceUsage().maxRSS, which the kernel tracks
// exactly, with no sampling gaps) belongs to it alone, and garbage one contender
// leaves behind cannot slow the other down. Both children load the same
// decompressed pages before timing, so the memory baseline is the same.
// The machine is shared, so the contenders alternate for ROUNDS rounds and each
// keeps its best round: a burst of someone else's load then cannot decide the ratio.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { printTable } from './bench-utils';

type Contender = 'scrapeArticle' | 'readability';

interface WorkerResult {
  pages: number;
  passes: number;
  seconds: number;
  maxRssMiB: number;
  bodyChars: number;
}

const WORKER_FLAG = '--scrape-bench-worker';
// Enough passes for a few seconds of work per contender; one untimed pass first
// so module loading and JIT warm-up are not timed.
const MIN_PASSES = 3;
const MIN_SECONDS = 2;
const ROUNDS = 3;

function loadPages(devDir: string): { url: string; html: string }[] {
  return fs
    .readdirSync(devDir)
    .filter((n) => n.endsWith('.html.gz'))
    .sort()
    .map((n) => ({ url: `https://bench.test/${n}`, html: gunzipSync(fs.readFileSync(path.join(devDir, n))).toString('utf8') }));
}

function makeRunner(contender: Contender): (page: { url: string; html: string }) => number {
  if (contender === 'scrapeArticle') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { scrapeArticle } = require('../src/extract/scrape-article') as typeof import('../src/extract/scrape-article');
    return (p) => scrapeArticle({ url: p.url, finalUrl: p.url, status: 200, html: p.html, fetchedAt: '' }).text.length;
  }
  const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
  const { parseHTML } = require('linkedom') as typeof import('linkedom');
  return (p) => {
    const { document } = parseHTML(p.html);
    const article = new Readability(document as unknown as Document).parse();
    return article?.textContent?.length ?? 0;
  };
}

function runWorker(contender: Contender, devDir: string): WorkerResult {
  const pages = loadPages(devDir);
  const run = makeRunner(contender);
  let bodyChars = 0;
  for (const p of pages) bodyChars += run(p);
  let passes = 0;
  const t0 = process.hrtime.bigint();
  let seconds = 0;
  while (passes < MIN_PASSES || seconds < MIN_SECONDS) {
    for (const p of pages) run(p);
    passes += 1;
    seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  return { pages: pages.length, passes, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, bodyChars };
}

function measureInChild(contender: Contender, devDir: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [WORKER_FLAG, contender, devDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: WorkerResult | null = null;
    child.on('message', (m) => {
      result = m as WorkerResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`scrape bench: ${contender} worker exited with code ${code} and no result`));
    });
  });
}

export async function main(evalDir = path.resolve('../shared/eval/article')): Promise<void> {
  const devDir = path.join(evalDir, 'dev');
  if (!fs.existsSync(devDir)) {
    console.log(`scrape bench: skipped, ${devDir} not found`);
    return;
  }
  const rate = (r: WorkerResult) => (r.pages * r.passes) / r.seconds;
  const best = (a: WorkerResult | null, b: WorkerResult) => (a && rate(a) >= rate(b) ? a : b);
  let ours: WorkerResult | null = null;
  let theirs: WorkerResult | null = null;
  let oursRss = 0;
  let theirsRss = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const o = await measureInChild('scrapeArticle', devDir);
    const t = await measureInChild('readability', devDir);
    ours = best(ours, o);
    theirs = best(theirs, t);
    oursRss = Math.max(oursRss, o.maxRssMiB);
    theirsRss = Math.max(theirsRss, t.maxRssMiB);
  }
  ours = { ...ours!, maxRssMiB: oursRss };
  theirs = { ...theirs!, maxRssMiB: theirsRss };
  const row = (name: string, r: WorkerResult): [string, string] => [
    name,
    `${rate(r).toFixed(1).padStart(7)} pages/s   ${((1000 * r.seconds) / (r.pages * r.passes)).toFixed(2).padStart(6)} ms/page   peak RSS ${r.maxRssMiB.toFixed(0)} MiB`,
  ];
  printTable(`article scraping on ${ours.pages} dev pages (child process per run, best of ${ROUNDS} alternating rounds, highest peak RSS)`, [
    row('scrapeArticle (cheerio/htmlparser2)', ours),
    row('Readability 0.6 on linkedom', theirs),
    ['throughput ratio ours / Readability', `${(rate(ours) / rate(theirs)).toFixed(2)}x`],
    ['peak RSS ratio ours / Readability', `${(ours.maxRssMiB / theirs.maxRssMiB).toFixed(2)}`],
  ]);
}

if (require.main === module && process.argv[2] === WORKER_FLAG) {
  const result = runWorker(process.argv[3] as Contender, process.argv[4]);
  process.send?.(result);
}
