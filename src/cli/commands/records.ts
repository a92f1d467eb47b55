import { findConfigFile, loadConfig } from '../../config/load-config';
import { ConfigError } from '../../errors';
import { RECORD_CSV_HEADER, recordCsvLine } from '../../store/export-records';
import { formatRecordsTable } from '../format';
import { openStore } from '../open-store';
import { parsePositiveInt } from './run';

export interface RecordsCommandOptions {
  config?: string;
  db?: string;
  json?: boolean;
  csv?: boolean;
  org?: string;
  since?: string;
  limit?: string;
}

/** `breachfeed records`: what is stored, as a table, NDJSON or CSV. */
export async function recordsCommand(opts: RecordsCommandOptions): Promise<number> {
  if (opts.json && opts.csv) throw new ConfigError('records: choose one of --json and --csv');
  if (opts.since && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(opts.since)) {
    throw new ConfigError(`records: --since ${opts.since} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  const limit = opts.limit ? parsePositiveInt('--limit', opts.limit) : undefined;
  const store = await openStore(loadConfig(findConfigFile(opts.config)), opts.db);
  try {
    const records = await store.listRecords({ org: opts.org, since: opts.since, limit });
    if (opts.json) process.stdout.write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    else if (opts.csv) process.stdout.write(RECORD_CSV_HEADER + records.map(recordCsvLine).join(''));
    else process.stdout.write(`${formatRecordsTable(records)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
