import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { findConfigFile, loadSettings } from '../../config/settings';
import { ConfigError } from '../../errors';
import { exportRecords } from '../../store/export-records';
import type { RegisterCommand } from '../action';
import { checkDate, parsePositiveInt } from '../args';
import { formatRecordsTable } from '../format';
import { Runtime } from '../runtime';

export interface RecordsCommandOptions {
  config?: string;
  db?: string;
  json?: boolean;
  csv?: boolean;
  org?: string;
  since?: string;
  limit?: string;
}

export const registerRecords: RegisterCommand = (program, action) => {
  program.command('records')
    .description('list stored records')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db)')
    .option('--json', 'one JSON record per line, in change order, streamed')
    .option('--csv', 'CSV with a header row, in change order, streamed')
    .option('--org <name>', 'only this organization (substring of name or key)')
    .option('--since <date>', 'only records disclosed on or after this date')
    .option('--limit <n>', 'at most this many records')
    .action(action(recordsCommand));
};

/** `breachfeed records`: what is stored, as a table, NDJSON or CSV. */
export async function recordsCommand(opts: RecordsCommandOptions): Promise<number> {
  if (opts.json && opts.csv) throw new ConfigError('records: choose one of --json and --csv');
  checkDate('records', '--since', opts.since);
  const limit = opts.limit ? parsePositiveInt('records', '--limit', opts.limit) : undefined;
  const rt = new Runtime(loadSettings(findConfigFile(opts.config)), 'breachfeed-records', 2);
  try {
    const store = await rt.openStore(opts.db);
    const query = { org: opts.org, since: opts.since, limit };
    // NDJSON and CSV are for programs: streamed in change order, at flat memory however many there are.
    if (opts.json || opts.csv) await pipeline(Readable.from(exportRecords(store, opts.csv ? 'csv' : 'ndjson', query)), process.stdout);
    else process.stdout.write(`${formatRecordsTable(await store.listRecords(query))}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
