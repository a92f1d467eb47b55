// Streams an NDJSON export of the given SQLite store to /dev/null and prints its peak RSS in bytes.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exportRecords } from '../src/store/export-records';
import { openSqliteStore } from '../src/store/sqlite-store';

async function run(): Promise<void> {
  const store = openSqliteStore(process.argv[2]);
  await pipeline(Readable.from(exportRecords(store, 'ndjson')), fs.createWriteStream('/dev/null'));
  await store.close();
  process.stdout.write(`${process.resourceUsage().maxRSS * 1024}\n`);
}

void run();
