// npm run bench: every benchmark in one process, one after the other, so ratios are measured
// under the same conditions. Each prints its own table.
import { main as distributedBench } from './distributed.bench';
import { main as extractBench } from './extract.bench';
import { main as incidentsBench } from './incidents.bench';
import { main as ledgerBench } from './ledger.bench';
import { main as poolBench } from './pool.bench';
import { main as scrapeBench } from './scrape.bench';
import { main as storeBench } from './store.bench';
import { main as webBench } from './web.bench';

const BENCHES: [string, () => Promise<void>][] = [
  ['extract', () => extractBench()],
  ['scrape', () => scrapeBench()],
  ['store', () => storeBench()],
  ['incidents', () => incidentsBench()],
  ['distributed', () => distributedBench()],
  ['pool', () => poolBench()],
  ['ledger', () => ledgerBench()],
  ['web', () => webBench()],
];

async function run(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, fn] of BENCHES) {
    if (only.length && !only.includes(name)) continue;
    await fn();
  }
}

run().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
