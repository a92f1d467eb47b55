import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { findConfigFile, loadSettings } from '../../config/settings';
import { ConfigError } from '../../errors';
import { type ExportFormat, exportIncidents, exportRecords } from '../../store/export-records';
import type { RecordQuery } from '../../store/record-store';
import { DATA_TYPES, type DataType } from '../../types';
import type { RegisterCommand } from '../action';
import { checkDate } from '../args';
import { Runtime } from '../runtime';

export interface ExportCommandOptions {
  config?: string;
  db?: string;
  format?: string;
  incidents?: boolean;
  org?: string;
  dataType?: string;
  since?: string;
  until?: string;
  minCount?: string;
  out?: string;
}

export const registerExport: RegisterCommand = (program, action) => {
  program.command('export')
    .description('export records (or --incidents merged across sources) as NDJSON or CSV, streamed')
    .option('-c, --config <file>', 'config file')
    .option('--db <file>', 'SQLite file (default: data/breachfeed.db; DATABASE_URL selects PostgreSQL)')
    .option('--format <format>', 'ndjson or csv', 'ndjson')
    .option('--incidents', 'merged incidents instead of records')
    .option('--org <name>', 'organization name or key contains')
    .option('--data-type <type>', 'only with this data type')
    .option('--since <date>', 'disclosed on or after')
    .option('--until <date>', 'disclosed on or before')
    .option('--min-count <n>', 'affected count at least')
    .option('--out <file>', 'write here instead of stdout')
    .action(action(exportCommand));
};

/** `breachfeed export`: records (or merged incidents) as NDJSON or CSV, streamed to stdout or a file. */
export async function exportCommand(opts: ExportCommandOptions): Promise<number> {
  const format = (opts.format ?? 'ndjson') as ExportFormat;
  if (format !== 'ndjson' && format !== 'csv') throw new ConfigError(`export: --format must be ndjson or csv (got ${opts.format})`);
  const query = exportQuery(opts);
  const rt = new Runtime(loadSettings(findConfigFile(opts.config)), 'breachfeed-export', 2);
  try {
    const store = await rt.openStore(opts.db);
    const chunks = Readable.from(opts.incidents ? exportIncidents(store, format, query) : exportRecords(store, format, query));
    await pipeline(chunks, opts.out ? fs.createWriteStream(opts.out) : process.stdout);
    return 0;
  } finally {
    await rt.close();
  }
}

function exportQuery(opts: ExportCommandOptions): RecordQuery {
  checkDate('export', '--since', opts.since);
  checkDate('export', '--until', opts.until);
  if (opts.dataType !== undefined && !(DATA_TYPES as readonly string[]).includes(opts.dataType)) {
    throw new ConfigError(`export: --data-type ${opts.dataType} is not one of ${DATA_TYPES.join(', ')}`);
  }
  const minCount = opts.minCount === undefined ? undefined : Number(opts.minCount);
  if (minCount !== undefined && !(Number.isInteger(minCount) && minCount >= 0)) {
    throw new ConfigError(`export: --min-count must be a whole number (got ${opts.minCount})`);
  }
  return { org: opts.org, dataType: opts.dataType as DataType | undefined, since: opts.since, until: opts.until, minCount };
}
