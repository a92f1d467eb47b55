import { findConfigFile, loadSettings } from '../../config/settings';
import { ConfigError } from '../../errors';
import { RECORD_CSV_HEADER, recordCsvLine } from '../../store/export-records';
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
    .option('--json', 'one JSON record per line')
    .option('--csv', 'CSV with a header row')
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
    const records = await store.listRecords({ org: opts.org, since: opts.since, limit });
    if (opts.json) process.stdout.write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    else if (opts.csv) process.stdout.write(RECORD_CSV_HEADER + records.map(recordCsvLine).join(''));
    else process.stdout.write(`${formatRecordsTable(records)}\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
