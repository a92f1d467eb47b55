import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { findConfigFile, loadConfig } from '../../config/load-config';
import { ConfigError } from '../../errors';
import { type ExportFormat, exportRecords, filterIncidents, formatIncidents, loadIncidents } from '../../store/export-records';
import type { RecordQuery } from '../../store/record-store';
import { DATA_TYPES, type DataType } from '../../types';
import { openStore } from '../open-store';

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

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `breachfeed export`: records (or merged incidents) as NDJSON or CSV, streamed to stdout or a file. */
export async function exportCommand(opts: ExportCommandOptions): Promise<number> {
  const format = (opts.format ?? 'ndjson') as ExportFormat;
  if (format !== 'ndjson' && format !== 'csv') throw new ConfigError(`export: --format must be ndjson or csv (got ${opts.format})`);
  const query = exportQuery(opts);
  const store = await openStore(loadConfig(findConfigFile(opts.config)), opts.db);
  try {
    const chunks = opts.incidents
      ? Readable.from(formatIncidents(filterIncidents(await loadIncidents(store, { org: query.org }), query), format))
      : Readable.from(exportRecords(store, format, query));
    await pipeline(chunks, opts.out ? fs.createWriteStream(opts.out) : process.stdout);
    return 0;
  } finally {
    await store.close();
  }
}

function exportQuery(opts: ExportCommandOptions): RecordQuery {
  for (const flag of ['since', 'until'] as const) {
    const v = opts[flag];
    if (v !== undefined && !DATE.test(v)) throw new ConfigError(`export: --${flag} ${v} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  if (opts.dataType !== undefined && !(DATA_TYPES as readonly string[]).includes(opts.dataType)) {
    throw new ConfigError(`export: --data-type ${opts.dataType} is not one of ${DATA_TYPES.join(', ')}`);
  }
  const minCount = opts.minCount === undefined ? undefined : Number(opts.minCount);
  if (minCount !== undefined && !(Number.isInteger(minCount) && minCount >= 0)) {
    throw new ConfigError(`export: --min-count must be a whole number (got ${opts.minCount})`);
  }
  return { org: opts.org, dataType: opts.dataType as DataType | undefined, since: opts.since, until: opts.until, minCount };
}
